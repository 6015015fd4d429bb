using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Counselors;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Tracking;

/// <summary>
/// Every text the tracking and counselor pages build a key for exists, and every email about a case's status composes
/// in both languages with each placeholder filled. ResourceParityTests checks that both languages have each key.
/// </summary>
public class TrackingTextTests
{
    private static readonly StringLocalizer<TrackingText> Text = new(Localizers);
    private static readonly StringLocalizer<CaseLabels> Labels = new(Localizers);
    private static readonly StringLocalizer<CounselorText> Counselor = new(Localizers);

    public static TheoryData<string> BuiltKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var kind in Enum.GetNames<CaseEventKind>())
        {
            keys.Add("Event_" + kind);
        }

        foreach (var actor in Enum.GetNames<CaseActorKind>())
        {
            keys.Add("Actor_" + actor);
            keys.Add("CounselorActor_" + actor);
        }

        return keys;
    }

    public static TheoryData<string> LabelKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var name in Enum.GetNames<ResidentRelation>())
        {
            keys.Add("ResidentRelation_" + name);
        }

        foreach (var name in Enum.GetNames<ConsentMethod>())
        {
            keys.Add("ConsentMethod_" + name);
        }

        foreach (var name in Enum.GetNames<CaseStatus>())
        {
            keys.Add("CaseStatusForConsumer_" + name);
        }

        return keys;
    }

    public static TheoryData<CaseEventKind, string> StatusEmails()
    {
        var data = new TheoryData<CaseEventKind, string>();
        // A decline's email is DeclineNotice's (DeclineNoticeTests).
        foreach (var kind in ConsumerStatusEmails.NotifiedKinds.Where(k => k != CaseEventKind.Declined))
        {
            data.Add(kind, "ja");
            data.Add(kind, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltKeys))]
    public void TheTextExists(string key) => Assert.False(InLanguage("ja", () => Text[key].ResourceNotFound), $"{key} is missing.");

    [Theory]
    [MemberData(nameof(LabelKeys))]
    public void TheLabelExists(string key) => Assert.False(InLanguage("ja", () => Labels[key].ResourceNotFound), $"{key} is missing.");

    [Theory]
    [InlineData("Attest_Relation_Required")]
    [InlineData("Add_Text_Required")]
    [InlineData("NoCenter_Title")]
    public void TheCounselorTextExists(string key) => Assert.False(InLanguage("ja", () => Counselor[key].ResourceNotFound), $"{key} is missing.");

    [Theory]
    [MemberData(nameof(StatusEmails))]
    public void EachStatusEmailComposesInBothLanguagesWithEveryPlaceholderFilled(CaseEventKind kind, string language)
    {
        var email = new EmailComposer(Localizers).Compose(new ConsumerStatusEmails.Email(kind, new Dictionary<string, string>
        {
            ["Name"] = "山田 太郎",
            ["CaseNumber"] = "CCJ-2026-000123",
            ["Regarding"] = "",
            ["Status"] = "status",
            ["Outcome"] = "OUTCOME",
            ["Message"] = "MESSAGE",
            ["Partner"] = "CBBB",
            ["TrackingUrl"] = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
        }), language);

        Assert.Contains("CCJ-2026-000123", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith(language == "ja" ? "山田 太郎 様" : "Dear 山田 太郎,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("\nhttps://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(kind == CaseEventKind.Closed, email.TextBody.Contains("OUTCOME", StringComparison.Ordinal));
        Assert.Equal(kind == CaseEventKind.Closed, email.TextBody.Contains("MESSAGE", StringComparison.Ordinal));
        Assert.Equal(kind == CaseEventKind.Forwarded, email.TextBody.Contains("CBBB", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void TheNewLinkComposesWithTheLinkOnItsOwnLine(string language)
    {
        var email = new EmailComposer(Localizers).Compose(new ResendTrackingLink.Email(new Dictionary<string, string>
        {
            ["Name"] = "山田 太郎",
            ["CaseNumber"] = "CCJ-2026-000123",
            ["TrackingUrl"] = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
        }), language);
        Assert.Contains("\n\nhttps://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde\n\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "(山田 花子 様のご相談)")]
    [InlineData("en", " (the case of 山田 花子)")]
    public void AMessageToACounselorNamesTheResidentItIsAbout(string language, string expected) =>
        Assert.Equal(expected, InLanguage(language, () => Text["StatusEmail_Regarding", "山田 花子"].Value));

    [Theory]
    [InlineData("ja", "足立 一郎 様\n", "山田 花子 様のご相談")]
    [InlineData("en", "Dear 足立 一郎,\n", "the complaint you filed for 山田 花子")]
    public void TheCounselorsAcknowledgementIsWrittenToTheCounselorAndNamesTheResident(string language, string greeting, string resident)
    {
        var email = new EmailComposer(Localizers).Compose(new CounselorAcknowledgement(new Dictionary<string, string>
        {
            ["Name"] = "足立 一郎",
            ["Resident"] = "山田 花子",
            ["CaseNumber"] = "CCJ-2026-000123",
            ["TrackingUrl"] = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
            ["ReceivedAt"] = "2026-12-01 10:00",
            ["BusinessName"] = "Example Gadgets Inc.",
            ["Category"] = "CATEGORY",
            ["NextSteps"] = "NEXT",
        }), language);
        Assert.StartsWith(greeting, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(resident, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("山田 花子", email.Subject, StringComparison.Ordinal);
        Assert.Contains("\nhttps://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.TextBody, StringComparison.Ordinal);
    }
}
