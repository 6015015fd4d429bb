using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.CasePage;

/// <summary>
/// Every text the case page builds a key for exists (a missing key would show the key itself), and the
/// information-request email composes in both languages. ResourceParityTests checks that both languages have each key.
/// </summary>
public class CasePageTextTests
{
    private static readonly StringLocalizer<CasePageText> Text = new(Localizers);
    private static readonly StringLocalizer<CaseLabels> Labels = new(Localizers);

    public static TheoryData<string> PageKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var action in ShowCase.PageActions)
        {
            keys.Add($"Action_{action}");
            keys.Add($"Done_{action}");
        }

        foreach (var (group, _) in ShowCase.ActionGroups)
        {
            keys.Add($"ActionGroup_{group}");
        }

        keys.Add("Language_ja");
        keys.Add("Language_en");
        keys.Add("EmailTemplate_" + RequestInformation.Email.TemplateName);
        keys.Add("EmailTemplate_" + Web.Features.Intake.SubmitComplaint.AcknowledgementEmail.TemplateName);
        return keys;
    }

    public static TheoryData<string> LabelKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var type in new[] { typeof(CaseStatus), typeof(CasePriority), typeof(CaseOutcome), typeof(DeclineReason), typeof(CaseEventKind), typeof(CaseActorKind) })
        {
            foreach (var name in Enum.GetNames(type))
            {
                keys.Add($"{type.Name}_{name}");
            }
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(PageKeys))]
    public void TheTextExists(string key) => Assert.False(InLanguage("ja", () => Text[key].ResourceNotFound), $"{key} is missing.");

    [Theory]
    [MemberData(nameof(LabelKeys))]
    public void TheLabelExists(string key) => Assert.False(InLanguage("ja", () => Labels[key].ResourceNotFound), $"{key} is missing.");

    [Theory]
    [InlineData("ja", "【越境消費者センター】追加の情報をお願いします(受付番号 CCJ-2026-000123)", "山田 太郎 様", "2026年11月28日土曜日までに、")]
    [InlineData("en", "[Cross-Border Consumer Center] Please tell us more about your complaint (CCJ-2026-000123)", "Dear 山田 太郎,", "by Saturday, November 28, 2026")]
    public void TheInformationRequestComposesInBothLanguagesWithTheQuestionAsWritten(string language, string subject, string greeting, string replyBy)
    {
        const string question = "Please send the receipt. {Name} <b>&</b>";
        var email = new EmailComposer(Localizers).Compose(new RequestInformation.Email(new Dictionary<string, string>
        {
            ["Name"] = "山田 太郎",
            ["CaseNumber"] = "CCJ-2026-000123",
            ["Message"] = question,
            ["ReplyBy"] = language == "ja" ? "2026年11月28日土曜日" : "Saturday, November 28, 2026",
            ["TrackingUrl"] = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
        }, RepliesAreRead: false), language);

        Assert.Equal(subject, email.Subject);
        Assert.StartsWith(greeting, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(replyBy, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("\n\n" + question + "\n\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("{Name} &lt;b&gt;&amp;&lt;/b&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("\nhttps://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde\n", email.TextBody, StringComparison.Ordinal);
    }
}
