using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>A reply address read back: the case it was written for and who it was written to.</summary>
public sealed record ReplyAddressMatch(Guid CaseId, ReplyParty Party);

/// <summary>
/// The addresses that let a reply find its case. A case email's Reply-To is the reply mailbox with a tag,
/// cases+{case}{party}{signature}@domain: the case id, a letter for who the email was written to (c consumer,
/// n counselor, p partner) and 12 base32 characters of an HMAC-SHA256 of both under InboundMail:ReplyTokenKey, so
/// that nobody can make up an address that names another case or passes for another party. Its Message-ID names the
/// case too, for mail clients that drop the Reply-To but keep In-Reply-To. Without InboundMail:ReplyAddress replies are
/// not read: there is no tagged address, and the texts do not invite a reply.
/// </summary>
public sealed class ReplyAddresses
{
    private const int SignatureLength = 12;
    private const int CaseLength = 32;
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly byte[] _key = [];
    private readonly string _localPart = "";
    private readonly string _domain = "";
    private readonly string[] _ownDomains;

    public ReplyAddresses(IOptions<InboundMailOptions> inbound, IOptions<SmtpOptions> smtp)
    {
        var options = inbound.Value;
        if (options.RepliesAreRead)
        {
            var address = options.ReplyAddress.Trim();
            var at = address.LastIndexOf('@');
            _localPart = address[..at];
            _domain = address[(at + 1)..];
            _key = options.KeyBytes() ?? throw new InvalidOperationException($"{InboundMailOptions.Section}:ReplyTokenKey is not valid base64.");
            RepliesAreRead = true;
        }

        _ownDomains = [.. new[] { MessageIdDomain(smtp.Value), _domain }.Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether the portal reads replies (InboundMail:ReplyAddress is set): only then may a text invite one.</summary>
    public bool RepliesAreRead { get; }

    /// <summary>
    /// The resource of a text that tells its reader how to answer: "{key}_RepliesRead" may invite a reply by email,
    /// "{key}_RepliesNotRead" must not, because nobody would read it.
    /// </summary>
    public string TextKey(string key) => TextKey(key, RepliesAreRead);

    /// <inheritdoc cref="TextKey(string)"/>
    public static string TextKey(string key, bool repliesAreRead) => key + (repliesAreRead ? "_RepliesRead" : "_RepliesNotRead");

    /// <summary>The domain of the portal's Message-IDs: the From address's.</summary>
    public static string MessageIdDomain(SmtpOptions smtp) => MailAddresses.DomainOf(smtp.FromAddress, "localhost");

    /// <summary>The Reply-To of an email about <paramref name="caseId"/> written to <paramref name="party"/>; null when replies are not read.</summary>
    public string? For(Guid caseId, ReplyParty party) =>
        RepliesAreRead ? $"{_localPart}+{Tag(caseId, Letter(party))}@{_domain}" : null;

    /// <summary>
    /// The case and party of one of our reply addresses (in any letter case); null for any other address, for one whose
    /// signature does not match, and whenever replies are not read.
    /// </summary>
    public ReplyAddressMatch? Read(string? address)
    {
        if (!RepliesAreRead || Bare(address) is not { } bare)
        {
            return null;
        }

        var at = bare.LastIndexOf('@');
        if (at < 1 || !string.Equals(bare[(at + 1)..], _domain, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var local = bare[..at].ToLowerInvariant();
        var prefix = _localPart.ToLowerInvariant() + "+";
        if (!local.StartsWith(prefix, StringComparison.Ordinal) || local.Length != prefix.Length + CaseLength + 1 + SignatureLength)
        {
            return null;
        }

        var tag = local[prefix.Length..];
        if (!Guid.TryParseExact(tag[..CaseLength], "N", out var caseId) || PartyOf(tag[CaseLength]) is not { } party)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Tag(caseId, tag[CaseLength]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(tag)) ? new ReplyAddressMatch(caseId, party) : null;
    }

    /// <summary>The Message-ID of an outgoing email: its id, and its case's when it has one.</summary>
    public static string MessageIdFor(Guid emailId, Guid? caseId, string domain) =>
        caseId is { } c ? $"<{emailId:N}.{c:N}@{domain}>" : $"<{emailId:N}@{domain}>";

    /// <summary>
    /// The case named by one of our own Message-IDs (as a reply's In-Reply-To or References carries it, with or without
    /// angle brackets); null for a Message-ID without a case, from another domain, or not ours at all. It is not signed:
    /// it says which case a reply answers, not who wrote the reply.
    /// </summary>
    public Guid? CaseOfMessageId(string? messageId)
    {
        if (Bare(messageId) is not { } bare)
        {
            return null;
        }

        var at = bare.LastIndexOf('@');
        if (at != CaseLength + 1 + CaseLength || !_ownDomains.Contains(bare[(at + 1)..], StringComparer.OrdinalIgnoreCase) || bare[CaseLength] != '.')
        {
            return null;
        }

        return Guid.TryParseExact(bare[..CaseLength], "N", out _) && Guid.TryParseExact(bare[(CaseLength + 1)..at], "N", out var caseId) ? caseId : null;
    }

    private static string? Bare(string? value)
    {
        var bare = value?.Trim();
        if (bare is ['<', .., '>'])
        {
            bare = bare[1..^1].Trim();
        }

        return string.IsNullOrEmpty(bare) ? null : bare;
    }

    private string Tag(Guid caseId, char party)
    {
        var signed = caseId.ToString("N") + party;
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));
        return signed + Base32(mac);
    }

    /// <summary>The first 60 bits of <paramref name="mac"/> as 12 base32 letters and digits (lower case: the local part is read without regard to case).</summary>
    private static string Base32(byte[] mac)
    {
        var bits = 0UL;
        for (var i = 0; i < 8; i++)
        {
            bits = (bits << 8) | mac[i];
        }

        var text = new char[SignatureLength];
        for (var i = 0; i < SignatureLength; i++)
        {
            text[i] = Base32Alphabet[(int)((bits >> (64 - (5 * (i + 1)))) & 31)];
        }

        return new string(text);
    }

    private static char Letter(ReplyParty party) => party switch
    {
        ReplyParty.Consumer => 'c',
        ReplyParty.Counselor => 'n',
        ReplyParty.Partner => 'p',
        _ => throw new ArgumentOutOfRangeException(nameof(party)),
    };

    private static ReplyParty? PartyOf(char letter) => letter switch
    {
        'c' => ReplyParty.Consumer,
        'n' => ReplyParty.Counselor,
        'p' => ReplyParty.Partner,
        _ => null,
    };
}
