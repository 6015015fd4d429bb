using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

/// <summary>
/// Forwarding a case to the partner agency: compose (GET), preview (POST, nothing saved), send (POST, then back to the
/// case page). A refused step shows the compose page again with the reasons and everything staff wrote.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff/cases/{number}/forward")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ForwardingController(ComposeForward.Handler compose, IValidator<ComposeForward.Form> validator, IStringLocalizer<ForwardingText> text, IStringLocalizer<CasePageText> caseText) : Controller
{
    public const string FormPrefix = "Forward";

    /// <summary>The buttons of the preview.</summary>
    public static class Intents
    {
        public const string Send = "send";
        public const string Edit = "edit";
    }

    [HttpGet("")]
    public async Task<IActionResult> Compose(string number, CancellationToken ct)
    {
        var page = CaseNumber.TryParse(number, out var parsed) ? await compose.LoadAsync(parsed.ToString(), posted: null, ct) : null;
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("preview")]
    public async Task<IActionResult> Preview(string number, [Bind(Prefix = FormPrefix)] ComposeForward.Form form, CancellationToken ct)
    {
        var page = CaseNumber.TryParse(number, out var parsed) ? await compose.LoadAsync(parsed.ToString(), form, ct) : null;
        if (page is null)
        {
            return NotFound();
        }

        if (!await IsValidAsync(page, form, ct))
        {
            return View(nameof(Compose), page);
        }

        return View(await compose.WithPreviewAsync(page, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Send(
        string number, [Bind(Prefix = FormPrefix)] ComposeForward.Form form, string? intent, [FromServices] SendForward.Handler send, CancellationToken ct)
    {
        if (!CaseNumber.TryParse(number, out var parsed))
        {
            return NotFound();
        }

        var canonical = parsed.ToString();
        var page = await compose.LoadAsync(canonical, form, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (intent != Intents.Send || !await IsValidAsync(page, form, ct))
        {
            return View(nameof(Compose), page);
        }

        var result = await send.HandleAsync(canonical, form, User, ct);
        switch (result.Outcome)
        {
            case CaseChanges.Outcome.Done:
                TempData["Flash"] = caseText["Done_Forward", page.Agency!.NameIn(Language)].Value;
                return RedirectToAction(nameof(CasePageController.Show), "CasePage", new { number = canonical });
            case CaseChanges.Outcome.NotFound:
                return NotFound();
            case CaseChanges.Outcome.Refused:
                // Shown from the fresh page's own checks (refusals and problems) below.
                break;
            default:
                ModelState.AddModelError("", text[result.Outcome == CaseChanges.Outcome.ChangedBySomeoneElse ? "Conflict_Changed" : "Conflict_NotAllowed"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        // The latest state: refusals and problems found now, the text kept, the version updated so that sending again is deliberate.
        page = await compose.LoadAsync(canonical, form, ct);
        form.Version = page!.Case.Version;
        AddProblems(page);
        return View(nameof(Compose), page);
    }

    private static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private async Task<bool> IsValidAsync(ComposeForward.Page page, ComposeForward.Form form, CancellationToken ct)
    {
        (await validator.ValidateAsync(form, ct)).AddToModelState(ModelState, FormPrefix);
        if (page.CanForward)
        {
            AddProblems(page);
        }

        return ModelState.IsValid && page.CanForward;
    }

    private void AddProblems(ComposeForward.Page page)
    {
        if (!page.CanForward)
        {
            return;
        }

        foreach (var problem in ComposeForward.Handler.Check(page))
        {
            var arguments = problem.Arguments.Select(a => a is ComposeForward.Label label ? text[label.Key].Value : a).ToArray();
            ModelState.AddModelError(problem.Field.Length == 0 ? "" : $"{FormPrefix}.{problem.Field}", text[problem.MessageKey, arguments]);
        }
    }
}
