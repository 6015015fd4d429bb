using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.PartnerAnswer;

/// <summary>
/// The partner agency's answer page, reached through the link in a forward email (no account): in the agency's
/// language, never indexed or cached, rate-limited per client address. A wrong, expired or malformed link gets one
/// plain page that says nothing about any case.
/// </summary>
[Route("partner/{token}")]
[EnableRateLimiting(PartnerAnswerRateLimit.Policy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PartnerAnswerController(
    RecordPartnerAnswer.Handler answers, RecordPartnerAnswer.Validator validator, IStringLocalizer<Intake.IntakeText> intake) : Controller
{
    public const string FilesField = "Files";

    [HttpGet("")]
    public async Task<IActionResult> Answer(string token, CancellationToken ct)
    {
        NoIndex();
        var link = await answers.FindAsync(token, ct);
        return link is null ? Invalid() : Show(link, new RecordPartnerAnswer.Form());
    }

    [HttpPost("")]
    [RequestSizeLimit(RecordPartnerAnswer.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = RecordPartnerAnswer.MaxRequestBytes)]
    public async Task<IActionResult> Answer(string token, RecordPartnerAnswer.Form form, CancellationToken ct)
    {
        NoIndex();
        var link = await answers.FindAsync(token, ct);
        if (link is null)
        {
            return Invalid();
        }

        if (link.State != RecordPartnerAnswer.LinkState.Open)
        {
            return Show(link, form);
        }

        UseLanguage(link.Language);
        var files = await RecordPartnerAnswer.ReadAsync(Request.HasFormContentType ? Request.Form.Files.GetFiles(FilesField) : [], ct);
        (await validator.ValidateAsync(form, ct)).AddToModelState(ModelState);
        foreach (var refused in files.Where(f => f.Problem is not null))
        {
            ModelState.AddModelError(FilesField, intake["Evidence_" + refused.Problem, refused.FileName]);
        }

        if (!ModelState.IsValid)
        {
            return Show(link, form, filesDropped: files.Count > 0);
        }

        var outcome = await answers.HandleAsync(token, form, files, ct);
        return outcome == RecordPartnerAnswer.Outcome.Invalid ? Invalid() : RedirectToAction(nameof(Answer), new { token });
    }

    private InLanguageResult Show(RecordPartnerAnswer.LinkView link, RecordPartnerAnswer.Form form, bool filesDropped = false) =>
        new(link.State switch
        {
            RecordPartnerAnswer.LinkState.Answered => View("Answered", link),
            RecordPartnerAnswer.LinkState.NotExpected => View("NotExpected", link),
            _ => View(new PartnerAnswerPage(link, form, filesDropped)),
        }, link.Language);

    /// <summary>One page for every link that does not work, in English (no agency is known), 404.</summary>
    private InLanguageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return new InLanguageResult(View("Invalid"), Languages.English);
    }

    private void NoIndex() => Response.Headers["X-Robots-Tag"] = "noindex, nofollow";

    private static void UseLanguage(string language) =>
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);

    /// <summary>
    /// A page rendered in the agency's language, whatever the visitor's browser asks for. The culture is set here, around
    /// the view's rendering: set in the (asynchronous) action it would not outlive the action.
    /// </summary>
    private sealed class InLanguageResult(IActionResult page, string language) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            UseLanguage(language);
            return page.ExecuteResultAsync(context);
        }
    }
}

public sealed record PartnerAnswerPage(RecordPartnerAnswer.LinkView Link, RecordPartnerAnswer.Form Form, bool FilesDropped);
