using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
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

    /// <summary>What staff write on the compose page, in English.</summary>
    private static ComposeForward.Form English(Action<ComposeForward.Form>? change = null)
    {
        var form = ComposeForward.Prefilled(Complaint, Cbbb);
        form.Item = "Wireless earphones";
        form.Summary = "The consumer paid for wireless earphones that never arrived.";
        form.BusinessResponse = "The business has not replied.";
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public void TheLetterGreetsTheAgencyByItsFullNameAndCarriesTheFactsAndWhatStaffWroteInEnglish()
    {
        var cbbb = Cbbb with { EnglishName = "The Council of Better Business Bureaus (CBBB)" };
        var email = InLanguage("ja", () => Email.Compose(Complaint, cbbb, English(), [], "TOKEN", Now.AddDays(14), Now.AddDays(120)));
        var text = email.TextBody;

        Assert.StartsWith("Dear colleagues at the Council of Better Business Bureaus,\n", text, StringComparison.Ordinal);
        foreach (var fact in new[] { "Our reference: CCJ-2026-000123", "Name: Example Gadgets Inc.", "Website: https://gadgets.example.com/", "Date: " + TestTime.Iso(TestComplaints.PurchaseDate),
            "Item or service: Wireless earphones\n", "Amount paid: 129.99 USD", "Order number: A-1001", "Paid by: Credit card", "Phone: (not given)",
            "Summary:\nThe consumer paid for wireless earphones that never arrived.\n\nThe consumer contacted the business on " + TestTime.Iso(TestComplaints.ContactedOn),
            "The business's answer, as the consumer reports it:\nThe business has not replied.", "a business based abroad (country: United States)",
            "Name: YAMADA Taro", "Cross-Border Consumer Center Japan (CCJ)" })
        {
            Assert.Contains(fact, text, StringComparison.Ordinal);
        }

        // Nothing in Japanese, nothing a consumer's email says to someone who did not expect it, no placeholder left.
        Assert.Null(JapaneseScript.First(text));
        Assert.Null(JapaneseScript.First(email.Subject));
        Assert.DoesNotContain("did not expect", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Original, in Japanese", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConsumersOwnTextGoesBelowTheSummaryOnlyWhenStaffTickIt()
    {
        var text = Email.Compose(Complaint, Cbbb, English(f => f.IncludeOriginal = true), [], "TOKEN", Now, Now).TextBody;

        const string Appendix = "\n\nOriginal, in Japanese (the consumer's own words):\n届きません。";
        Assert.Contains("Summary:\nThe consumer paid for wireless earphones that never arrived." + Appendix + "\n\nThe consumer contacted", text, StringComparison.Ordinal);
        Assert.Null(JapaneseScript.First(text.Replace(Appendix, "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1, "ATTACHED FILE (1)\n- receipt-1.pdf (150 KB)\n\n")]
    [InlineData(2, "ATTACHED FILES (2)\n- receipt-1.pdf (150 KB)\n- receipt-2.pdf (150 KB)\n\n")]
    [InlineData(3, "ATTACHED FILES (3)\n- receipt-1.pdf (150 KB)\n- receipt-2.pdf (150 KB)\n- receipt-3.pdf (150 KB)\n\n")]
    public void TheFilesAreCountedInProperEnglish(int count, string expected)
    {
        var files = Enumerable.Range(1, count).Select(i => new ForwardFile(Guid.NewGuid(), Guid.NewGuid(), $"receipt-{i}.pdf", "application/pdf", 150 * 1024, EvidenceSource.Consumer)).ToList();
        var text = Email.Compose(Complaint, Cbbb, English(), files, "TOKEN", Now, Now).TextBody;
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("file(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageAddsTheChosenDetailsTheFilesAndTheLinkAfterTheLetter()
    {
        var files = new[] { new ForwardFile(Guid.NewGuid(), Guid.NewGuid(), "receipt.pdf", "application/pdf", 150 * 1024, EvidenceSource.Consumer) };
        var email = Email.Compose(Complaint, Cbbb, English(f => f.ConsumerName = "YAMADA Taroh"), files, "TOKEN", Now.AddDays(14), Now.AddDays(120));

        Assert.Equal("[CCJ-2026-000123] Consumer complaint about Example Gadgets Inc. (United States): request for assistance", email.Subject);
        Assert.Contains("What the consumer wants: A refund\n\nTHE CONSUMER (provided with the consumer's consent", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Name: YAMADA Taroh\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Address:", email.TextBody, StringComparison.Ordinal);
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
        var form = English(f => (f.IncludeName, f.IncludeAddress, f.ConsumerAddress) = (false, true, "1-1 Chiyoda, Chiyoda-ku, Tokyo 100-0001"));
        var email = Email.Compose(Complaint, Cbbb, form, [], token: null, Now, Now);
        Assert.Contains("Address: 1-1 Chiyoda, Chiyoda-ku, Tokyo 100-0001, Japan", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("YAMADA", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("(a link unique to this forward is made when it is sent)", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/partner/", email.TextBody, StringComparison.Ordinal);

        var withheld = Email.Compose(Complaint, Cbbb, English(f => f.IncludeName = false), [], "T", Now, Now);
        Assert.Contains("THE CONSUMER: their name and contact details are withheld. Please quote our reference CCJ-2026-000123", withheld.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheComposePageStartsFromWhatIsAlreadyInLatinLettersAndTheNameFromItsReading()
    {
        var form = ComposeForward.Prefilled(Complaint, Cbbb);
        Assert.Equal(("Example Gadgets Inc.", "https://gadgets.example.com/", "A-1001", "YAMADA Taro", "CBBB"), (form.BusinessName, form.BusinessWebsite, form.OrderNumber, form.ConsumerName, form.Agency));
        Assert.Equal((null, null, null), (form.Item, form.Summary, form.BusinessResponse));
        Assert.True(form.IncludeName);
        Assert.False(form.IncludeAddress);
        Assert.False(form.IncludeOriginal);
    }

    [Fact]
    public void AnAgencyCorrespondingInJapaneseGetsItInJapanese()
    {
        var japanese = Cbbb with { Language = "ja" };
        Assert.StartsWith("CBBB(日本語) ご担当者様", InLanguage("en", () => Email.Compose(Complaint, japanese, English(), [], "T", Now, Now).TextBody), StringComparison.Ordinal);
        Assert.Equal("【CCJ-2026-000123】アメリカ合衆国の事業者 Example Gadgets Inc. に関する消費者相談(対応のお願い)", Email.Subject(Complaint, japanese, "Example Gadgets Inc."));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheMessageSaysRepliesReachTheCenterOnlyWhenTheyAreRead(bool repliesAreRead)
    {
        var english = Forward(repliesAreRead).Compose(Complaint, Cbbb, English(), [], "TOKEN", Now.AddDays(14), Now.AddDays(120));
        var japanese = Forward(repliesAreRead).Compose(Complaint, Cbbb with { Language = "ja" }, English(), [], "TOKEN", Now.AddDays(14), Now.AddDays(120));

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
