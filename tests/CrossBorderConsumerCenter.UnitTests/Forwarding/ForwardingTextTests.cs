using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Features.PartnerAnswer;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Forwarding;

/// <summary>Every text the forwarding pages build a key for exists, and every email of the feature composes in both languages.</summary>
public class ForwardingTextTests
{
    private static readonly StringLocalizer<ForwardingText> Forwarding = new(Localizers);
    private static readonly StringLocalizer<PartnersText> Partners = new(Localizers);
    private static readonly StringLocalizer<CasePageText> CasePage = new(Localizers);
    private static readonly StringLocalizer<Web.Features.Audit.AuditText> Audit = new(Localizers);

    public static TheoryData<string, string> Keys()
    {
        var keys = new TheoryData<string, string>();
        foreach (var refusal in Enum.GetNames<ForwardingRefusal>())
        {
            keys.Add("Forwarding", "Refusal_" + refusal);
        }

        foreach (var item in Enum.GetNames<ProvidedItem>())
        {
            keys.Add("Forwarding", "Item_" + item);
        }

        foreach (var detail in Enum.GetNames<PersonalDetail>())
        {
            keys.Add("Forwarding", "Problem_TextContains_" + detail);
        }

        foreach (var outcome in Enum.GetNames<PartnerOutcome>())
        {
            keys.Add("Partners", "PartnerOutcome_" + outcome);
        }

        foreach (var template in new[] { ForwardEmail.TemplateName, NotifyConsumer.Email.TemplateName, RunCaseClocks.ReminderEmail.TemplateName, RunCaseClocks.OverdueEmail.TemplateName, RecordPartnerAnswer.StaffEmail.TemplateName })
        {
            keys.Add("CasePage", "EmailTemplate_" + template);
        }

        foreach (var action in Enum.GetNames<Web.Data.Auditing.AuditAction>())
        {
            keys.Add("Audit", "Action_" + action);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void TheTextExists(string resource, string key)
    {
        IStringLocalizer localizer = resource switch { "Forwarding" => Forwarding, "Partners" => Partners, "Audit" => Audit, _ => CasePage };
        Assert.False(InLanguage("ja", () => localizer[key].ResourceNotFound), $"{resource}: {key} is missing.");
    }

    public static TheoryData<string, string, bool> Templates()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var language in new[] { "ja", "en" })
        {
            foreach (var repliesAreRead in new[] { true, false })
            {
                foreach (var template in new[] { "ConsumerNotice", "ConsumerReminder", "CaseOverdue", "PartnerAnswered" })
                {
                    data.Add(template, language, repliesAreRead);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EachEmailComposesWithTheCaseNumberInItsSubjectAndEveryValueInItsBody(string template, string language, bool repliesAreRead)
    {
        var values = new Dictionary<string, string>
        {
            ["Name"] = "山田 太郎", ["CaseNumber"] = "CCJ-2026-000123", ["Message"] = "Refund <b>&", ["Question"] = "領収書を送ってください。",
            ["ReplyBy"] = "2026年12月1日", ["Status"] = "提携機関へ伝達済み", ["DueAt"] = "2026-12-01 17:45", ["CaseUrl"] = "https://ccj.example.jp/staff/cases/CCJ-2026-000123",
            ["Agency"] = "CBBB", ["Outcome"] = "返金された", ["Files"] = "2", ["TrackingUrl"] = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
        };
        IEmailTemplate email = template switch
        {
            "ConsumerNotice" => new NotifyConsumer.Email(values, repliesAreRead),
            "ConsumerReminder" => new RunCaseClocks.ReminderEmail(values, repliesAreRead),
            "CaseOverdue" => new RunCaseClocks.OverdueEmail(values),
            _ => new RecordPartnerAnswer.StaffEmail(values),
        };

        var composed = new EmailComposer(Localizers).Compose(email, language);

        Assert.Contains("CCJ-2026-000123", composed.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("{", composed.Subject + composed.TextBody, StringComparison.Ordinal);
        var expected = template switch
        {
            "ConsumerNotice" => ["Refund <b>&"],
            "ConsumerReminder" when repliesAreRead => ["山田 太郎", "領収書を送ってください。", "2026年12月1日"],
            "ConsumerReminder" => ["山田 太郎", "領収書を送ってください。", "2026年12月1日", "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde"],
            "CaseOverdue" => ["2026-12-01 17:45", "https://ccj.example.jp/staff/cases/CCJ-2026-000123"],
            _ => new[] { "CBBB", "返金された", "https://ccj.example.jp/staff/cases/CCJ-2026-000123" },
        };
        Assert.All(expected, value => Assert.Contains(value, composed.TextBody, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void AConsumerEmailInvitesAReplyOnlyWhenRepliesAreRead(string language)
    {
        var values = new Dictionary<string, string>
        {
            ["Name"] = "山田 太郎", ["CaseNumber"] = "CCJ-2026-000123", ["Message"] = "返金について", ["Question"] = "領収書を送ってください。",
            ["ReplyBy"] = "2026年12月1日", ["TrackingUrl"] = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
        };
        var composer = new EmailComposer(Localizers);
        var invitation = language == "ja" ? "返信" : "reply";
        foreach (var email in new Func<bool, IEmailTemplate>[] { read => new NotifyConsumer.Email(values, read), read => new RunCaseClocks.ReminderEmail(values, read), read => new RequestInformation.Email(values, read) })
        {
            Assert.Contains(invitation, composer.Compose(email(true), language).TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(invitation, composer.Compose(email(false), language).TextBody, StringComparison.OrdinalIgnoreCase);
        }
    }
}
