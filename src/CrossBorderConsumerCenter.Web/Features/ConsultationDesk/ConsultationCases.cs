using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>
/// A case opened from an online consultation that turned out to be about a cross-border trouble: staff enter it with the
/// steps of a case that came by fax, letter or phone (Features/PaperCases), its form filled with the applicant's details
/// as registered, and once it is entered it is linked to the booking (once, and only for a consultation that was held).
/// </summary>
public sealed class ConsultationCases(AppDbContext db, AuditTrail audit, ILogger<ConsultationCases> logger)
{
    /// <summary>The booking a case may be opened from now (held, without a case yet), or null.</summary>
    public Task<ConsultationBooking?> OpenableAsync(Guid bookingId, CancellationToken ct) =>
        db.ConsultationBookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId && b.Status == ConsultationStatus.Held && b.CaseId == null && b.AnonymisedAt == null, ct);

    /// <summary>The complaint form's values the booking gives: the applicant's name, kana, address, phone and email, and what they described.</summary>
    public static ComplaintForm FormFor(ConsultationBooking booking) => new()
    {
        Consumer = new()
        {
            Name = booking.Name,
            NameKana = booking.NameKana,
            Email = booking.Email,
            EmailConfirmation = booking.Email,
            Phone = booking.Phone,
            PostalCode = booking.PostalCode,
            Prefecture = booking.PrefectureCode,
            Address = booking.Address,
        },
        Trouble = new() { WhatHappened = booking.Description },
    };

    /// <summary>
    /// Links the case numbered <paramref name="caseNumber"/> to the booking, with its audit entry. False when the booking
    /// can no longer take one (another case was linked meanwhile): the case stays as entered.
    /// </summary>
    public async Task<bool> LinkAsync(Guid bookingId, string caseNumber, CancellationToken ct)
    {
        try
        {
            var booking = await db.ConsultationBookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
            var caseId = await db.Cases.AsNoTracking().Where(c => c.Number == caseNumber).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (booking is null || caseId is null || booking.LinkCase(caseId.Value) != ConsultationRefusal.None)
            {
                return false;
            }

            audit.Record(AuditAction.ConsultationCaseOpened, BookingChanges.SubjectType, booking.Id.ToString(), caseId, new { caseNumber });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Consultation booking {BookingId}: case {CaseId} opened from it", booking.Id, caseId);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
