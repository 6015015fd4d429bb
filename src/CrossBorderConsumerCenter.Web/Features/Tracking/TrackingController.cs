using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// The consumer's own view of their case, through the private link from the receipt and the acknowledgement email:
/// status in plain words, the consumer-visible timeline, answering the center's question (text and files), and
/// withdrawing (with a confirmation step), and, once the case is finished, asking for its personal data to be deleted
/// (a request staff confirm). A wrong, replaced or missing token gets one plain page that reveals
/// nothing. "I lost my link" sends a new one when the case number and the email match, and answers the same either
/// way. Nothing here is cached, and logs show the route template only, never the token.
/// </summary>
[Route("track")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TrackingController(
    TrackingLinks links, ShowTracking.Handler show, IStringLocalizer<TrackingText> text, IStringLocalizer<IntakeText> intakeText) : Controller
{
    public const string LostLinkRateLimit = "tracking-lost-link";
    private const string FlashKey = "Tracking.Flash";
    private const string SentKey = "Tracking.Sent";

    [HttpGet("")]
    public IActionResult Index() => NoLink();

    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken ct) =>
        await links.FindCaseIdAsync(token, ct) is { } caseId ? View(await show.HandleAsync(caseId, token, ct)) : NoLink();

    [HttpPost("{token}/answer")]
    [RequestSizeLimit(IntakeController.MaxFormRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = IntakeController.MaxFormRequestBytes)]
    public async Task<IActionResult> Answer(
        string token, [Bind(Prefix = "Answer")] AnswerRequest.Form form, [FromServices] AnswerRequest.Validator validator, [FromServices] AnswerRequest.Handler handler, CancellationToken ct)
    {
        if (await links.FindCaseIdAsync(token, ct) is not { } caseId)
        {
            return NoLink();
        }

        var files = Request.HasFormContentType ? Request.Form.Files.GetFiles(AnswerRequest.FilesField) : [];
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Answer");
            return await RedisplayAsync(caseId, token, form, files, ct);
        }

        var result = await handler.HandleAsync(caseId, form, files, ct);
        switch (result.Outcome)
        {
            case CaseAdditions.Outcome.Saved:
                TempData[FlashKey] = text["Answer_Sent"].Value;
                return RedirectToAction(nameof(Show), new { token });
            case CaseAdditions.Outcome.FilesRefused:
                foreach (var refused in result.Uploads.Where(u => u.Problem is not null))
                {
                    ModelState.AddModelError(AnswerRequest.FilesField, intakeText["Evidence_" + refused.Problem, refused.FileName]);
                }

                return await RedisplayAsync(caseId, token, form, files, ct);
            case CaseAdditions.Outcome.NotAllowed:
                ModelState.AddModelError("", text["Answer_NotWaiting"]);
                return await RedisplayAsync(caseId, token, form, files, ct, StatusCodes.Status409Conflict);
            default:
                ModelState.AddModelError("", text["ChangedMeanwhile"]);
                return await RedisplayAsync(caseId, token, form, files, ct, StatusCodes.Status409Conflict);
        }
    }

    [HttpGet("{token}/withdraw")]
    public async Task<IActionResult> Withdraw(string token, CancellationToken ct) =>
        await links.FindCaseIdAsync(token, ct) is { } caseId
            ? View(new WithdrawPage(await show.HandleAsync(caseId, token, ct), new WithdrawCase.Form()))
            : NoLink();

    [HttpPost("{token}/withdraw")]
    public async Task<IActionResult> Withdraw(
        string token, [Bind(Prefix = "Withdraw")] WithdrawCase.Form form, [FromServices] WithdrawCase.Validator validator, [FromServices] WithdrawCase.Handler handler, CancellationToken ct)
    {
        var (caseId, refused) = await CheckedPostAsync(token, form, validator, "Withdraw", c => new WithdrawPage(c, form), ct);
        if (refused is not null)
        {
            return refused;
        }

        switch (await handler.HandleAsync(caseId, form, ct))
        {
            case WithdrawCase.Outcome.Withdrawn:
                TempData[FlashKey] = text["Withdraw_Done"].Value;
                return RedirectToAction(nameof(Show), new { token });
            case WithdrawCase.Outcome.NotOpen:
                TempData[FlashKey] = text["Withdraw_NotOpen"].Value;
                return RedirectToAction(nameof(Show), new { token });
            default:
                ModelState.AddModelError("", text["ChangedMeanwhile"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(new WithdrawPage(await show.HandleAsync(caseId, token, ct), form));
        }
    }

    [HttpGet("{token}/deletion")]
    public async Task<IActionResult> Deletion(string token, CancellationToken ct) =>
        await links.FindCaseIdAsync(token, ct) is { } caseId
            ? View(new DeletionPage(await show.HandleAsync(caseId, token, ct), new RequestDeletion.Form()))
            : NoLink();

    [HttpPost("{token}/deletion")]
    public async Task<IActionResult> Deletion(
        string token, [Bind(Prefix = "Deletion")] RequestDeletion.Form form, [FromServices] RequestDeletion.Validator validator, [FromServices] RequestDeletion.Handler handler, CancellationToken ct)
    {
        var (caseId, refused) = await CheckedPostAsync(token, form, validator, "Deletion", c => new DeletionPage(c, form), ct);
        if (refused is not null)
        {
            return refused;
        }

        TempData[FlashKey] = text["Deletion_" + await handler.HandleAsync(caseId, form, ct)].Value;
        return RedirectToAction(nameof(Show), new { token });
    }

    [HttpGet("lost")]
    public IActionResult Lost() => View(new LostLinkPage(new ResendTrackingLink.Form(), TempData[SentKey] as string is { } answer ? LostLinkAnswer.Read(answer) : null));

    [HttpPost("lost")]
    [EnableRateLimiting(LostLinkRateLimit)]
    public async Task<IActionResult> Lost(
        [Bind(Prefix = "Lost")] ResendTrackingLink.Form form, [FromServices] ResendTrackingLink.Validator validator, [FromServices] ResendTrackingLink.Handler handler, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Lost");
            return View(new LostLinkPage(form, Answer: null));
        }

        TempData[SentKey] = LostLinkAnswer.Write(await handler.HandleAsync(form, ct));
        return RedirectToAction(nameof(Lost));
    }

    /// <summary>
    /// A confirmation step's post: the case of the link when the link is good and the form valid, or the page to answer
    /// with instead (the link's "no case" page, or the step's page again with the messages and what was typed).
    /// </summary>
    private async Task<(Guid CaseId, IActionResult? Refused)> CheckedPostAsync<TForm>(
        string token, TForm form, IValidator<TForm> validator, string prefix, Func<TrackingPage, object> page, CancellationToken ct)
    {
        if (await links.FindCaseIdAsync(token, ct) is not { } caseId)
        {
            return (Guid.Empty, NoLink());
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (validation.IsValid)
        {
            return (caseId, null);
        }

        validation.AddToModelState(ModelState, prefix);
        return (caseId, View(page(await show.HandleAsync(caseId, token, ct))));
    }

    /// <summary>The one page for every link that does not open a case: it says what to do, and nothing about any case.</summary>
    private ViewResult NoLink()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NoLink");
    }

    private async Task<IActionResult> RedisplayAsync(Guid caseId, string token, AnswerRequest.Form form, IEnumerable<IFormFile> files, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var page = await show.HandleAsync(caseId, token, ct) with
        {
            Answer = form,
            FilesToChooseAgain = [.. files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => FileNames.Clean(f.FileName))],
        };
        Response.StatusCode = status;
        return View(nameof(Show), page);
    }
}

public sealed record WithdrawPage(TrackingPage Case, WithdrawCase.Form Form);

public sealed record DeletionPage(TrackingPage Case, RequestDeletion.Form Form);

/// <summary>The lost-link page; <paramref name="Answer"/> is what the last request got (the same for a match and a non-match).</summary>
public sealed record LostLinkPage(ResendTrackingLink.Form Form, ResendTrackingLink.Answer? Answer);

/// <summary>The answer carried across the redirect: "sent", or the time from which the same request may be made again.</summary>
internal static class LostLinkAnswer
{
    private const string Taken = "sent";

    public static string Write(ResendTrackingLink.Answer answer) =>
        answer.HeldBackUntil is { } until ? until.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : Taken;

    public static ResendTrackingLink.Answer? Read(string value) =>
        value == Taken ? new ResendTrackingLink.Answer(null)
        : long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new ResendTrackingLink.Answer(new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;
}
