namespace CrossBorderConsumerCenter.Web.Domain.Mail;

/// <summary>The addresses a case knows: its consumer's, the counselors' of the center that filed it, and the partner agencies' it was forwarded to.</summary>
public sealed record CaseAddresses(string? Consumer, IReadOnlyCollection<string> Counselors, IReadOnlyCollection<string> Partners);

/// <summary>
/// Whether a reply's sender is someone the case knows. Mail is attached to a case only when it comes from the case's
/// consumer, a counselor of the center that filed it, or the partner agency the case was forwarded to; anything else
/// waits for staff, even when the reply address matched (a forwarded message, a stranger who guessed a case number).
/// A partner agency answers from more than one desk, so any address at the domain the case was forwarded to counts as
/// the agency's; consumers and counselors must write from the address the case has.
/// </summary>
public static class SenderCheck
{
    /// <summary>Who sent it, or null when the case does not know the address. The party the center wrote to is tried first.</summary>
    public static ReplyParty? PartyOf(string? from, CaseAddresses known, ReplyParty? writtenTo = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (string.IsNullOrWhiteSpace(from) || DomainOf(from) is null)
        {
            return null;
        }

        var parties = writtenTo is { } first ? new[] { first }.Concat(Enum.GetValues<ReplyParty>().Where(p => p != first)) : Enum.GetValues<ReplyParty>();
        return parties.Cast<ReplyParty?>().FirstOrDefault(p => Knows(p!.Value, from.Trim(), known));
    }

    private static bool Knows(ReplyParty party, string from, CaseAddresses known) => party switch
    {
        ReplyParty.Consumer => Same(known.Consumer, from),
        ReplyParty.Counselor => known.Counselors.Any(c => Same(c, from)),
        ReplyParty.Partner => known.Partners.Any(p => Same(p, from) || SameDomain(p, from)),
        _ => false,
    };

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);

    private static bool SameDomain(string a, string b) =>
        DomainOf(a) is { } x && DomainOf(b) is { } y && string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    private static string? DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 || at == address.Length - 1 ? null : address[(at + 1)..].Trim();
    }
}
