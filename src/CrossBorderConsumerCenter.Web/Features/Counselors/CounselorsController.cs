using System.Globalization;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// Local consumer counselors: their center's cases (dashboard and case pages), filing a case for a resident with the
/// intake's form and rules (after attesting the resident's consent), and adding information and files to their
/// center's open cases, nothing else. Every page first finds the counselor's center from the database; every case is
/// looked up by its number and that center together, so another center's case is "not found" on every URL.
/// </summary>
[Authorize(Policy = Policies.Counselor)]
[Route("counselor")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CounselorsController(
    CurrentCounselor counselors,
    CounselorDrafts drafts,
    AppDbContext db,
    IStringLocalizer<CounselorText> text,
    IStringLocalizer<IntakeText> intakeText) : Controller
{
    public const string FormPrefix = IntakeController.FormPrefix;
    private const string FlashKey = "Counselor.Flash";
    private const string AddedKey = "Counselor.Added";
    private const string RemovedKey = "Counselor.Removed";

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? after, [FromServices] ListCenterCases.Handler list, CancellationToken ct) =>
        await counselors.FindAsync(User, ct) is { } me
            ? View(new DashboardPage(me, await list.HandleAsync(me.CenterId, after, ct), await drafts.FindOpenAsync(me.UserId, ct) is { State: DraftState.Open }))
            : NoCenter();

    [HttpGet("cases/new")]
    public async Task<IActionResult> Attest(CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        var lookup = await drafts.FindOpenAsync(me.UserId, ct);
        var form = lookup.State is DraftState.Open or DraftState.NeedsConsent ? AttestConsent.Form.From(lookup.Draft!) : new AttestConsent.Form();
        return View(new AttestPage(me, form, lookup.State));
    }

    [HttpPost("cases/new")]
    public async Task<IActionResult> Attest(
        [Bind(Prefix = "Attest")] AttestConsent.Form form, [FromServices] AttestConsent.Validator validator, [FromServices] AttestConsent.Handler handler, CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        var lookup = await drafts.FindOpenAsync(me.UserId, ct);
        var result = await validator.ValidateAsync(form, ct);
        if (!result.IsValid || !ModelState.IsValid)
        {
            result.AddToModelState(ModelState, "Attest");
            return View(new AttestPage(me, form, lookup.State));
        }

        await handler.HandleAsync(me, form, lookup.State is DraftState.Open or DraftState.NeedsConsent ? lookup.Draft : null, ct);
        return RedirectToAction(nameof(Form));
    }

    [HttpGet("cases/new/form")]
    public async Task<IActionResult> Form(bool check, [FromServices] ResidentComplaintValidator validator, CancellationToken ct)
    {
        var (me, draft) = await OpenDraftAsync(ct);
        if (me is null || draft is null)
        {
            return Elsewhere(me);
        }

        var form = SaveComplaint.Deserialize(draft);
        if (check)
        {
            (await validator.ValidateAsync(form, ct)).AddToModelState(ModelState, FormPrefix);
        }

        var added = TempData[AddedKey] is string names ? names.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
        return View(await FormPageAsync(me, form, draft, added, TempData[RemovedKey] as string, ct));
    }

    [HttpPost("cases/new/form")]
    [RequestSizeLimit(IntakeController.MaxFormRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = IntakeController.MaxFormRequestBytes)]
    public async Task<IActionResult> Form(
        [Bind(Prefix = FormPrefix)] ComplaintForm form, string? intent, Guid? removeFile,
        [FromServices] ResidentComplaintValidator validator, [FromServices] SaveComplaint.Handler save, CancellationToken ct)
    {
        var (me, draft) = await OpenDraftAsync(ct);
        if (me is null || draft is null)
        {
            return Elsewhere(me);
        }

        var uploads = Request.HasFormContentType ? Request.Form.Files.GetFiles(IntakeController.EvidenceField) : [];
        var saved = await save.HandleAsync(draft, form, uploads, removeFile, ct);
        switch (intent)
        {
            case IntakeController.Intents.Autosave:
                return NoContent();
            case IntakeController.Intents.Consent:
                return RedirectToAction(nameof(Attest));
        }

        foreach (var refused in saved.Uploads.Where(u => u.Problem is not null))
        {
            ModelState.AddModelError(IntakeController.EvidenceField, intakeText["Evidence_" + refused.Problem, refused.FileName]);
        }

        var added = saved.Uploads.Where(u => u.Problem is null).Select(u => u.FileName).ToList();
        if (intent == IntakeController.Intents.Review)
        {
            (await validator.ValidateAsync(form, ct)).AddToModelState(ModelState, FormPrefix);
            if (ModelState.IsValid)
            {
                return RedirectToAction(nameof(Review));
            }
        }

        if (!ModelState.IsValid)
        {
            return View(await FormPageAsync(me, form, draft, added, saved.RemovedFileName, ct));
        }

        if (added.Count > 0)
        {
            TempData[AddedKey] = string.Join('\n', added);
        }

        if (saved.RemovedFileName is not null)
        {
            TempData[RemovedKey] = saved.RemovedFileName;
        }

        return Redirect(Url.Action(nameof(Form)) + "#evidence");
    }

    [HttpGet("cases/new/review")]
    public async Task<IActionResult> Review([FromServices] ResidentComplaintValidator validator, CancellationToken ct)
    {
        var (me, draft) = await OpenDraftAsync(ct);
        if (me is null || draft is null)
        {
            return Elsewhere(me);
        }

        var form = SaveComplaint.Deserialize(draft);
        if (!(await validator.ValidateAsync(form, ct)).IsValid)
        {
            return RedirectToAction(nameof(Form), new { check = true });
        }

        var review = new ReviewPage(form, form.ToDetails(), await HeldFile.OfAsync(db, draft, ct), draft.Consent, "~/counselor/cases/new/form", ForResident: true);
        return View(new CounselorReviewPage(me, review, draft.ResidentRelation!.Value));
    }

    [HttpPost("cases/new/submit")]
    public async Task<IActionResult> Submit([FromServices] SubmitComplaint.Handler submit, [FromServices] ReceiptLinks receipts, CancellationToken ct)
    {
        var (me, draft) = await OpenDraftAsync(ct);
        if (me is null || draft is null)
        {
            return Elsewhere(me);
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
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        if ((await drafts.FindOpenAsync(me.UserId, ct)).Draft is { } draft)
        {
            await intakeDrafts.DiscardAsync(draft, ct);
            TempData[FlashKey] = text["Draft_Discarded"].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpGet("cases/{number}/received")]
    public async Task<IActionResult> Received(string number, [FromServices] TrackingLinks links, [FromServices] ReceiptLinks receipts, CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        var c = CaseNumber.TryParse(number, out var parsed)
            ? await db.Cases.AsNoTracking().Where(x => x.Number == parsed.ToString() && x.FiledByCenterId == me.CenterId)
                .Select(x => new { x.Id, x.Number, x.ReceivedAt, x.ConsumerName, x.ConsumerEmail }).SingleOrDefaultAsync(ct)
            : null;
        if (c is null)
        {
            return NotFound();
        }

        var token = receipts.Recall(Request, c.Number);
        var url = token is not null && await links.IsCurrentAsync(c.Id, token, ct) ? links.UrlOf(token) : null;
        return View(new CounselorReceiptPage(c.Number, c.ReceivedAt, c.ConsumerName, c.ConsumerEmail, url));
    }

    [HttpGet("cases/{number}")]
    public async Task<IActionResult> Case(string number, [FromServices] ShowCounselorCase.Handler show, CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        var page = CaseNumber.TryParse(number, out var parsed) ? await show.HandleAsync(me, parsed.ToString(), ct) : null;
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("cases/{number}/information")]
    [RequestSizeLimit(IntakeController.MaxFormRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = IntakeController.MaxFormRequestBytes)]
    public async Task<IActionResult> AddInformation(
        string number, [Bind(Prefix = "Addition")] AddCaseInformation.Form form,
        [FromServices] AddCaseInformation.Validator validator, [FromServices] AddCaseInformation.Handler handler, [FromServices] ShowCounselorCase.Handler show,
        CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        var canonical = CaseNumber.TryParse(number, out var parsed) ? parsed.ToString() : null;
        var caseId = canonical is null ? null
            : await db.Cases.Where(c => c.Number == canonical && c.FiledByCenterId == me.CenterId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (caseId is null)
        {
            return NotFound();
        }

        var files = Request.HasFormContentType ? Request.Form.Files.GetFiles(AddCaseInformation.FilesField) : [];
        var status = StatusCodes.Status200OK;
        var validation = await validator.ValidateAsync(form, ct);
        if (validation.IsValid)
        {
            var result = await handler.HandleAsync(me, caseId.Value, form, files, ct);
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

        var page = (await show.HandleAsync(me, canonical!, ct))! with
        {
            Addition = form,
            FilesToChooseAgain = [.. files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => FileNames.Clean(f.FileName))],
        };
        Response.StatusCode = status;
        return View(nameof(Case), page);
    }

    /// <summary>The receipt of a case the counselor just filed (the path its tracking-link cookie is sent to).</summary>
    public static string ReceiptPath(string number) => $"/counselor/cases/{number}/received";

    /// <summary>The counselor and their open draft; where to go instead when there is none (or no center).</summary>
    private async Task<(CounselorIdentity? Me, IntakeDraft? Draft)> OpenDraftAsync(CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return (null, null);
        }

        var lookup = await drafts.FindOpenAsync(me.UserId, ct);
        return (me, lookup.State == DraftState.Open ? lookup.Draft : null);
    }

    private IActionResult Elsewhere(CounselorIdentity? me) => me is null ? NoCenter() : RedirectToAction(nameof(Attest));

    /// <summary>An account without an (active) center sees no case and can file none: it says so, with a 403.</summary>
    private ViewResult NoCenter()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("NoCenter");
    }

    private async Task<CounselorFormPage> FormPageAsync(CounselorIdentity me, ComplaintForm form, IntakeDraft draft, IReadOnlyList<string> added, string? removed, CancellationToken ct) =>
        new(me, new ComplaintFormPage(form, await HeldFile.OfAsync(db, draft, ct), added, removed, draft.Consent, ForResident: true), draft.ResidentRelation!.Value);
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
