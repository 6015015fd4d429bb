using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// The email a decline would send, composed exactly as the status emails will compose it (<see cref="DeclineNotice"/>,
/// <see cref="EmailComposer"/>, the recipients of <see cref="CaseRecipients"/>), for staff to read before declining. Its
/// fingerprint goes with the decline: a case is declined only with the email that was previewed.
/// </summary>
public sealed class DeclinePreview(AppDbContext db, DeclineNotice notice, EmailComposer composer, IStringLocalizer<CasePageText> text)
{
    /// <summary>The email, or none (<see cref="Email"/> null) when nobody can be written to.</summary>
    public sealed record Result(ComposedEmail? Email, IReadOnlyList<string> To, string Language, string Fingerprint);

    public async Task<Result> ForAsync(Case c, DeclineReason reason, string? duplicateOf, string? message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (await CaseRecipients.ForConsumerAsync(db, c, ct) is not { } contact)
        {
            return new Result(null, [], c.Language, Fingerprint(null));
        }

        // The link is made when the email is sent, and only the consumer ever sees it: the preview shows a stand-in.
        var link = InLanguage.Read(contact.Language, () => text["Decline_Preview_Link"].Value);
        var email = composer.Compose(notice.For(c, reason, duplicateOf, message, contact, link), contact.Language);
        return new Result(email, [.. contact.Recipients.To, .. contact.Recipients.Cc ?? []], contact.Language, Fingerprint(email));
    }

    /// <summary>A short hash of everything the consumer would read (subject and both bodies); "none" for no email.</summary>
    public static string Fingerprint(ComposedEmail? email) =>
        email is null
            ? "none"
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Subject + "\n\0" + email.TextBody + "\n\0" + email.HtmlBody)))[..32].ToLowerInvariant();
}
