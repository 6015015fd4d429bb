using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The consumer's way in: the consent gate, the form (with evidence), the review page and the receipt.
/// Every step after the gate checks on the server that the draft has valid consent, and sends the
/// consumer back to the gate if not. All state lives in the server-side draft (ADR 0010).
/// </summary>
[Route("complaint")]
public sealed class IntakeController(
    IntakeDrafts drafts,
    GiveConsent.Validator consentValidator,
    GiveConsent.Handler giveConsent,
    ComplaintForm.Validator formValidator,
    ComplaintFormFlow formFlow,
    SubmitComplaint.Handler submitComplaint,
    TrackingLinks trackingLinks,
    ReceiptLinks receiptLinks,
    AppDbContext db) : Controller
{
    public const string FormPrefix = "Form";
    public const string ConsentPrefix = "Consent";
    public const string EvidenceField = "Evidence";

    /// <summary>The receipt's path: the only one the browser sends the receipt's tracking-link cookie to.</summary>
    public const string ReceiptPath = "/complaint/received";

    /// <summary>All the evidence a draft may hold, plus room for the form's text.</summary>
    public const long MaxFormRequestBytes = EvidenceFiles.MaxTotalBytes + (4 * 1024 * 1024);

    /// <summary>The buttons of the form: what the consumer wants after the values are saved.</summary>
    public static class Intents
    {
        public const string Review = "review";
        public const string Upload = "upload";

        /// <summary>"Change your choice" of consent, from the form: save first, then go to the gate.</summary>
        public const string Consent = "consent";

        /// <summary>Sent by intake.js while the consumer types and before the language switches: save the values (never files), answer 204.</summary>
        public const string Autosave = "autosave";

        /// <summary>"Delete my entries": save, then ask on a page of its own; nothing is deleted from the form itself.</summary>
        public const string Discard = "discard";
    }

    private const string DiscardedKey = "Intake.Discarded";

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public IActionResult Start() => RedirectToAction(nameof(Consent));

    [HttpGet("consent")]
    public async Task<IActionResult> Consent(CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        var form = lookup.State is DraftState.Open or DraftState.NeedsConsent ? GiveConsent.Form.From(lookup.Draft!.Consent) : new GiveConsent.Form();
        return View(new ConsentPage(form, lookup.State, TempData.ContainsKey(DiscardedKey)));
    }

    [HttpPost("consent")]
    public async Task<IActionResult> Consent([Bind(Prefix = ConsentPrefix)] GiveConsent.Form form, CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        var result = await consentValidator.ValidateAsync(form, ct);
        if (!result.IsValid || !ModelState.IsValid)
        {
            result.AddToModelState(ModelState, ConsentPrefix);
            return View(new ConsentPage(form, lookup.State, Discarded: false));
        }

        var openDraft = lookup.State is DraftState.Open or DraftState.NeedsConsent ? lookup.Draft : null;
        var (draft, newToken) = await giveConsent.HandleAsync(form, openDraft, ct);
        if (newToken is not null)
        {
            drafts.IssueCookie(HttpContext, newToken, draft.ExpiresAt);
        }
        else
        {
            drafts.RenewCookie(HttpContext, draft);
        }

        return RedirectToAction(nameof(Form));
    }

    [HttpGet("form")]
    public async Task<IActionResult> Form(bool check, CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (Gate(lookup) is { } elsewhere)
        {
            return elsewhere;
        }

        return View(await formFlow.ShowAsync(lookup.Draft!, check, formValidator, ModelState, TempData, forResident: false, ct));
    }

    [HttpPost("form")]
    [EnableRateLimiting(IntakeFormRateLimit.Policy)]
    [RequestSizeLimit(MaxFormRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFormRequestBytes)]
    public async Task<IActionResult> Form([Bind(Prefix = FormPrefix)] ComplaintForm form, string? intent, Guid? removeFile, CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (Gate(lookup) is { } elsewhere)
        {
            return elsewhere;
        }

        var uploads = Request.HasFormContentType ? Request.Form.Files.GetFiles(EvidenceField) : [];
        var posted = await formFlow.PostAsync(lookup.Draft!, form, uploads, intent, removeFile, formValidator, ModelState, TempData, forResident: false, ct);
        drafts.RenewCookie(HttpContext, lookup.Draft!);
        return posted.Next switch
        {
            ComplaintFormFlow.Destination.Saved => NoContent(),
            ComplaintFormFlow.Destination.Consent => RedirectToAction(nameof(Consent)),
            ComplaintFormFlow.Destination.Review => RedirectToAction(nameof(Review)),
            ComplaintFormFlow.Destination.ShowForm => View(posted.Page),
            ComplaintFormFlow.Destination.ConfirmDiscard => RedirectToAction(nameof(Discard)),
            _ => Redirect(Url.Action(nameof(Form)) + "#evidence"),
        };
    }

    [HttpGet("review")]
    public async Task<IActionResult> Review(CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (Gate(lookup) is { } elsewhere)
        {
            return elsewhere;
        }

        return await formFlow.ReviewAsync(lookup.Draft!, formValidator, "~/complaint/form", forResident: false, ct) is { } review
            ? View(review)
            : RedirectToAction(nameof(Form), new { check = true });
    }

    [HttpPost("submit")]
    public async Task<IActionResult> Submit(CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (lookup.State == DraftState.Submitted)
        {
            return RedirectToAction(nameof(Received));
        }

        if (lookup.State != DraftState.Open)
        {
            return RedirectToAction(nameof(Consent));
        }

        var result = await submitComplaint.HandleAsync(lookup.Draft!.Id, Language, ct);
        if (result.TrackingToken is { } token)
        {
            receiptLinks.Remember(HttpContext, ReceiptPath, result.CaseNumber!, token);
        }

        return result.Outcome switch
        {
            SubmitComplaint.Outcome.Received or SubmitComplaint.Outcome.AlreadyReceived => RedirectToAction(nameof(Received)),
            SubmitComplaint.Outcome.Incomplete => RedirectToAction(nameof(Form), new { check = true }),
            _ => RedirectToAction(nameof(Consent)),
        };
    }

    [HttpGet("received")]
    public async Task<IActionResult> Received(CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (lookup.State != DraftState.Submitted)
        {
            return Gate(lookup) ?? RedirectToAction(nameof(Form));
        }

        var caseId = lookup.Draft!.SubmittedCaseId;
        var receipt = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new ReceiptPage(c.Number, c.ReceivedAt, c.ConsumerEmail ?? "", c.BusinessCountryCode,
                c.Consents.OrderByDescending(k => k.GivenAt).First().AgreesToProvisionAbroad))
            .SingleAsync(ct);

        // The link again after a reload (this browser's cookie), while it is still the case's link.
        var token = receiptLinks.Recall(Request, receipt.CaseNumber);
        var trackingUrl = token is not null && await trackingLinks.IsCurrentAsync(caseId!.Value, token, ct) ? trackingLinks.UrlOf(token) : null;
        return View(receipt with { TrackingUrl = trackingUrl });
    }

    /// <summary>
    /// "Delete my entries" asks first, on a page that works without JavaScript, so that a mis-tap never deletes: what
    /// would go (the entries and the files, by name), [Delete] and [Back to the form].
    /// </summary>
    [HttpGet("discard")]
    public async Task<IActionResult> Discard(CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (Gate(lookup) is { } elsewhere)
        {
            return elsewhere;
        }

        return View(new DiscardPage(await HeldFile.OfAsync(db, lookup.Draft!, ct)));
    }

    /// <summary>[Delete] on the question: the draft and its files go now, the cookie is forgotten. A submitted draft is a case and stays.</summary>
    [HttpPost("discard")]
    [ActionName(nameof(Discard))]
    public async Task<IActionResult> ConfirmDiscard(CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (lookup.State == DraftState.Submitted)
        {
            return RedirectToAction(nameof(Received));
        }

        if (lookup.Draft is { } draft)
        {
            await drafts.DiscardAsync(draft, ct);
            TempData[DiscardedKey] = "1";
        }

        drafts.ForgetCookie(HttpContext);
        return RedirectToAction(nameof(Consent));
    }

    /// <summary>
    /// "File another complaint" after a receipt: the draft goes (its files belong to its case and stay), the cookie
    /// is forgotten. A draft not yet submitted is never deleted here (a page from before the question posted its
    /// "delete my entries" here): the consumer is asked first.
    /// </summary>
    [HttpPost("restart")]
    public async Task<IActionResult> Restart(CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        if (lookup.Draft is { IsSubmitted: false })
        {
            return RedirectToAction(nameof(Discard));
        }

        if (lookup.Draft is { } draft)
        {
            await drafts.DiscardAsync(draft, ct);
        }

        drafts.ForgetCookie(HttpContext);
        receiptLinks.Forget(HttpContext, ReceiptPath);
        return RedirectToAction(nameof(Consent));
    }

    /// <summary>Null when the draft is open; otherwise where the consumer must go instead.</summary>
    private RedirectToActionResult? Gate(DraftLookup lookup) => lookup.State switch
    {
        DraftState.Open => null,
        DraftState.Submitted => RedirectToAction(nameof(Received)),
        _ => RedirectToAction(nameof(Consent)),
    };
}
