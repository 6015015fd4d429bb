using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.UnitTests.Email;

/// <summary>A reply address names its case and party, and only an address the portal signed is read back.</summary>
public class ReplyAddressesTests
{
    private const string Key = "c2lnbmluZy1rZXktZm9yLXJlcGx5LWFkZHJlc3Nlcy0wMTIzNDU2Nzg5";
    private const string OtherKey = "YW5vdGhlci1rZXktZm9yLXJlcGx5LWFkZHJlc3Nlcy0wMTIzNDU2Nzg5";
    private static readonly Guid CaseId = Guid.Parse("0192f3a4-5b6c-7d8e-9f01-23456789abcd");

    private static ReplyAddresses Replies(string replyAddress = "cases@center.example", string key = Key, string from = "no-reply@ccj.example.jp") =>
        new(Options.Create(new InboundMailOptions { ReplyAddress = replyAddress, ReplyTokenKey = key }), Options.Create(new SmtpOptions { FromAddress = from }));

    [Theory]
    [InlineData(ReplyParty.Consumer, 'c')]
    [InlineData(ReplyParty.Counselor, 'n')]
    [InlineData(ReplyParty.Partner, 'p')]
    public void AnAddressReadsBackAsItsCaseAndParty(ReplyParty party, char letter)
    {
        var replies = Replies();
        var address = replies.For(CaseId, party);

        Assert.NotNull(address);
        Assert.Matches($"^cases\\+{CaseId:N}{letter}[a-z2-7]{{12}}@center\\.example$", address);
        Assert.True(replies.RepliesAreRead);
        Assert.Equal(new ReplyAddressMatch(CaseId, party), replies.Read(address));
        Assert.Equal(new ReplyAddressMatch(CaseId, party), replies.Read($"<{address}>"));
    }

    [Fact]
    public void EachPartyAndEachCaseHasItsOwnSignature()
    {
        var replies = Replies();
        var addresses = new[]
        {
            replies.For(CaseId, ReplyParty.Consumer), replies.For(CaseId, ReplyParty.Counselor), replies.For(CaseId, ReplyParty.Partner),
            replies.For(Guid.CreateVersion7(), ReplyParty.Consumer),
        };
        Assert.Equal(4, addresses.Select(a => a![^25..^13]).Distinct().Count());
    }

    [Fact]
    public void AnAddressInCapitalsIsStillOurs()
    {
        var replies = Replies();
        var address = replies.For(CaseId, ReplyParty.Consumer)!;
        Assert.Equal(new ReplyAddressMatch(CaseId, ReplyParty.Consumer), replies.Read(address.ToUpperInvariant()));
    }

    [Fact]
    public void ATamperedSignatureIsRefused()
    {
        var replies = Replies();
        var address = replies.For(CaseId, ReplyParty.Consumer)!;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var last = address[at - 1];
        var tampered = address[..(at - 1)] + (last == 'a' ? 'b' : 'a') + address[at..];
        Assert.Null(replies.Read(tampered));
    }

