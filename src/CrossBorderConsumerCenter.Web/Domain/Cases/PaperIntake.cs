namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>How a case reached the center: through the portal's form (a consumer's own, or a counselor's for a resident), or on paper or by phone, entered by staff.</summary>
/// <remarks>Stored as text; add members, never rename.</remarks>
public enum CaseChannel
{
    Portal,
    Fax,
    Letter,
    Phone,

    /// <summary>An online (video) consultation that turned out to be about a cross-border trouble; staff open the case from the booking.</summary>
    Consultation,
}

/// <summary>
/// A case that did not come through the form (the center takes complaints by fax, letter and phone as well): how it came and the staff
/// member who entered it. When it came is the case's <see cref="Case.ReceivedAt"/>, so the clocks count from the receipt, not from the
/// typing; how and when the consumer consented is the case's consent record, attested by staff as counselors attest it.
/// </summary>
public sealed record PaperIntake(CaseChannel Channel, Guid EnteredById);

/// <summary>The rules of a case entered by staff from a fax, a letter or a phone call.</summary>
public static class PaperIntakeRules
{
    /// <summary>The channels staff enter cases from (the portal's own form is not one of them).</summary>
    public static readonly IReadOnlyList<CaseChannel> Channels = [CaseChannel.Fax, CaseChannel.Letter, CaseChannel.Phone, CaseChannel.Consultation];

    /// <summary>The channels staff choose from on the first step; a consultation's case is started from its booking, which it stays linked to.</summary>
    public static readonly IReadOnlyList<CaseChannel> ChosenByStaff = [CaseChannel.Fax, CaseChannel.Letter, CaseChannel.Phone];

    /// <summary>How far back a receipt may be dated: a fax or letter older than this is almost always a typing error.</summary>
    public static readonly TimeSpan OldestReceipt = TimeSpan.FromDays(365);

    /// <summary>A fax or a letter is kept as evidence (its scan); a phone call has no original.</summary>
    public static bool NeedsOriginal(CaseChannel channel) => channel is CaseChannel.Fax or CaseChannel.Letter;

    /// <summary>Why a moment typed by staff (a receipt, a consent) cannot be taken, or null when it can: never in the future, and not a year back.</summary>
    public static PaperTimeProblem? Check(DateTimeOffset at, DateTimeOffset now) =>
        at > now ? PaperTimeProblem.InTheFuture
        : at < now - OldestReceipt ? PaperTimeProblem.TooOld
        : null;
}

/// <summary>Why a time staff typed for a paper case is refused.</summary>
public enum PaperTimeProblem
{
    InTheFuture,
    TooOld,
}
