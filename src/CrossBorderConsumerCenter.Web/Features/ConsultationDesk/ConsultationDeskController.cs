using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>
/// The staff's side of online consultations: the day and week views of the bookings per counselor, and the booking page
/// with a form per step staff may take now (post/redirect/get). A refused post shows the page again with the latest
/// state and what the user typed: 200 for invalid input, 409 when the booking changed meanwhile or the step does not
/// apply now. Nothing here is cached by the browser: every view of the applicant's data is audited.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff/consultations")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ConsultationDeskController(ShowBooking.Handler show, IStringLocalizer<ConsultationDeskText> text) : Controller
{
    private const string FlashKey = "Consultation.Flash";

    private Guid Me => BookingChanges.CurrentUserId(User);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? day, string? view, [FromServices] ListBookings.Handler list, CancellationToken ct) =>
        View(await list.HandleAsync(new ListBookings.Query(day, view), ct));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var page = await show.HandleAsync(id, Me, ct);
        return page is null ? NotFound() : View(page with { Flash = TempData[FlashKey] as string });
    }

    [HttpPost("{id:guid}/confirm")]
    public Task<IActionResult> Confirm(Guid id, [Bind(Prefix = nameof(BookingAction.Confirm))] ConfirmBooking.Form form,
        [FromServices] IValidator<ConfirmBooking.Form> validator, [FromServices] ConfirmBooking.Handler handler, CancellationToken ct) =>
        ActAsync(id, BookingAction.Confirm, form, validator, () => handler.HandleAsync(id, form, ct), forms => forms.Confirm = form, ct);

    [HttpPost("{id:guid}/move")]
    public Task<IActionResult> Move(Guid id, [Bind(Prefix = nameof(BookingAction.Move))] MoveBooking.Form form,
        [FromServices] IValidator<MoveBooking.Form> validator, [FromServices] MoveBooking.Handler handler, CancellationToken ct) =>
        ActAsync(id, BookingAction.Move, form, validator, () => handler.HandleAsync(id, form, ct), forms => forms.Move = form, ct);

    [HttpPost("{id:guid}/cancel")]
    public Task<IActionResult> Cancel(Guid id, [Bind(Prefix = nameof(BookingAction.Cancel))] CancelBooking.Form form,
        [FromServices] IValidator<CancelBooking.Form> validator, [FromServices] CancelBooking.Handler handler, CancellationToken ct) =>
        ActAsync(id, BookingAction.Cancel, form, validator, () => handler.HandleAsync(id, form, ct), forms => forms.Cancel = form, ct);

    [HttpPost("{id:guid}/identity")]
    public Task<IActionResult> Identity(Guid id, [Bind(Prefix = nameof(BookingAction.Identity))] RecordIdentity.Form form,
        [FromServices] IValidator<RecordIdentity.Form> validator, [FromServices] RecordIdentity.Handler handler, CancellationToken ct) =>
        ActAsync(id, BookingAction.Identity, form, validator, () => handler.HandleAsync(id, form, Me, ct), forms => forms.Identity = form, ct,
            done: form.Identified ? "Done_Identity_Held" : "Done_Identity_NotIdentified");

    [HttpPost("{id:guid}/no-contact")]
    public Task<IActionResult> NoContact(Guid id, [Bind(Prefix = nameof(BookingAction.NoContact))] RecordNoContact.Form form,
        [FromServices] IValidator<RecordNoContact.Form> validator, [FromServices] RecordNoContact.Handler handler, CancellationToken ct) =>
        ActAsync(id, BookingAction.NoContact, form, validator, () => handler.HandleAsync(id, form, Me, ct), forms => forms.NoContact = form, ct);

    [HttpPost("{id:guid}/notes")]
    public Task<IActionResult> Note(Guid id, [Bind(Prefix = nameof(BookingAction.Note))] AddBookingNote.Form form,
        [FromServices] IValidator<AddBookingNote.Form> validator, [FromServices] AddBookingNote.Handler handler, CancellationToken ct) =>
        ActAsync(id, BookingAction.Note, form, validator, () => handler.HandleAsync(id, form, Me, BookingChanges.CurrentUserName(User), ct), forms => forms.Note = form, ct);

    public static string PagePath(Guid id) => $"/staff/consultations/{id}";

    /// <summary>Validate, run the use case, then redirect (PRG) or show the page again with the posted form kept.</summary>
    private async Task<IActionResult> ActAsync<TForm>(
        Guid id, BookingAction action, TForm form, IValidator<TForm> validator, Func<Task<BookingChanges.Result>> handle,
        Action<BookingForms> keepPosted, CancellationToken ct, string? done = null)
    {
        var prefix = action.ToString();
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            validation.AddToModelState(ModelState, prefix);
            return await RedisplayAsync(id, action, keepPosted, StatusCodes.Status200OK, ct);
        }

        var result = await handle();
        switch (result.Outcome)
        {
            case BookingChanges.Outcome.Done:
                TempData[FlashKey] = text[done ?? "Done_" + action].Value;
                return Redirect(PagePath(id));
            case BookingChanges.Outcome.NotFound:
                return NotFound();
            case BookingChanges.Outcome.Refused:
                ModelState.AddModelError($"{prefix}.{result.Field}", text[result.MessageKey!]);
                return await RedisplayAsync(id, action, keepPosted, StatusCodes.Status200OK, ct);
            default:
                ModelState.AddModelError("", text["Conflict_" + result.Outcome, text["Action_" + action]]);
                return await RedisplayAsync(id, action, keepPosted, StatusCodes.Status409Conflict, ct);
        }
    }

    /// <summary>The page with the latest state of the booking, the posted form kept (with the latest version) and open.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, BookingAction action, Action<BookingForms> keepPosted, int status, CancellationToken ct)
    {
        var page = await show.HandleAsync(id, Me, ct);
        if (page is null)
        {
            return NotFound();
        }

        keepPosted(page.Forms);
        page.Forms.WithVersion(page.Booking.Version);
        Response.StatusCode = status;
        return View(nameof(Show), page with { PostedAction = action });
    }
}