    [Fact]
    public void AnotherCaseOrPartyUnderTheSameSignatureIsRefused()
    {
        var replies = Replies();
        var address = replies.For(CaseId, ReplyParty.Consumer)!;
        var otherCase = Guid.CreateVersion7();
        Assert.Null(replies.Read(address.Replace(CaseId.ToString("N"), otherCase.ToString("N"), StringComparison.Ordinal)));
        Assert.Null(replies.Read(address.Replace(CaseId.ToString("N") + "c", CaseId.ToString("N") + "p", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnAddressSignedWithAnotherKeyIsRefused()
    {
        var address = Replies(key: OtherKey).For(CaseId, ReplyParty.Partner);
        Assert.Null(Replies().Read(address));
    }

    [Theory]
    [InlineData("cases+{0}@other.example")]
    [InlineData("cases+{0}@center.example.evil")]
    [InlineData("support+{0}@center.example")]
    public void AnAddressThatIsNotOurMailboxIsRefused(string shape)
    {
        var replies = Replies();
        var address = replies.For(CaseId, ReplyParty.Consumer)!;
        var tag = address["cases+".Length..address.IndexOf('@', StringComparison.Ordinal)];
        Assert.Null(replies.Read(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, tag)));
    }

    [Theory]
    [InlineData("cases@center.example")]
    [InlineData("cases+@center.example")]
    [InlineData("cases+0192f3a45b6c7d8e9f0123456789abcdc@center.example")]
    [InlineData("cases+not-a-case-at-all-but-the-same-length-xyz1@center.example")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("<>")]
    [InlineData("@")]
    [InlineData("no at sign")]
    [InlineData("山田@example.jp")]
    public void GarbageIsNotOurs(string? address) => Assert.Null(Replies().Read(address));

    [Fact]
    public void WithoutAReplyAddressThereIsNoneAndNothingIsRead()
    {
        var signed = Replies().For(CaseId, ReplyParty.Consumer);
        var unread = Replies(replyAddress: "", key: "");

        Assert.False(unread.RepliesAreRead);
        Assert.Null(unread.For(CaseId, ReplyParty.Consumer));
        Assert.Null(unread.Read(signed));
    }

    [Fact]
    public void AMessageIdNamesItsEmailAndItsCase()
    {
        var emailId = Guid.CreateVersion7();
        Assert.Equal($"<{emailId:N}.{CaseId:N}@ccj.example.jp>", ReplyAddresses.MessageIdFor(emailId, CaseId, "ccj.example.jp"));
        Assert.Equal($"<{emailId:N}@ccj.example.jp>", ReplyAddresses.MessageIdFor(emailId, null, "ccj.example.jp"));
    }

    [Fact]
    public void OurMessageIdWithACaseReadsBackAsTheCase()
    {
        var replies = Replies();
        var messageId = ReplyAddresses.MessageIdFor(Guid.CreateVersion7(), CaseId, "ccj.example.jp");

        Assert.Equal(CaseId, replies.CaseOfMessageId(messageId));
        Assert.Equal(CaseId, replies.CaseOfMessageId(messageId.Trim('<', '>')));
        Assert.Equal(CaseId, replies.CaseOfMessageId(" " + messageId.ToUpperInvariant() + " "));
        Assert.Equal(CaseId, replies.CaseOfMessageId(ReplyAddresses.MessageIdFor(Guid.CreateVersion7(), CaseId, "center.example")));
    }

    [Fact]
    public void OurMessageIdWithoutACaseNamesNone() =>
        Assert.Null(Replies().CaseOfMessageId(ReplyAddresses.MessageIdFor(Guid.CreateVersion7(), null, "ccj.example.jp")));

    [Fact]
    public void AMessageIdOfAnotherDomainNamesNone() =>
        Assert.Null(Replies().CaseOfMessageId(ReplyAddresses.MessageIdFor(Guid.CreateVersion7(), CaseId, "mail.example.com")));

    [Fact]
    public void WithoutAReplyAddressTheFromDomainIsStillOurs() =>
        Assert.Equal(CaseId, Replies(replyAddress: "", key: "").CaseOfMessageId(ReplyAddresses.MessageIdFor(Guid.CreateVersion7(), CaseId, "ccj.example.jp")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<>")]
    [InlineData("<CAAbc123=xyz@mail.gmail.com>")]
    [InlineData("<0192f3a45b6c7d8e9f0123456789abcd.zz92f3a45b6c7d8e9f0123456789abcd@ccj.example.jp>")]
    [InlineData("<0192f3a45b6c7d8e9f0123456789abcd-0192f3a45b6c7d8e9f0123456789abcd@ccj.example.jp>")]
    [InlineData("<0192f3a45b6c7d8e9f0123456789abcd.0192f3a45b6c7d8e9f0123456789abcd>")]
    [InlineData("not a message id")]
    public void GarbageNamesNoCase(string? messageId) => Assert.Null(Replies().CaseOfMessageId(messageId));
}
