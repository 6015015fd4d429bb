using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.UnitTests.Partners;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Forwarding;

/// <summary>The forward email as the agency reads it: the facts in its language, only the chosen details, the files, the link.</summary>
public class ForwardEmailTests
{
    private static readonly ForwardEmail Email = Forward(repliesAreRead: false);

    private static readonly PartnerListing Cbbb = PartnerRegistryTests.Agency(1, "CBBB", countries: ["US", "CA"]);
    private static readonly DateTimeOffset Now = TestComplaints.Now;
    private static readonly Case Complaint = Case.Receive(new CaseNumber(2026, 123), Guid.NewGuid(), TestComplaints.Details(), TestComplaints.Consent(), "ja", Now, []);

    [Fact]
    public void TheStartingTextHasTheFactsInEnglishAndNoneOfTheConsumersDetails()
    {
        var text = InLanguage("ja", () => Email.DefaultText(Complaint, Cbbb));

        Assert.StartsWith("Dear colleagues at CBBB (English),", text, StringComparison.Ordinal);
        foreach (var fact in new[] { "Our reference: CCJ-2026-000123", "Name: Example Gadgets Inc.", "Website: https://gadgets.example.com/", "Date: " + TestTime.Iso(TestComplaints.PurchaseDate),
            "Item or service: ワイヤレスイヤホン", "Amount paid: 129.99 USD", "Order number: A-1001", "Paid by: Credit card", "Phone: (not given)", "届きません。", "返事がありません。",
            "a business based abroad (country: United States)" })
        {
            Assert.Contains(fact, text, StringComparison.Ordinal);
        }

        Assert.Empty(ForwardingRules.PersonalDetailsInText(text, new ConsumerContact(Complaint.ConsumerName, Complaint.ConsumerNameKana, Complaint.ConsumerEmail, Complaint.ConsumerPhone, Complaint.ConsumerAddress), []));
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageAddsTheChosenDetailsTheFilesAndTheLinkAfterTheStaffText()
    {
        var files = new[] { new ForwardFile(Guid.NewGuid(), Guid.NewGuid(), "receipt.pdf", "application/pdf", 150 * 1024, EvidenceSource.Consumer) };
        var email = Email.Compose(Complaint, Cbbb, "Our summary.", [ProvidedItem.Name], files, "TOKEN", Now.AddDays(14), Now.AddDays(120));

        Assert.Equal("[CCJ-2026-000123] Consumer complaint about Example Gadgets Inc. (United States): request for assistance", email.Subject);
        Assert.StartsWith("Our summary.\n\nTHE CONSUMER (provided with the consumer's consent", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Name: 山田 太郎 (ヤマダ タロウ)", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Address:", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("ATTACHED FILES\n- receipt.pdf (150 KB)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://ccj.example.jp/partner/TOKEN\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"by {TestTime.Iso(TestTime.TodayInJapan.AddDays(14))} (Japan time)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"works until {TestTime.Iso(TestTime.TodayInJapan.AddDays(120))}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://ccj.example.jp/partner/TOKEN\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Complaint.ConsumerEmail!, email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Complaint.ConsumerPhone, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutChosenDetailsTheConsumerIsWithheldAndThePreviewHasNoLink()
    {
        var email = Email.Compose(Complaint, Cbbb, "Text", [ProvidedItem.Address], [], token: null, Now, Now);
        Assert.Contains("Address: 100-0001 Tokyo 千代田区千代田1-1, Japan", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("山田", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("(a link unique to this forward is made when it is sent)", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/partner/", email.TextBody, StringComparison.Ordinal);

        var withheld = Email.Compose(Complaint, Cbbb, "Text", [], [], "T", Now, Now);
        Assert.Contains("THE CONSUMER: their name and contact details are withheld. Please quote our reference CCJ-2026-000123", withheld.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgencyCorrespondingInJapaneseGetsItInJapanese()
    {
        var japanese = Cbbb with { Language = "ja" };
        Assert.StartsWith("CBBB(日本語) ご担当者様", InLanguage("en", () => Email.DefaultText(Complaint, japanese)), StringComparison.Ordinal);
        Assert.Equal("【CCJ-2026-000123】アメリカ合衆国の事業者 Example Gadgets Inc. に関する消費者相談(対応のお願い)", Email.Subject(Complaint, japanese));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheMessageSaysRepliesReachTheCenterOnlyWhenTheyAreRead(bool repliesAreRead)
    {
        var english = Forward(repliesAreRead).Compose(Complaint, Cbbb, "Our summary.", [], [], "TOKEN", Now.AddDays(14), Now.AddDays(120));
        var japanese = Forward(repliesAreRead).Compose(Complaint, Cbbb with { Language = "ja" }, "概要", [], [], "TOKEN", Now.AddDays(14), Now.AddDays(120));

        Assert.Contains("https://ccj.example.jp/partner/TOKEN", english.TextBody, StringComparison.Ordinal);
        Assert.Equal(repliesAreRead, english.TextBody.Contains("Replies to this email reach the center too", StringComparison.Ordinal));
        Assert.Equal(repliesAreRead, japanese.TextBody.Contains("このメールへの返信でもセンターに届きます", StringComparison.Ordinal));
        Assert.Equal(!repliesAreRead, english.TextBody.Contains("Please send your answer through that page.", StringComparison.Ordinal));
        Assert.Equal(!repliesAreRead, japanese.TextBody.Contains("ご回答は、このページからお送りください。", StringComparison.Ordinal));
    }

    private static ForwardEmail Forward(bool repliesAreRead) => new(
        new StringLocalizer<ForwardingText>(Localizers), Choices, new EmailComposer(Localizers),
        Options.Create(new PortalOptions { BaseUrl = "https://ccj.example.jp/" }),
        new ReplyAddresses(
            Options.Create(repliesAreRead
                ? new InboundMailOptions { ReplyAddress = "cases@ccj.example.jp", ReplyTokenKey = Convert.ToBase64String(new byte[32]) }
                : new InboundMailOptions()),
            Options.Create(new SmtpOptions { FromAddress = "no-reply@ccj.example.jp" })));
}
