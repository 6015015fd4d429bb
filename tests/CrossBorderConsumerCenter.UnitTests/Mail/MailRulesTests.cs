using CrossBorderConsumerCenter.Web.Domain.Mail;

namespace CrossBorderConsumerCenter.UnitTests.Mail;

/// <summary>
/// The rules for mail that comes in: what kind it is (a person's reply, an automatic message, a delivery report),
/// which case it belongs to, whether the case knows its sender, and the quoted history folded away.
/// </summary>
public class MailRulesTests
{
    private static readonly Guid CaseId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");

    private static MailSummary Mail(
        string? from = "hanako@example.jp", string? subject = "Re: 【越境消費者センター】CCJ-2026-000123 について", IReadOnlyList<string>? to = null,
        string? inReplyTo = null, IReadOnlyList<string>? references = null, Dictionary<string, string>? headers = null, bool report = false,
        string text = "返品しました。", bool parsed = true, bool truncated = false) =>
        new(parsed, truncated, from, to ?? ["cases@ccj.test"], subject, inReplyTo, references ?? [], headers ?? [], report, [], report, null, text);

    public static TheoryData<string, string, MailKind> Headers() => new()
    {
        { "auto-submitted", "auto-replied", MailKind.AutoReply },
        { "auto-submitted", "auto-generated", MailKind.AutoReply },
        { "auto-submitted", "no", MailKind.Reply },
        { "auto-submitted", "No (a person wrote it)", MailKind.Reply },
        { "precedence", "bulk", MailKind.AutoReply },
        { "precedence", "junk", MailKind.AutoReply },
        { "precedence", "list", MailKind.AutoReply },
        { "precedence", "auto_reply", MailKind.AutoReply },
        { "precedence", "first-class", MailKind.Reply },
        { "x-autoreply", "yes", MailKind.AutoReply },
        { "x-autorespond", "yes", MailKind.AutoReply },
        { "x-auto-response-suppress", "All", MailKind.AutoReply },
        { "x-auto-response-suppress", "DR, OOF, AutoReply", MailKind.AutoReply },
        { "x-auto-response-suppress", "DR", MailKind.Reply },
        { "list-id", "<news.example.jp>", MailKind.AutoReply },
        { "list-unsubscribe", "<mailto:leave@example.jp>", MailKind.AutoReply },
        { "return-path", "<>", MailKind.AutoReply },
        { "return-path", "<hanako@example.jp>", MailKind.Reply },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void AutomaticMailIsToldByItsHeaders(string header, string value, MailKind expected) =>
        Assert.Equal(expected, MailClassifier.Classify(Mail(headers: new() { [header] = value })));

    [Theory]
    [InlineData("Out of Office: 【越境消費者センター】CCJ-2026-000123", MailKind.AutoReply)]
    [InlineData("Automatic reply: CCJ-2026-000123", MailKind.AutoReply)]
    [InlineData("【自動応答】CCJ-2026-000123 について", MailKind.AutoReply)]
    [InlineData("[自動返信] お問い合わせありがとうございます", MailKind.AutoReply)]
    [InlineData("不在のお知らせ", MailKind.AutoReply)]
    [InlineData("RE: Out of office", MailKind.AutoReply)]
    [InlineData("Re: 【越境消費者センター】CCJ-2026-000123 について", MailKind.Reply)]
    [InlineData("Re: I was out of office when the parcel came", MailKind.Reply)]
    [InlineData(null, MailKind.Reply)]
    public void AnOutOfOfficeReplyWithoutHeadersIsToldByItsSubject(string? subject, MailKind expected) =>
        Assert.Equal(expected, MailClassifier.Classify(Mail(subject: subject)));

    [Fact]
    public void ADeliveryReportIsABounceEvenWithAutomaticHeaders() =>
        Assert.Equal(MailKind.Bounce, MailClassifier.Classify(Mail(from: "mailer-daemon@mx.example.jp", report: true, headers: new() { ["auto-submitted"] = "auto-replied" })));

    [Theory]
    [InlineData("mailer-daemon@mx.example.jp", "Undelivered Mail Returned to Sender", MailKind.Bounce)]
    [InlineData("MAILER-DAEMON@mx.example.jp", "failure notice", MailKind.Bounce)]
    [InlineData("postmaster@example.jp", "Undeliverable: 【越境消費者センター】", MailKind.Bounce)]
    [InlineData("postmaster@example.jp", "Re: CCJ-2026-000123 question", MailKind.Reply)]
    [InlineData("hanako@example.jp", "Undeliverable: my parcel", MailKind.Reply)]
    public void AMailerDaemonsFailureNoticeWithoutAReportTypeIsABounce(string from, string subject, MailKind expected) =>
        Assert.Equal(expected, MailClassifier.Classify(Mail(from: from, subject: subject)));

    [Fact]
    public void TooLargeComesBeforeEverythingAndMalformedBeforeTheRest()
    {
        Assert.Equal(MailKind.TooLarge, MailClassifier.Classify(Mail(truncated: true, parsed: false)));
        Assert.Equal(MailKind.Malformed, MailClassifier.Classify(Mail(parsed: false, report: true)));
        Assert.Equal(MailKind.Malformed, MailClassifier.Classify(MailSummary.Unreadable(null, null, truncated: false)));
    }

    private static (Guid, ReplyParty)? Token(string address) =>
        address == "cases+token@ccj.test" ? (CaseId, ReplyParty.Partner) : null;

    private static Guid? OwnMessageId(string id) => id == "mine@ccj.test" ? CaseId : null;

    [Fact]
    public void TheSignedReplyAddressWinsOverTheThreadAndTheSubject()
    {
        var match = ReplyMatching.Match(Mail(to: ["other@ccj.test", "cases+token@ccj.test"], inReplyTo: "elsewhere@x", subject: "CCJ-2026-000999"), Token, OwnMessageId);
        Assert.Equal(new MailMatch(CaseId, null, MatchedBy.ReplyAddress, ReplyParty.Partner), match);
    }

    [Fact]
    public void TheThreadIsReadFromInReplyToThenFromTheNewestReference()
    {
        Assert.Equal(new MailMatch(CaseId, null, MatchedBy.Thread, null), ReplyMatching.Match(Mail(inReplyTo: "mine@ccj.test"), Token, OwnMessageId));
        Assert.Equal(MatchedBy.Thread, ReplyMatching.Match(Mail(inReplyTo: "theirs@x", references: ["mine@ccj.test", "theirs@x"]), Token, OwnMessageId)!.By);
    }

    [Fact]
    public void TheCaseNumberInTheSubjectIsTheLastResort()
    {
        Assert.Equal(new MailMatch(null, "CCJ-2026-000123", MatchedBy.CaseNumber, null), ReplyMatching.Match(Mail(inReplyTo: "theirs@x"), Token, OwnMessageId));
        Assert.Null(ReplyMatching.Match(Mail(subject: "返品について"), Token, OwnMessageId));
    }

    [Theory]
    [InlineData("Re: CCJ-2026-000123", "CCJ-2026-000123")]
    [InlineData("re: ccj-2026-000123 の件", "CCJ-2026-000123")]
    [InlineData("Ｒｅ：ＣＣＪ－２０２６－０００１２３", "CCJ-2026-000123")]
    [InlineData("CCJ-2026-1234567", "CCJ-2026-1234567")]
    [InlineData("XCCJ-2026-000123", null)]
    [InlineData("CCJ-2026-00012", null)]
    [InlineData("CCJ-1999-000123", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ACaseNumberIsReadFromASubjectOnlyWhenWhole(string? subject, string? expected) =>
        Assert.Equal(expected, ReplyMatching.CaseNumberIn(subject));

    private static readonly CaseAddresses Known = new("hanako@example.jp", ["soudan@city.example.lg.jp"], ["complaints@bbb.example.org"]);

    [Theory]
    [InlineData("hanako@example.jp", ReplyParty.Consumer)]
    [InlineData("HANAKO@Example.JP", ReplyParty.Consumer)]
    [InlineData("soudan@city.example.lg.jp", ReplyParty.Counselor)]
    [InlineData("complaints@bbb.example.org", ReplyParty.Partner)]
    [InlineData("another.desk@BBB.example.org", ReplyParty.Partner)]
    [InlineData("hanako@other.example.jp", null)]
    [InlineData("other@city.example.lg.jp", null)]
    [InlineData("bbb.example.org", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void OnlyTheCasesOwnAddressesCountAndAnyDeskOfThePartnerAgency(string? from, ReplyParty? expected) =>
        Assert.Equal(expected, SenderCheck.PartyOf(from, Known));

    [Fact]
    public void TheAddressTheCenterWroteToIsTriedFirst()
    {
        var same = new CaseAddresses("desk@bbb.example.org", [], ["complaints@bbb.example.org"]);
        Assert.Equal(ReplyParty.Consumer, SenderCheck.PartyOf("desk@bbb.example.org", same));
        Assert.Equal(ReplyParty.Partner, SenderCheck.PartyOf("desk@bbb.example.org", same, ReplyParty.Partner));
        Assert.Null(SenderCheck.PartyOf("x@y.example", new CaseAddresses(null, [], [])));
    }

    [Fact]
    public void GmailsAttributionFoldsTheQuote()
    {
        var folded = QuotedText.Fold("返品の追跡番号は 1234 です。\r\n\r\nOn Tue, 1 Dec 2026 at 10:00, 越境消費者センター <cases@ccj.test> wrote:\r\n> ご回答ください。\r\n> よろしくお願いします。");
        Assert.Equal("返品の追跡番号は 1234 です。", folded.New);
        Assert.StartsWith("On Tue, 1 Dec 2026", folded.Quoted, StringComparison.Ordinal);
        Assert.Contains("> ご回答ください。", folded.Quoted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026年12月1日(火) 10:00 越境消費者センター <cases@ccj.test>:")]
    [InlineData("越境消費者センター さんのメッセージ:")]
    [InlineData("-----Original Message-----")]
    [InlineData("-----元のメッセージ-----")]
    [InlineData("________________________________")]
    public void TheCommonQuoteHeadersFoldTheRest(string header)
    {
        var folded = QuotedText.Fold($"写真を添付します。\n{header}\n件名: CCJ-2026-000123\n> 前のメール");
        Assert.Equal("写真を添付します。", folded.New);
        Assert.StartsWith(header, folded.Quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void OutlooksHeaderBlockFoldsTheRest()
    {
        var folded = QuotedText.Fold("We contacted the merchant.\n\nFrom: Cross-Border Consumer Center <cases@ccj.test>\nSent: Tuesday, December 1, 2026 10:00\nSubject: CCJ-2026-000123\n\nDear CBBB");
        Assert.Equal("We contacted the merchant.", folded.New);
        Assert.StartsWith("From: Cross-Border", folded.Quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingIsFoldedWhenTheSenderWroteNothingAboveTheQuoteOrNoQuoteIsThere()
    {
        Assert.Equal(new FoldedText("> ご質問\nはい、返品しました。", null), QuotedText.Fold("> ご質問\nはい、返品しました。"));
        Assert.Equal(new FoldedText("返品しました。\nFrom: 店からのメールに書いてありました", null), QuotedText.Fold("返品しました。\nFrom: 店からのメールに書いてありました"));
        Assert.Equal(new FoldedText("", null), QuotedText.Fold(null));
    }

    [Fact]
    public void AnInlineAnswerBetweenQuotedLinesKeepsEverything()
    {
        var text = "はい。\n> 商品は届きましたか？\n届いていません。\n> 返金はありましたか？\nありません。\n続けて書きます。\nもう一行。";
        Assert.Equal(new FoldedText(text, null), QuotedText.Fold(text));
    }
}
