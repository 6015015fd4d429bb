using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// Online consultations for the public: the page that explains them (what, for whom, what to prepare, the notices, and
/// the phone first for urgent matters) with the free slots and the application form; the "received, not yet confirmed"
/// page; and the applicant's private link to their booking, from which they cancel or move it. A slot taken meanwhile
/// gives the form back with everything typed kept and the slots still free.
/// </summary>
[Route("consultation")]
public sealed class ConsultationController(
    ConsultationScheduleStore schedules,
    ConsultationSeats seats,
    ApplicantBooking applicant,
    IStringLocalizer<ConsultationText> text,
    TimeProvider clock) : Controller
{
    public const string RateLimit = "consultation-form";
    private const string ReceivedKey = "Consultation.Received";
    private const string FlashKey = "Consultation.Flash";

    /// <summary>Before the slot in TempData: its serializer would read a bare "2027-01-06T14:00" back as a DateTime.</summary>
    private const string SlotPrefix = "slot:";

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new BookConsultation.Form(), ct));

    [HttpPost("")]
    [EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Index(
        BookConsultation.Form form, [FromServices] BookConsultation.Validator validator, [FromServices] BookConsultation.Handler handler, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(await PageAsync(form, ct));
        }

        var result = await handler.HandleAsync(form, Language, resident: null, ct);
        if (result.Outcome == BookConsultation.Outcome.Booked)
        {
            TempData[ReceivedKey] = SlotPrefix + result.Slot.Value;
            return RedirectToAction(nameof(Received));
        }

        ModelState.AddModelError(SlotChoices.FieldName, text[result.Outcome == BookConsultation.Outcome.SlotTaken ? "Slot_Taken" : "Slot_NotBookable"]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(await PageAsync(form, ct));
    }

    [HttpGet("received")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Received() =>
        View(new ReceivedPage(TempData[ReceivedKey] is string value && value.StartsWith(SlotPrefix, StringComparison.Ordinal)
            && ConsultationSlot.TryParse(value[SlotPrefix.Length..], out var slot) ? slot : null));

    [HttpGet("booking/{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Booking(string token, CancellationToken ct) =>
        await applicant.FindAsync(token, ct) is { } booking ? View(await applicant.PageAsync(booking, token, ct)) : NoBooking();

    [HttpGet("booking/{token}/cancel")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Cancel(string token, CancellationToken ct) =>
        await applicant.FindAsync(token, ct) is { } booking
            ? applicant.CanChange(booking) ? View(await applicant.PageAsync(booking, token, ct)) : RedirectToAction(nameof(Booking), new { token })
            : NoBooking();

    [HttpPost("booking/{token}/cancel")]
    [EnableRateLimiting(RateLimit)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> CancelConfirmed(string token, CancellationToken ct)
    {
        if (await applicant.FindAsync(token, ct) is not { } booking)
        {
            return NoBooking();
        }

        TempData[FlashKey] = text[await applicant.CancelAsync(booking, ct) switch
        {
            ApplicantBooking.Outcome.Done => "Cancel_Done",
            ApplicantBooking.Outcome.ChangedMeanwhile => "ChangedMeanwhile",
            _ => "Change_TooLate",
        }].Value;
        return RedirectToAction(nameof(Booking), new { token });
    }

    [HttpPost("booking/{token}/move")]
    [EnableRateLimiting(RateLimit)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Move(string token, string? slot, CancellationToken ct)
    {
        if (await applicant.FindAsync(token, ct) is not { } booking)
        {
            return NoBooking();
        }

        var outcome = ConsultationSlot.TryParse(slot, out var chosen) ? await applicant.MoveAsync(booking, chosen, ct) : (ApplicantBooking.Outcome?)null;
        switch (outcome)
        {
            case ApplicantBooking.Outcome.Done:
                TempData[FlashKey] = text["Move_Done"].Value;
                return RedirectToAction(nameof(Booking), new { token });
            case ApplicantBooking.Outcome.TooLate or ApplicantBooking.Outcome.ChangedMeanwhile:
                TempData[FlashKey] = text[outcome == ApplicantBooking.Outcome.TooLate ? "Change_TooLate" : "ChangedMeanwhile"].Value;
                return RedirectToAction(nameof(Booking), new { token });
        }

        // Not a slot, no longer bookable, or taken meanwhile: the page again with the slots still free.
        ModelState.AddModelError(SlotChoices.FieldName, text[outcome switch
        {
            null => "Move_SlotRequired",
            ApplicantBooking.Outcome.SlotTaken => "Slot_Taken_Move",
            _ => "Slot_NotBookable",
        }]);
        Response.StatusCode = outcome is null ? StatusCodes.Status200OK : StatusCodes.Status409Conflict;
        var fresh = await applicant.FindAsync(token, ct);
        return fresh is null ? NoBooking() : View(nameof(Booking), await applicant.PageAsync(fresh, token, ct) with { Selected = slot });
    }

    /// <summary>The one page for every link that opens no booking: it reveals nothing about any.</summary>
    private ViewResult NoBooking()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Response.Headers.CacheControl = "no-store";
        return View(nameof(NoBooking));
    }

    private async Task<ConsultationPage> PageAsync(BookConsultation.Form form, CancellationToken ct)
    {
        var schedule = await schedules.LoadAsync(ct);
        var free = await seats.FreeSlotsAsync(schedule, LocalizationRegistration.JapanToday(clock), ct);
        return new ConsultationPage(form, free, schedule.Length);
    }
}

/// <summary>The public page: the form as typed and the slots an application made today may take.</summary>
public sealed record ConsultationPage(BookConsultation.Form Form, IReadOnlyList<ConsultationSlot> FreeSlots, TimeSpan Length);

/// <summary>The page after an application; <paramref name="Slot"/> is the time asked for (shown once, after the redirect).</summary>
public sealed record ReceivedPage(ConsultationSlot? Slot);

/// <summary>The slots and the applicant's fields both forms share; <paramref name="ForResident"/> for a counselor's booking.</summary>
public sealed record ApplicantFields(BookConsultation.Form Form, IReadOnlyList<ConsultationSlot> FreeSlots, TimeSpan Length, bool ForResident);
