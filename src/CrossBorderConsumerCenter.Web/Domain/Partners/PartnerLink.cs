using System.Buffers.Text;
using System.Security.Cryptography;

namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>What the agency reports the merchant did.</summary>
public enum PartnerOutcome
{
    Refunded,
    Shipped,
    Replaced,
    PartialRefund,
    Refused,
    NoResponseFromMerchant,
    MerchantUnreachable,
    Other,
}

/// <summary>
/// The agency's way to answer without an account: a link carried by one forward email, unique to that case and
/// agency, unguessable (32 random bytes), stored only as its SHA-256, usable for one answer until it expires.
/// </summary>
public sealed class PartnerLink
{
    public const int TokenBytes = 32;

    /// <summary>Base64url without padding of <see cref="TokenBytes"/> bytes.</summary>
    public const int TokenLength = 43;

    private PartnerLink()
    {
    }

    private PartnerLink(Guid caseId, int partnerAgencyId, Guid provisionId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        CaseId = caseId;
        PartnerAgencyId = partnerAgencyId;
        ProvisionId = provisionId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int PartnerAgencyId { get; private set; }

    /// <summary>The forward (its provision record) whose email carried the link.</summary>
    public Guid ProvisionId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public PartnerOutcome? Outcome { get; private set; }

    /// <summary>A new link and the token to put in the email (the only place the token ever exists).</summary>
    public static (PartnerLink Link, string Token) Create(Guid caseId, int partnerAgencyId, Guid provisionId, DateTimeOffset now, TimeSpan validFor)
    {
        if (validFor <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), "A link must be valid for some time.");
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (new PartnerLink(caseId, partnerAgencyId, provisionId, Hash(token), now, now + validFor), token);
    }

    /// <summary>The stored form of a token; null for anything that cannot be a token (so it is never looked up).</summary>
    public static byte[]? HashOf(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? Hash(token) : null;

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsAnswered => AnsweredAt is not null;

    public void RecordAnswer(PartnerOutcome outcome, DateTimeOffset now)
    {
        if (IsAnswered || IsExpiredAt(now))
        {
            throw new InvalidOperationException($"Partner link {Id} is answered or expired.");
        }

        AnsweredAt = now;
        Outcome = outcome;
    }

    /// <summary>
    /// Ends an unanswered link now: the case's merchant turned out to be in another country, so the agency it went to is
    /// not the one to answer (ADR 0028). An answered or expired link stays as it is.
    /// </summary>
    public void Close(DateTimeOffset now)
    {
        if (!IsAnswered && !IsExpiredAt(now))
        {
            ExpiresAt = now;
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));
}
