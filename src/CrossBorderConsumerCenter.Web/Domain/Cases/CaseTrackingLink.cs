namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// The consumer's private link to their case (/track/{token}): only the SHA-256 of the token is kept, so the
/// database cannot give the link away. One per case; sending the link again replaces it (the old one stops
/// working). Kept beside the case rather than in its row, so that replacing it never conflicts with staff
/// editing the case.
/// </summary>
public sealed class CaseTrackingLink
{
    public const int TokenHashLength = 64;

    private CaseTrackingLink()
    {
    }

    public CaseTrackingLink(Guid caseId, string tokenHash, DateTimeOffset now)
    {
        CaseId = caseId;
        Replace(tokenHash, now);
    }

    public Guid CaseId { get; private set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public void Replace(string tokenHash, DateTimeOffset now)
    {
        if (tokenHash is not { Length: TokenHashLength } || !tokenHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A token hash is 64 lower-case hex digits.", nameof(tokenHash));
        }

        TokenHash = tokenHash;
        IssuedAt = now;
    }
}
