using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationSettings;

/// <summary>Admins keep the online consultations' schedule: slot times, seats per slot, horizon, and the closed days.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/consultations")]
public sealed class ConsultationSettingsController(
    ShowConsultationSettings.Handler show,
    SaveConsultationSchedule.Validator scheduleValidator,
    SaveConsultationSchedule.Handler saveSchedule,
    ClosedDays.Validator closedDayValidator,
    ClosedDays.Handler closedDays,
    AppDbContext db,
    IStringLocalizer<ConsultationSettingsText> text) : Controller
{
    private const string FlashKey = "Flash";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await show.HandleAsync(null, null, ct));

    [HttpPost("")]
    public async Task<IActionResult> Save(SaveConsultationSchedule.Form form, CancellationToken ct)
    {
        var validation = await scheduleValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(nameof(Index), await show.HandleAsync(form, null, ct));
        }

        var outcome = await saveSchedule.HandleAsync(form, ct);
        if (outcome == SaveConsultationSchedule.Outcome.ChangedBySomeoneElse)
        {
            // What the admin typed stays on the page with the latest version: saving it again is a deliberate choice.
            ModelState.AddModelError(nameof(form.SlotTimes), text["Error_ChangedBySomeoneElse"]);
            form.Version = await db.ConsultationSettings.AsNoTracking().Select(s => s.Version).SingleOrDefaultAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), await show.HandleAsync(form, null, ct));
        }

        TempData[FlashKey] = outcome == SaveConsultationSchedule.Outcome.Saved ? text["Schedule_Saved"].Value : text["Schedule_Unchanged"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("closed-days")]
    public async Task<IActionResult> AddClosedDay(ClosedDays.Form form, CancellationToken ct)
    {
        var validation = await closedDayValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(nameof(Index), await show.HandleAsync(null, form, ct));
        }

        var result = await closedDays.AddAsync(form, ct);
        if (result.Outcome == ClosedDays.Outcome.AlreadyClosed)
        {
            ModelState.AddModelError(nameof(form.Day), text["Error_DayAlreadyClosed"]);
            return View(nameof(Index), await show.HandleAsync(null, form, ct));
        }

        var day = ClosedDays.Iso(form.ParsedDay!.Value);
        TempData[FlashKey] = result.BookingsThatDay > 0
            ? (result.BookingsThatDay == 1 ? text["ClosedDay_AddedWithOneBooking", day] : text["ClosedDay_AddedWithBookings", day, result.BookingsThatDay]).Value
            : text["ClosedDay_Added", day].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("closed-days/{day}/remove")]
    public async Task<IActionResult> RemoveClosedDay(string day, CancellationToken ct)
    {
        if (new ClosedDays.Form { Day = day }.ParsedDay is not { } parsed)
        {
            return NotFound();
        }

        var result = await closedDays.RemoveAsync(parsed, ct);
        TempData[FlashKey] = result.Outcome == ClosedDays.Outcome.Done ? text["ClosedDay_Removed", ClosedDays.Iso(parsed)].Value : text["ClosedDay_NotFound", ClosedDays.Iso(parsed)].Value;
        return RedirectToAction(nameof(Index));
    }
}
