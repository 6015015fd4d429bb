using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The consumer's way in: the consent gate, the form (with evidence), the review page and the receipt.
/// Every step after the gate checks on the server that the draft has valid consent, and sends the
/// consumer back to the gate if not. All state lives in the server-side draft (ADR 0010). Once sent, nothing in the
/// browser leads back to the case but the receipt right after sending (ADR 0072): computers are shared, and whoever
/// opens the form next starts afresh. The pages hold personal data, so no browser or proxy keeps a copy.
/// </summary>
[Route("complaint")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IntakeController(
    IntakeDrafts drafts,
    GiveConsent.Validator consentValidator,
    GiveConsent.Handler giveConsent,
    ComplaintForm.Validator formValidator,
    ComplaintFormFlow formFlow,
    SubmitComplaint.Handler submitComplaint,
    TrackingLinks trackingLinks,
    ReceiptLinks receiptLinks,
    SubmissionTickets tickets,
    TimeProvider clock,
    AppDbContext db) : Controller
{
    public const string FormPrefix = "Form";
    public const string ConsentPrefix = "Consent";
    public const string EvidenceField = "Evidence";

    /// <summary>The receipt's path.</summary>
    public const string ReceiptPath = "/complaint/received";

    /// <summary>The path of intake's cookies: the draft's and the receipt's (which every step of the form forgets).</summary>
    public const string CookiePath = "/complaint";

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
        var lookup = await LookUpDraftAsync(ct);
        var form = lookup.State is DraftState.Open or DraftState.NeedsConsent ? GiveConsent.Form.From(lookup.Draft!.Consent) : new GiveConsent.Form();
        return View(new ConsentPage(form, lookup.State, TempData.ContainsKey(DiscardedKey)));
    }

    [HttpPost("consent")]
    [EnableRateLimiting(IntakeFormRateLimit.NewDraftPolicy)]
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
        var lookup = await LookUpDraftAsync(ct);
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
        var lookup = await LookUpDraftAsync(ct);
        if (Gate(lookup) is { } elsewhere)
        {
            return elsewhere;
        }

        return await formFlow.ReviewAsync(lookup.Draft!, formValidator, "~/complaint/form", forResident: false, ct) is { } review
            ? View(review with { SubmissionTicket = tickets.Issue(lookup.Draft!.Id) })
            : RedirectToAction(nameof(Form), new { check = true });
    }

    /// <summary>
    /// "Send": the draft this browser holds becomes one case. The same page sent again (its ticket) finds that case
    /// instead, and shows its receipt while <see cref="IntakeDraft.ReceiptWindow"/> lasts; later, only the page that says
    /// where the number and link are. Either way the draft's cookie goes: the browser no longer leads to the case.
    /// </summary>
    [HttpPost("submit")]
    public async Task<IActionResult> Submit([FromForm(Name = SubmissionTickets.FieldName)] string? submission, CancellationToken ct)
    {
        var lookup = await drafts.FindAsync(Request, ct);
        var ticket = tickets.Read(submission);
        // The page is this browser's open draft's (a page without a ticket is taken for the draft the browser holds).
        var sendsHeldDraft = lookup.State == DraftState.Open && (ticket is null || ticket == lookup.Draft!.Id);
        SubmitComplaint.Result result;
        if (sendsHeldDraft)
        {
            result = await submitComplaint.HandleAsync(lookup.Draft!.Id, Language, ct);
        }
        else if (ticket is { } draftId)
        {
            result = await submitComplaint.RecallAsync(draftId, ct);
        }
        else
        {
            result = new SubmitComplaint.Result(lookup.State == DraftState.Submitted ? SubmitComplaint.Outcome.AlreadyReceived : SubmitComplaint.Outcome.NoDraft);
        }

        switch (result.Outcome)
        {
            case SubmitComplaint.Outcome.Received or SubmitComplaint.Outcome.AlreadyReceived:
                if (sendsHeldDraft || lookup.State == DraftState.Submitted)
                {
                    // The draft this browser held is a case now (another draft it holds, open, stays).
                    drafts.ForgetCookie(HttpContext);
                }

                if (result is { CaseNumber: { } number, SubmittedAt: { } submittedAt } && IntakeDraft.ShowsReceipt(submittedAt, clock.GetUtcNow()))
                {
                    RememberReceipt(number, result.TrackingToken, submittedAt + IntakeDraft.ReceiptWindow);
                }

                return RedirectToAction(nameof(Received));
            case SubmitComplaint.Outcome.Incomplete:
                return RedirectToAction(nameof(Form), new { check = true });
            default:
                return RedirectToAction(nameof(Consent));
        }
    }

    /// <summary>
    /// The receipt, right after sending, in the browser that sent: the number, the tracking link, what comes next. Past
    /// <see cref="IntakeDraft.ReceiptWindow"/>, or once the form has been opened again, a page that names no case.
    /// </summary>
    [HttpGet("received")]
    public async Task<IActionResult> Received(CancellationToken ct)
    {
        // Receipts of earlier versions kept the link in a cookie of the receipt's path for 24 hours: it is not read, and goes.
        if (Request.Cookies.ContainsKey(ReceiptLinks.CookieName))
        {
            receiptLinks.Forget(HttpContext, ReceiptLinks.CookieName, ReceiptPath);
        }

        var remembered = receiptLinks.Read(Request, ReceiptLinks.ConsumerCookieName);
        var found = remembered is null ? null : await db.Cases.AsNoTracking()
            .Where(c => c.Number == remembered.CaseNumber)
            .Select(c => new
            {
                Page = new ReceiptPage(c.Id, c.Number, c.ReceivedAt, c.ConsumerEmail ?? "", c.BusinessCountryCode,
                    c.Consents.OrderByDescending(k => k.GivenAt).First().AgreesToProvisionAbroad),
                c.PurchaseDate,
                c.ArrivedOn,
                c.PaymentMethod,
                c.PurchasePlatform,
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return View("NoReceipt");
        }

        var receipt = found.Page with
        {
            Deadlines = new Cases.RightsDeadlinesView(TimeLimitedRights.For(found.PurchaseDate, found.ArrivedOn, found.PaymentMethod, found.PurchasePlatform),
                PurchaseTimeliness.TodayInJapan(clock.GetUtcNow())),
        };

        // The link again after a reload, while it still opens the case.
        var token = remembered!.Token;
        var trackingUrl = token is not null && await trackingLinks.IsCurrentAsync(receipt.CaseId, token, ct) ? trackingLinks.UrlOf(token) : null;
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
        ForgetReceipt();
        return RedirectToAction(nameof(Consent));
    }

    /// <summary>
    /// The draft of a step of the form. Opening the form is where the next person on a shared computer starts: the
    /// receipt of an earlier complaint is forgotten, and a draft already sent leads nowhere (its cookie goes).
    /// </summary>
    private async Task<DraftLookup> LookUpDraftAsync(CancellationToken ct)
    {
        ForgetReceipt();
        var lookup = await drafts.FindAsync(Request, ct);
        if (lookup.State == DraftState.Submitted)
        {
            drafts.ForgetCookie(HttpContext);
        }

        return lookup;
    }

    /// <summary>
    /// Keeps the receipt of the case just sent for the receipt page, until <paramref name="expires"/>. A repeat that got no
    /// link (only a new case has one) leaves alone the receipt the first submission left in this browser, link and all.
    /// </summary>
    private void RememberReceipt(string caseNumber, string? token, DateTimeOffset expires)
    {
        if (token is null && receiptLinks.Read(Request, ReceiptLinks.ConsumerCookieName)?.CaseNumber == caseNumber)
        {
            return;
        }

        receiptLinks.Remember(HttpContext, ReceiptLinks.ConsumerCookieName, CookiePath, new RememberedReceipt(caseNumber, token), expires);
    }

    private void ForgetReceipt()
    {
        if (Request.Cookies.ContainsKey(ReceiptLinks.ConsumerCookieName))
        {
            receiptLinks.Forget(HttpContext, ReceiptLinks.ConsumerCookieName, CookiePath);
        }
    }

    /// <summary>Null when the draft is open; otherwise where the consumer must go instead.</summary>
    private RedirectToActionResult? Gate(DraftLookup lookup) => lookup.State == DraftState.Open ? null : RedirectToAction(nameof(Consent));
}
