using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Counselors;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// Counselors of local centers book online consultations for residents, as they file cases for them: the public form
/// with the resident's details, who the resident is to the trouble and how they consented; the booking carries the
/// counselor and their center (FiledBy) and the audit trail records it. The counselor sees their center's bookings,
/// nothing of other centers. An account without an active center sees the counselors' "no center" page.
/// </summary>
[Authorize(Policy = Policies.Counselor)]
[Route("counselor/consultations")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CounselorConsultationsController(
    CurrentCounselor counselors,
    ConsultationScheduleStore schedules,
    ConsultationSeats seats,
    IStringLocalizer<ConsultationText> text,
    TimeProvider clock) : Controller
{
    private const string Views = "~/Features/Consultation/";
    private const string FlashKey = "Consultation.Counselor.Flash";

    /// <summary>How many of the center's bookings the list shows, newest slot first.</summary>
    public const int ListSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] AppDbContext db, CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        var rows = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.FiledByCenterId == me.CenterId)
            .OrderByDescending(b => b.SlotStart).ThenBy(b => b.Id)
            .Take(ListSize)
            .Select(b => new CenterBookingRow(b.SlotStart, b.Name, b.Status, b.ResidentRelation))
            .ToListAsync(ct);
        return View(Views + "CounselorIndex.cshtml", new CenterBookingsPage(me, rows, (await schedules.LoadAsync(ct)).Length));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        await counselors.FindAsync(User, ct) is { } me ? View(Views + "CounselorForm.cshtml", await PageAsync(me, new BookConsultation.ResidentForm(), ct)) : NoCenter();

    [HttpPost("new")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ConsultationController.RateLimit)]
    public async Task<IActionResult> New(
        BookConsultation.ResidentForm form, [FromServices] BookConsultation.ResidentValidator validator, [FromServices] BookConsultation.Handler handler,
        CancellationToken ct)
    {
        if (await counselors.FindAsync(User, ct) is not { } me)
        {
            return NoCenter();
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(Views + "CounselorForm.cshtml", await PageAsync(me, form, ct));
        }

        var resident = new BookConsultation.ForResident(
            new CounselorFiling(me.UserId, me.CenterId, FormValues.ParseEnum<ResidentRelation>(form.Relation)!.Value), FormValues.ParseEnum<ConsentMethod>(form.ConsentMethod)!.Value);
        var result = await handler.HandleAsync(form, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, resident, ct);
        if (result.Outcome == BookConsultation.Outcome.Booked)
        {
            TempData[FlashKey] = text["Counselor_Booked", SlotChoices.DayAndTime(result.Slot, (await schedules.LoadAsync(ct)).Length)].Value;
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddModelError(SlotChoices.FieldName, text[result.Outcome == BookConsultation.Outcome.SlotTaken ? "Slot_Taken" : "Slot_NotBookable"]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(Views + "CounselorForm.cshtml", await PageAsync(me, form, ct));
    }

    private ViewResult NoCenter()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Features/Counselors/NoCenter.cshtml");
    }

    private async Task<CounselorBookingPage> PageAsync(CounselorIdentity me, BookConsultation.ResidentForm form, CancellationToken ct)
    {
        var schedule = await schedules.LoadAsync(ct);
        return new CounselorBookingPage(me, form, await seats.FreeSlotsAsync(schedule, LocalizationRegistration.JapanToday(clock), ct), schedule.Length);
    }
}

public sealed record CounselorBookingPage(CounselorIdentity Counselor, BookConsultation.ResidentForm Form, IReadOnlyList<ConsultationSlot> FreeSlots, TimeSpan Length);

public sealed record CenterBookingsPage(CounselorIdentity Counselor, IReadOnlyList<CenterBookingRow> Rows, TimeSpan Length);

public sealed record CenterBookingRow(DateTimeOffset SlotStart, string ResidentName, ConsultationStatus Status, ResidentRelation? Relation)
{
    public ConsultationSlot Slot => ConsultationSlot.At(SlotStart);
}
