using System.Globalization;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// Local consumer counselors: their center's cases (dashboard and case pages), filing a case for a resident with the
/// intake's form, rules and steps (after attesting the resident's consent), and adding information and files to their
/// center's open cases, nothing else. <see cref="CounselorCenterFilter"/> finds the counselor's center before every
/// action; every case is looked up by its number and that center together, so another center's case is "not found"
/// on every URL.
/// </summary>
[Authorize(Policy = Policies.Counselor)]
[Route("counselor")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[TypeFilter<CounselorCenterFilter>]
public sealed class CounselorsController(
    CounselorDrafts drafts,
    ComplaintFormFlow formFlow,
    ResidentComplaintValidator formValidator,
    IStringLocalizer<CounselorText> text,
    IStringLocalizer<IntakeText> intakeText) : Controller
{
    public const string FormPrefix = IntakeController.FormPrefix;
    private const string FormPath = "~/counselor/cases/new/form";
    private const string FlashKey = "Counselor.Flash";

    private CounselorIdentity Me => CounselorCenterFilter.Of(HttpContext);

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? after, [FromServices] ListCenterCases.Handler list, CancellationToken ct) =>
        View(new DashboardPage(Me, await list.HandleAsync(Me.CenterId, after, ct), await drafts.FindOpenAsync(Me.UserId, ct) is { State: DraftState.Open }));

    [HttpGet("cases/new")]
    public async Task<IActionResult> Attest(CancellationToken ct)
    {
        var lookup = await drafts.FindOpenAsync(Me.UserId, ct);
        var form = lookup.State is DraftState.Open or DraftState.NeedsConsent ? AttestConsent.Form.From(lookup.Draft!) : new AttestConsent.Form();
        return View(new AttestPage(Me, form, lookup.State));
    }

    [HttpPost("cases/new")]
    public async Task<IActionResult> Attest(
        [Bind(Prefix = "Attest")] AttestConsent.Form form, [FromServices] AttestConsent.Validator validator, [FromServices] AttestConsent.Handler handler, CancellationToken ct)
    {
        var lookup = await drafts.FindOpenAsync(Me.UserId, ct);
        var result = await validator.ValidateAsync(form, ct);
        if (!result.IsValid || !ModelState.IsValid)
        {
            result.AddToModelState(ModelState, "Attest");
            return View(new AttestPage(Me, form, lookup.State));
        }

        await handler.HandleAsync(Me, form, lookup.State is DraftState.Open or DraftState.NeedsConsent ? lookup.Draft : null, ct);
        return RedirectToAction(nameof(Form));
    }

    [HttpGet("cases/new/form")]
    public async Task<IActionResult> Form(bool check, CancellationToken ct) =>
        await OpenDraftAsync(ct) is { } draft
            ? View(new CounselorFormPage(Me, await formFlow.ShowAsync(draft, check, formValidator, ModelState, TempData, forResident: true, ct), draft.ResidentRelation!.Value))
            : RedirectToAction(nameof(Attest));

    [HttpPost("cases/new/form")]
    [RequestSizeLimit(IntakeController.MaxFormRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = IntakeController.MaxFormRequestBytes)]
    public async Task<IActionResult> Form([Bind(Prefix = FormPrefix)] ComplaintForm form, string? intent, Guid? removeFile, CancellationToken ct)
    {
        if (await OpenDraftAsync(ct) is not { } draft)
        {
            return RedirectToAction(nameof(Attest));
        }

        var uploads = Request.HasFormContentType ? Request.Form.Files.GetFiles(IntakeController.EvidenceField) : [];
        var posted = await formFlow.PostAsync(draft, form, uploads, intent, removeFile, formValidator, ModelState, TempData, forResident: true, ct);
        return posted.Next switch
        {
            ComplaintFormFlow.Destination.Saved => NoContent(),
            ComplaintFormFlow.Destination.Consent => RedirectToAction(nameof(Attest)),
            ComplaintFormFlow.Destination.Review => RedirectToAction(nameof(Review)),
            ComplaintFormFlow.Destination.ShowForm => View(new CounselorFormPage(Me, posted.Page!, draft.ResidentRelation!.Value)),
            _ => Redirect(Url.Action(nameof(Form)) + "#evidence"),
        };
    }

    [HttpGet("cases/new/review")]
    public async Task<IActionResult> Review(CancellationToken ct)
    {
        if (await OpenDraftAsync(ct) is not { } draft)
        {
            return RedirectToAction(nameof(Attest));
        }

        return await formFlow.ReviewAsync(draft, formValidator, FormPath, forResident: true, ct) is { } review
            ? View(new CounselorReviewPage(Me, review, draft.ResidentRelation!.Value))
            : RedirectToAction(nameof(Form), new { check = true });
    }

    [HttpPost("cases/new/submit")]
    public async Task<IActionResult> Submit([FromServices] SubmitComplaint.Handler submit, [FromServices] ReceiptLinks receipts, CancellationToken ct)
    {
        if (await OpenDraftAsync(ct) is not { } draft)
        {
            return RedirectToAction(nameof(Attest));
        }

        var result = await submit.HandleAsync(draft.Id, Language, ct);
        switch (result.Outcome)
        {
            case SubmitComplaint.Outcome.Received or SubmitComplaint.Outcome.AlreadyReceived:
                var receipt = ReceiptPath(result.CaseNumber!);
                if (result.TrackingToken is { } token)
                {
                    receipts.Remember(HttpContext, receipt, result.CaseNumber!, token);
                }

                return Redirect(receipt);
            case SubmitComplaint.Outcome.Incomplete:
                return RedirectToAction(nameof(Form), new { check = true });
            default:
                return RedirectToAction(nameof(Attest));
        }
    }

    /// <summary>"Delete these entries": the draft and its files go now.</summary>
    [HttpPost("cases/new/discard")]
    public async Task<IActionResult> Discard([FromServices] IntakeDrafts intakeDrafts, CancellationToken ct)
    {
        if ((await drafts.FindOpenAsync(Me.UserId, ct)).Draft is { } draft)
        {
            await intakeDrafts.DiscardAsync(draft, ct);
            TempData[FlashKey] = text["Draft_Discarded"].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpGet("cases/{number}/received")]
    public async Task<IActionResult> Received(string number, [FromServices] ShowCounselorReceipt.Handler show, CancellationToken ct) =>
        await show.HandleAsync(Me, number, Request, ct) is { } page ? View(page) : NotFound();

    [HttpGet("cases/{number}")]
    public async Task<IActionResult> Case(string number, [FromServices] ShowCounselorCase.Handler show, CancellationToken ct) =>
        CaseNumber.TryParse(number, out var parsed) && await show.HandleAsync(Me, parsed.ToString(), ct) is { } page ? View(page) : NotFound();

    [HttpPost("cases/{number}/information")]
    [RequestSizeLimit(IntakeController.MaxFormRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = IntakeController.MaxFormRequestBytes)]
    public async Task<IActionResult> AddInformation(
        string number, [Bind(Prefix = "Addition")] AddCaseInformation.Form form, [FromServices] CurrentCounselor counselors,
        [FromServices] AddCaseInformation.Validator validator, [FromServices] AddCaseInformation.Handler handler, [FromServices] ShowCounselorCase.Handler show,
        CancellationToken ct)
    {
        if (await counselors.FindCaseAsync(Me, number, ct) is not var (caseId, canonical))
        {
            return NotFound();
        }

        var files = Request.HasFormContentType ? Request.Form.Files.GetFiles(AddCaseInformation.FilesField) : [];
        var status = StatusCodes.Status200OK;
        var validation = await validator.ValidateAsync(form, ct);
        if (validation.IsValid)
        {
            var result = await handler.HandleAsync(Me, caseId, form, files, ct);
            switch (result.Outcome)
            {
                case CaseAdditions.Outcome.Saved:
                    TempData[FlashKey] = text["Add_Done"].Value;
                    return RedirectToAction(nameof(Case), new { number = canonical });
                case CaseAdditions.Outcome.FilesRefused:
                    foreach (var refused in result.Uploads.Where(u => u.Problem is not null))
                    {
                        ModelState.AddModelError(AddCaseInformation.FilesField, intakeText["Evidence_" + refused.Problem, refused.FileName]);
                    }

                    break;
                case CaseAdditions.Outcome.NotAllowed:
                    ModelState.AddModelError("", text["Add_NotOpen"]);
                    status = StatusCodes.Status409Conflict;
                    break;
                default:
                    ModelState.AddModelError("", text["ChangedMeanwhile"]);
                    status = StatusCodes.Status409Conflict;
                    break;
            }
        }
        else
        {
            validation.AddToModelState(ModelState, "Addition");
        }

        var page = (await show.HandleAsync(Me, canonical, ct))! with
        {
            Addition = form,
            FilesToChooseAgain = [.. files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => FileNames.Clean(f.FileName))],
        };
        Response.StatusCode = status;
        return View(nameof(Case), page);
    }

    /// <summary>The receipt of a case the counselor just filed (the path its tracking-link cookie is sent to).</summary>
    public static string ReceiptPath(string number) => $"/counselor/cases/{number}/received";

    /// <summary>The counselor's open draft, if any (attesting the resident's consent opens one).</summary>
    private async Task<IntakeDraft?> OpenDraftAsync(CancellationToken ct) =>
        await drafts.FindOpenAsync(Me.UserId, ct) is { State: DraftState.Open, Draft: { } draft } ? draft : null;
}

public sealed record DashboardPage(CounselorIdentity Counselor, ListCenterCases.Page Cases, bool HasDraft);

public sealed record AttestPage(CounselorIdentity Counselor, AttestConsent.Form Form, DraftState State);

public sealed record CounselorFormPage(CounselorIdentity Counselor, ComplaintFormPage Complaint, ResidentRelation Relation);

public sealed record CounselorReviewPage(CounselorIdentity Counselor, ReviewPage Review, ResidentRelation Relation);

public sealed record CounselorReceiptPage(string Number, DateTimeOffset ReceivedAt, string ResidentName, string? ResidentEmail, Uri? TrackingUrl);

/// <summary>The intake's complaint rules for a resident a counselor files for: the resident's email is optional.</summary>
public sealed class ResidentComplaintValidator : FluentValidation.AbstractValidator<ComplaintForm>
{
    public ResidentComplaintValidator(IStringLocalizer<IntakeText> text, TimeProvider clock, IOptions<SmtpOptions> smtp) =>
        Include(new ComplaintForm.Validator(text, clock, consumerEmailRequired: false, smtp.Value.InternationalAddresses));
}
