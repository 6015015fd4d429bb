namespace CrossBorderConsumerCenter.Web.Data.Security;

/// <summary>
/// One rate-limit counter, shared by every instance: the hits of one key (a SHA-256 of the limit's name and what it counts
/// by, such as a client address; never the address itself) in the fixed window that started at <see cref="WindowStart"/>.
/// A hit in a later window starts the count again. Rows a day old are deleted (<c>RateCounterCleanup</c>).
/// </summary>
public sealed class RateLimitCounter
{
    public const int KeyHashLength = 64;

    private RateLimitCounter()
    {
    }

    public string KeyHash { get; private set; } = "";

    public DateTimeOffset WindowStart { get; private set; }

    public int Hits { get; private set; }
}
