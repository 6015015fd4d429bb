namespace CrossBorderConsumerCenter.Web.Data;

/// <summary>
/// One "I lost my link" request, by the SHA-256 of the case number and the email address asked with (never the values
/// themselves), whether or not they matched a case: the same pair asked again within the resend interval is held back
/// and told so, which says nothing about whether it matched. Rows older than the interval are deleted as requests come.
/// </summary>
public sealed class TrackingLinkRequest
{
    public const int KeyHashLength = 64;

    private TrackingLinkRequest()
    {
    }

    public TrackingLinkRequest(string keyHash, DateTimeOffset askedAt)
    {
        KeyHash = keyHash;
        AskedAt = askedAt;
    }

    public string KeyHash { get; private set; } = "";

    public DateTimeOffset AskedAt { get; private set; }
}
