using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>Who reads what the center writes to "the consumer" of a case, in which language, and the name to greet.</summary>
/// <param name="Recipients">The addresses, answering as <see cref="Party"/>: a reply comes back to the case from them.</param>
/// <param name="Language">The case's language ("ja" or "en").</param>
/// <param name="Name">The name the message greets: the consumer's, or the counselor's (their center's, for several).</param>
/// <param name="ViaCounselor">The resident has no email address: the message goes to their counselor.</param>
public sealed record ConsumerContact(EmailRecipients Recipients, string Language, string Name, bool ViaCounselor)
{
    /// <summary>Who answers for the consumer: the consumer, or the counselor when the message goes to them.</summary>
    public ReplyParty Party => ViaCounselor ? ReplyParty.Counselor : ReplyParty.Consumer;
}

/// <summary>
/// The one place that decides where messages meant for a case's consumer go: the consumer's own address; for a
/// resident a counselor filed for without an email address, the counselor who filed it, or, if that account is
/// disabled or has moved to another center, the active counselors of the case's center. Whoever it is may answer,
/// so the recipients carry who they are to the case (<see cref="EmailRecipients.Answering"/>), which the outbox turns
/// into a reply address for the case.
/// </summary>
public static class CaseRecipients
{
    /// <summary>Null when nobody can be written to (a resident without email whose center has no active counselor).</summary>
    public static async Task<ConsumerContact?> ForConsumerAsync(AppDbContext db, Case c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.ConsumerEmail is { } email)
        {
            return new ConsumerContact(EmailRecipients.ForAddress(email) with { Answering = ReplyParty.Consumer }, c.Language, c.ConsumerName, ViaCounselor: false);
        }

        if (c.FiledByCenterId is not { } centerId)
        {
            return null;
        }

        var counselors = await db.Users.AsNoTracking()
            .Where(u => u.ConsumerCenterId == centerId && !u.IsDisabled && u.Email != null)
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName })
            .ToListAsync(ct);
        if (counselors.FirstOrDefault(u => u.Id == c.FiledByCounselorId) is { } filer)
        {
            return new ConsumerContact(EmailRecipients.ForAddress(filer.Email) with { Answering = ReplyParty.Counselor }, c.Language, filer.DisplayName, ViaCounselor: true);
        }

        if (counselors.Count == 0)
        {
            return null;
        }

        var centerName = await db.ConsumerCenters.AsNoTracking().Where(x => x.Id == centerId).Select(x => x.Name).SingleAsync(ct);
        return new ConsumerContact(new EmailRecipients([.. counselors.Select(u => u.Email)]) { Answering = ReplyParty.Counselor }, c.Language, centerName, ViaCounselor: true);
    }
}
