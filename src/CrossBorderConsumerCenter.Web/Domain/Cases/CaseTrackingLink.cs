namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// A private link to a case (/track/{token}): only the SHA-256 of the token is kept, so the database cannot give a link
/// away. Every email that concerns the case carries a link of its own, issued as the email is written (the token exists
/// only in that email), and all of a case's links open it (ADR 0073). "I lost my link" issues one that, when it is used,
/// makes the links issued before it stop working (<see cref="RevokesEarlierOnUse"/>, ADR 0097).
/// Kept beside the case rather than in its row, so that issuing one never conflicts with staff editing the case.
/// </summary>
public sealed class CaseTrackingLink
{
    public const int TokenHashLength = 64;

    private CaseTrackingLink()
    {
    }

    public CaseTrackingLink(Guid caseId, string tokenHash, DateTimeOffset now, bool revokesEarlierOnUse = false)
    {
        if (tokenHash is not { Length: TokenHashLength } || !tokenHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A token hash is 64 lower-case hex digits.", nameof(tokenHash));
        }

        Id = Guid.CreateVersion7(now);
        CaseId = caseId;
        TokenHash = tokenHash;
        IssuedAt = now;
        RevokesEarlierOnUse = revokesEarlierOnUse;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>
    /// A link sent through "I lost my link": until it is first used, the case's earlier links keep working (whoever asked
    /// may not be the consumer); its first use makes them stop and clears this mark.
    /// </summary>
    public bool RevokesEarlierOnUse { get; private set; }
}
