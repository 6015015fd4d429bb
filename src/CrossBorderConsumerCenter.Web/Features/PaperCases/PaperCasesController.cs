using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.ConsultationDesk;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.PaperCases;

/// <summary>
/// Staff enter a case that came by fax, letter or phone: first how and when it came and the consumer's consent as staff
/// attest it, then the intake's own form, rules and steps (the draft keeps every value and file across errors), a
/// review, and the case, which joins the queue like any other. The original (the scanned fax or letter) is attached as
/// evidence with the intake's file rules, and the review is refused without it. The consumer gets the intake's
/// acknowledgement with their tracking link only when an email address was given.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff/cases/new")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PaperCasesController(
    StaffDrafts drafts,
    ComplaintFormFlow formFlow,
    PaperComplaintValidator formValidator,
    IStringLocalizer<PaperCaseText> text) : Controller
{
    private const string FormPath = "~/staff/cases/new/form";

    /// <summary>The case page's message after a redirect (CasePageController shows it).</summary>
    private const string CasePageFlashKey = "Flash";

    private const string FlashKey = "PaperCase.Flash";

    private Guid Me => CaseChanges.CurrentUserId(User);

    /// <summary>The first step; with <paramref name="consultation"/>, of a case opened from that online consultation's booking.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Start(Guid? consultation, [FromServices] ConsultationCases consultations, CancellationToken ct)
    {
        var lookup = await drafts.FindOpenAsync(Me, ct);
        var drafted = lookup.State is DraftState.Open or DraftState.NeedsConsent;
        var form = drafted ? StartPaperCase.Form.From(lookup.Draft!) : new StartPaperCase.Form();
        if (consultation is { } bookingId && form.ConsultationId != bookingId)
        {
            if (await ConsultationRefusalAsync(bookingId, drafted ? lookup.Draft : null, consultations, ct) is { } refusal)
            {
                ModelState.AddModelError("", refusal);
            }
            else
            {
                form = StartPaperCase.Form.ForConsultation((await consultations.OpenableAsync(bookingId, ct))!);
            }
        }

        return View(new StartPage(form, lookup.State, TempData[FlashKey] as string));
    }

    [HttpPost("")]
    public async Task<IActionResult> Start(
        [Bind(Prefix = "Start")] StartPaperCase.Form form, [FromServices] StartPaperCase.Validator validator, [FromServices] StartPaperCase.Handler handler,
        [FromServices] ConsultationCases consultations, CancellationToken ct)
    {
        var lookup = await drafts.FindOpenAsync(Me, ct);
        var result = await validator.ValidateAsync(form, ct);
        if (!result.IsValid || !ModelState.IsValid)
        {
            result.AddToModelState(ModelState, "Start");
            return View(new StartPage(form, lookup.State, null));
        }

        var drafted = lookup.State is DraftState.Open or DraftState.NeedsConsent ? lookup.Draft : null;
        if (form.ConsultationId is { } bookingId && drafted?.ConsultationBookingId != bookingId
            && await ConsultationRefusalAsync(bookingId, drafted, consultations, ct) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return View(new StartPage(form, lookup.State, null));
        }

        await handler.HandleAsync(Me, form, lookup.State is DraftState.Open or DraftState.NeedsConsent ? lookup.Draft : null, ct);
        return RedirectToAction(nameof(Form));
    }

    [HttpGet("form")]
    public async Task<IActionResult> Form(bool check, CancellationToken ct)
    {
        if (await OpenDraftAsync(ct) is not { } draft)
        {
            return RedirectToAction(nameof(Start));
        }

        var page = await formFlow.ShowAsync(draft, check, formValidator, ModelState, TempData, forResident: false, ct);
        if (check)
        {
            RequireOriginal(draft);
        }

        return View(new PaperFormPage(page with { ByStaff = true }, draft.PaperChannel!.Value));
    }

    [HttpPost("form")]
    [RequestSizeLimit(IntakeController.MaxFormRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = IntakeController.MaxFormRequestBytes)]
    public async Task<IActionResult> Form([Bind(Prefix = IntakeController.FormPrefix)] ComplaintForm form, string? intent, Guid? removeFile, CancellationToken ct)
    {
        if (await OpenDraftAsync(ct) is not { } draft)
        {
            return RedirectToAction(nameof(Start));
        }

        var uploads = Request.HasFormContentType ? Request.Form.Files.GetFiles(IntakeController.EvidenceField) : [];
        var posted = await formFlow.PostAsync(draft, form, uploads, intent, removeFile, formValidator, ModelState, TempData, forResident: false, ct);
        if (posted.Next == ComplaintFormFlow.Destination.Review && RequireOriginal(draft))
        {
            // The form is valid, but a fax or letter needs its scan: the form again, as saved, with the evidence named.
            var page = await formFlow.ShowAsync(draft, check: false, formValidator, ModelState, TempData, forResident: false, ct);
            return View(new PaperFormPage(page with { ByStaff = true }, draft.PaperChannel!.Value));
        }

        return posted.Next switch
        {
            ComplaintFormFlow.Destination.Saved => NoContent(),
            ComplaintFormFlow.Destination.Consent => RedirectToAction(nameof(Start)),
            ComplaintFormFlow.Destination.Review => RedirectToAction(nameof(Review)),
            ComplaintFormFlow.Destination.ShowForm => View(new PaperFormPage(posted.Page! with { ByStaff = true }, draft.PaperChannel!.Value)),
            _ => Redirect(Url.Action(nameof(Form)) + "#evidence"),
        };
    }

    [HttpGet("review")]
    public async Task<IActionResult> Review(CancellationToken ct)
    {
        if (await OpenDraftAsync(ct) is not { } draft)
        {
            return RedirectToAction(nameof(Start));
        }

        return !LacksOriginal(draft) && await formFlow.ReviewAsync(draft, formValidator, FormPath, forResident: false, ct) is { } review
            ? View(new PaperReviewPage(review with { ByStaff = true }, draft.PaperChannel!.Value, draft.PaperReceivedAt!.Value, draft.PaperLanguage!))
            : RedirectToAction(nameof(Form), new { check = true });
    }

    [HttpPost("submit")]
    public async Task<IActionResult> Submit([FromServices] SubmitComplaint.Handler submit, [FromServices] ConsultationCases consultations, CancellationToken ct)
    {
        if (await OpenDraftAsync(ct) is not { } draft)
        {
            return RedirectToAction(nameof(Start));
        }

        if (LacksOriginal(draft))
        {
            return RedirectToAction(nameof(Form), new { check = true });
        }

        var channel = draft.PaperChannel!.Value;
        var consultation = draft.ConsultationBookingId;
        var result = await submit.HandleAsync(draft.Id, draft.PaperLanguage!, ct);
        switch (result.Outcome)
        {
            case SubmitComplaint.Outcome.Received or SubmitComplaint.Outcome.AlreadyReceived:
                // A case from an online consultation is linked to its booking (once: a second submission finds it linked).
                var linked = consultation is { } bookingId && await consultations.LinkAsync(bookingId, result.CaseNumber!, ct);
                TempData[CasePageFlashKey] = (linked ? text["Entered_Consultation", result.CaseNumber!] : text["Entered", result.CaseNumber!, text["Channel_" + channel]]).Value;
                return Redirect(CasePagePath(result.CaseNumber!));
            case SubmitComplaint.Outcome.Incomplete:
                return RedirectToAction(nameof(Form), new { check = true });
            default:
                return RedirectToAction(nameof(Start));
        }
    }

    /// <summary>"Delete these entries": the draft and its files go now.</summary>
    [HttpPost("discard")]
    public async Task<IActionResult> Discard([FromServices] IntakeDrafts intakeDrafts, CancellationToken ct)
    {
        if ((await drafts.FindOpenAsync(Me, ct)).Draft is { } draft)
        {
            await intakeDrafts.DiscardAsync(draft, ct);
            TempData[FlashKey] = text["Draft_Discarded"].Value;
        }

        return RedirectToAction(nameof(Start));
    }

    public static string CasePagePath(string number) => $"/staff/cases/{number}";

    /// <summary>
    /// Why a case cannot be started from the booking now, or null: the consultation was not held or has its case already,
    /// or the staff member is entering another case (one at a time: they finish or delete it first).
    /// </summary>
    private async Task<string?> ConsultationRefusalAsync(Guid bookingId, IntakeDraft? openDraft, ConsultationCases consultations, CancellationToken ct) =>
        await consultations.OpenableAsync(bookingId, ct) is null ? text["Start_Consultation_NotOpenable"].Value
        : openDraft is not null && openDraft.ConsultationBookingId != bookingId ? text["Start_Consultation_OtherDraft"].Value
        : null;

    private static bool LacksOriginal(IntakeDraft draft) => PaperIntakeRules.NeedsOriginal(draft.PaperChannel!.Value) && draft.Files.Count == 0;

    /// <summary>Names the missing original on the evidence field; true when it is missing.</summary>
    private bool RequireOriginal(IntakeDraft draft)
    {
        if (!LacksOriginal(draft))
        {
            return false;
        }

        ModelState.AddModelError(IntakeController.EvidenceField, text["Original_Required", text["Channel_" + draft.PaperChannel]]);
        return true;
    }

    /// <summary>The staff member's open draft, if any (the first step opens one).</summary>
    private async Task<IntakeDraft?> OpenDraftAsync(CancellationToken ct) =>
        await drafts.FindOpenAsync(Me, ct) is { State: DraftState.Open, Draft: { } draft } ? draft : null;
}

public sealed record StartPage(StartPaperCase.Form Form, DraftState State, string? Flash);

public sealed record PaperFormPage(ComplaintFormPage Complaint, CaseChannel Channel);

public sealed record PaperReviewPage(ReviewPage Review, CaseChannel Channel, DateTimeOffset ReceivedAt, string Language);

/// <summary>The intake's complaint rules for a case that came by fax, letter or phone: the consumer's email is optional.</summary>
public sealed class PaperComplaintValidator : FluentValidation.AbstractValidator<ComplaintForm>
{
    public PaperComplaintValidator(IStringLocalizer<IntakeText> text, TimeProvider clock, IOptions<SmtpOptions> smtp) =>
        Include(new ComplaintForm.Validator(text, clock, consumerEmailRequired: false, smtp.Value.InternationalAddresses));
}
