namespace CrossBorderConsumerCenter.Web.Domain.Consultations;

/// <summary>
/// A private link to a booking (<c>/consultation/booking/{token}</c>) with which the applicant cancels or moves it: each
/// email about the booking carries a link of its own, and only the SHA-256 of its token is kept (as the tracking page's
/// links). A link opens its booking until the consultation's day is over.
/// </summary>
public sealed class ConsultationLink
{
    public const int TokenHashLength = 64;

    private ConsultationLink()
    {
    }

    public ConsultationLink(Guid bookingId, string tokenHash, DateTimeOffset now)
    {
        if (tokenHash is not { Length: TokenHashLength } || !tokenHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A token hash is 64 lower-case hex digits.", nameof(tokenHash));
        }

        Id = Guid.CreateVersion7(now);
        BookingId = bookingId;
        TokenHash = tokenHash;
        IssuedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid BookingId { get; private set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }
}
