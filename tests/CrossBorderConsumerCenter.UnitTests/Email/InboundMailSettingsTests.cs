using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;

namespace CrossBorderConsumerCenter.UnitTests.Email;

/// <summary>The reply settings are checked at start, naming the setting and never repeating the key.</summary>
public class InboundMailSettingsTests
{
    private const string Key = "c2lnbmluZy1rZXktZm9yLXJlcGx5LWFkZHJlc3Nlcy0wMTIzNDU2Nzg5";

    private static string? Failure(string replyAddress, string key, bool mailboxRead = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Imap:Enabled"] = mailboxRead ? "true" : "false" }).Build();
        var result = new InboundMailOptions.Validator(configuration).Validate(null, new InboundMailOptions { ReplyAddress = replyAddress, ReplyTokenKey = key });
        return result.Succeeded ? null : result.FailureMessage;
    }

    [Fact]
    public void EmailsInviteRepliesOnlyWhenAMailboxIsRead()
    {
        Assert.Contains("no mailbox is read", Failure("cases@center.example", Key, mailboxRead: false), StringComparison.Ordinal);
        Assert.Null(Failure("cases@center.example", Key, mailboxRead: true));
        Assert.Null(Failure("", "", mailboxRead: false));
    }

    [Fact]
    public void TheDefaultsReadNoRepliesAndAreValid()
    {
        Assert.False(new InboundMailOptions().RepliesAreRead);
        Assert.Null(Failure("", ""));
    }

    [Fact]
    public void AnAddressWithAKeyIsValid() => Assert.Null(Failure("cases@center.example", Key));

    [Fact]
    public void AnAddressNeedsAKey() =>
        Assert.Contains("InboundMail:ReplyTokenKey must be set", Failure("cases@center.example", ""), StringComparison.Ordinal);

    [Fact]
    public void AShortKeyIsRefusedWithoutRepeatingIt()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);
        var failure = Failure("cases@center.example", shortKey);
        Assert.Contains("InboundMail:ReplyTokenKey must be at least 32 bytes", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThatIsNotBase64IsRefusedWithoutRepeatingIt()
    {
        var failure = Failure("cases@center.example", "this is not base64 but it is a long secret!!");
        Assert.Contains("InboundMail:ReplyTokenKey must be base64", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("long secret", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cases")]
    [InlineData("cases@")]
    [InlineData("@center.example")]
    [InlineData("Center <cases@center.example>")]
    public void AnAddressWithoutLocalPartAndDomainIsRefused(string address) =>
        Assert.Contains("InboundMail:ReplyAddress must be an email address", Failure(address, Key), StringComparison.Ordinal);

    [Fact]
    public void AnAddressWithItsOwnPlusIsRefused() =>
        Assert.Contains("InboundMail:ReplyAddress must not contain '+'", Failure("cases+ccj@center.example", Key), StringComparison.Ordinal);

    [Fact]
    public void AnAddressTooLongForATagIsRefused() =>
        Assert.Contains("InboundMail:ReplyAddress may have at most 18 characters", Failure("consumer-complaints@center.example", Key), StringComparison.Ordinal);
}
