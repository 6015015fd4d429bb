using System.Text.RegularExpressions;

namespace CrossBorderConsumerCenter.Web.Domain.Mail;

/// <summary>How a message was tied to its case, strongest first.</summary>
public enum MatchedBy
{
    /// <summary>The case's signed reply address (it also says to whom the center wrote).</summary>
    ReplyAddress,

    /// <summary>In-Reply-To or References name a message the center sent for the case.</summary>
    Thread,

    /// <summary>The case number in the subject: the last resort, never enough alone to trust the sender.</summary>
    CaseNumber,
}

/// <summary>The case a message belongs to, how that was found, and to whom the center had written (when the reply address says).</summary>
public sealed record MailMatch(Guid? CaseId, string? CaseNumber, MatchedBy By, ReplyParty? WrittenTo);

/// <summary>
/// Finds the case a reply belongs to: the signed reply address it was sent to (a per-case token in a plus-address),
/// then the thread (In-Reply-To, then References, naming one of the center's own Message-IDs, which carry the case),
/// and last the case number in the subject. A message the first two cannot place and whose subject names no case
/// number is not matched and waits for staff.
/// </summary>
public static partial class ReplyMatching
{
    /// <param name="mail">The message.</param>
    /// <param name="readReplyAddress">The case and party of one of the center's signed reply addresses, or null.</param>
    /// <param name="caseOfMessageId">The case of one of the center's own Message-IDs, or null.</param>
    public static MailMatch? Match(MailSummary mail, Func<string, (Guid CaseId, ReplyParty Party)?> readReplyAddress, Func<string, Guid?> caseOfMessageId)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(readReplyAddress);
        ArgumentNullException.ThrowIfNull(caseOfMessageId);
        foreach (var address in mail.Recipients)
        {
            if (readReplyAddress(address) is { } token)
            {
                return new MailMatch(token.CaseId, null, MatchedBy.ReplyAddress, token.Party);
            }
        }

        // The message answered comes first; References run oldest to newest, so the newest is tried first.
        foreach (var id in new[] { mail.InReplyTo }.Concat(mail.References.Reverse()).OfType<string>())
        {
            if (caseOfMessageId(id) is { } caseId)
            {
                return new MailMatch(caseId, null, MatchedBy.Thread, null);
            }
        }

        return CaseNumberIn(mail.Subject) is { } number ? new MailMatch(null, number, MatchedBy.CaseNumber, null) : null;
    }

    /// <summary>The first case number written in a subject (CCJ-2026-000123, in any case and with full-width digits read as digits), or null.</summary>
    public static string? CaseNumberIn(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var normalized = subject.Normalize(System.Text.NormalizationForm.FormKC);
        foreach (Match m in CaseNumberPattern().Matches(normalized))
        {
            if (Cases.CaseNumber.TryParse(m.Value, out var number))
            {
                return number.ToString();
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])CCJ-\d{4}-\d{6,}(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberPattern();
}
