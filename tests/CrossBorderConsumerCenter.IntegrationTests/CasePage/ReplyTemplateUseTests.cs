using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Replies;
using CrossBorderConsumerCenter.Web.Features.ReplyTemplates;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>
/// Staff start a message to the consumer from a reply template in "request information", "tell the consumer", "decline"
/// and "close": without JavaScript, "use the template" posts the form and gets it back filled (everything else kept);
/// with it, the same filled text is on the page already. The message sent is the one staff edited.
/// </summary>
public class ReplyTemplateUseTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private const string Japanese = "受付番号 {case_number}、{consumer_name} 様。{merchant} の {item} について、{partner} に伝えます。期限は {deadline} です。";
    private const string English = "Case {case_number}, {consumer_name}: about {item} from {merchant}, we will tell {partner}. Please answer by {deadline}.";

    /// <summary>The email each action sends the consumer.</summary>
    private static readonly Dictionary<CaseAction, string> Templates = new()
    {
        [CaseAction.RequestInformation] = "InformationRequest",
        [CaseAction.NotifyConsumer] = "ConsumerNotice",
        [CaseAction.Decline] = "CaseStatusDeclined",
        [CaseAction.Close] = "CaseStatusClosed",
    };

    private FormClient Client => portal.Client;

    /// <summary>Each action, the status it is offered in, the field the template fills, and another field staff had typed in.</summary>
    public static TheoryData<CaseAction, CaseStatus, string, string, string> Actions() => new()
    {
        { CaseAction.RequestInformation, CaseStatus.InProgress, "RequestInformation.Message", "RequestInformation.Version", "" },
        { CaseAction.NotifyConsumer, CaseStatus.PartnerResponded, "NotifyConsumer.Message", "NotifyConsumer.Version", "" },
        { CaseAction.Decline, CaseStatus.InProgress, "Decline.Comment", "Decline.Reason", nameof(DeclineReason.OutOfScope) },
        { CaseAction.Close, CaseStatus.InProgress, "Close.Comment", "Close.Outcome", nameof(CaseOutcome.PartlyResolved) },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task UsingATemplateWithoutJavaScriptFillsTheMessageInTheConsumersLanguageAndKeepsTheRest(
        CaseAction action, CaseStatus status, string target, string other, string otherValue)
    {
        var template = await AddTemplateAsync(action);
        var c = await portal.CaseInAsync(status);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var before = await portal.FootprintAsync(c.Id);

        var filled = await UseAsync(page, action, template, other.EndsWith(".Version", StringComparison.Ordinal) ? [] : [new(other, otherValue)]);

        var expected = Filled(c, Japanese);
        Assert.Equal(expected, Field(filled, target));
        Assert.Contains("を入力欄に入れました", filled.Find($"#action-{action} [data-template-filled]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(filled.Find($"#action-{action}[open]"));
        if (!other.EndsWith(".Version", StringComparison.Ordinal))
        {
            Assert.NotNull(filled.Find($"#action-{action} input[name='{other}'][value='{otherValue}'][checked]"));
        }

        // Nothing happened to the case; with JavaScript, the page already holds the same filled text for the button to use.
        Assert.Equal(before, await portal.FootprintAsync(c.Id));
        Assert.Equal(expected, ((IHtmlTemplateElement)page.Find($"#action-{action} template[data-template-text='{template}']")!).Content.TextContent);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task TheFilledTextEditedByStaffIsWhatTheConsumerReceives(CaseAction action, CaseStatus status, string target, string other, string otherValue)
    {
        var chosen = await AddTemplateAsync(action);
        var c = await portal.CaseInAsync(status);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var filled = await UseAsync(page, action, chosen, []);
        var edited = Field(filled, target) + "\nご不明な点はお知らせください。";
        List<KeyValuePair<string, string?>> values = [new(target, edited)];
        if (!other.EndsWith(".Version", StringComparison.Ordinal))
        {
            values.Add(new(other, otherValue));
        }

        using (var response = action == CaseAction.Decline
                   ? (await DeclineSteps.DeclineAsync(Client, filled, values)).Declined
                   : await Client.SubmitAsync(filled, $"#action-{action} form", values))
        {
            await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        var template = Templates[action];
        var email = await portal.QueryAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.CaseId == c.Id && e.Template == template));
        Assert.Contains(edited, email.TextBody, StringComparison.Ordinal);
        Assert.Equal("ja", email.Language);
    }

    [Fact]
    public async Task AnEnglishCaseGetsTheEnglishTextWithItsDateInEnglish()
    {
        var template = await AddTemplateAsync(CaseAction.RequestInformation);
        var c = await portal.CaseInAsync(CaseStatus.InProgress, language: "en");
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        var filled = await UseAsync(page, CaseAction.RequestInformation, template, []);

        var text = Field(filled, "RequestInformation.Message");
        Assert.Equal(Filled(c, English), text);
        Assert.Contains("The Council of Better Business Bureaus (CBBB)", text, StringComparison.Ordinal);
        Assert.Contains(ReplyBy(CultureInfo.GetCultureInfo("en")), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsingNoTemplateOrOneNoLongerActiveSaysSoAndKeepsWhatWasTyped()
    {
        var template = await AddTemplateAsync(CaseAction.Close);
        var c = await portal.CaseInAsync(CaseStatus.InProgress);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        var none = await UseAsync(page, CaseAction.Close, null, [new("Close.Comment", "途中まで書いた文")]);
        Assert.Equal("使うテンプレートを選んでください。", none.FieldError("Close_TemplateId"));
        Assert.Equal("途中まで書いた文", Field(none, "Close.Comment"));

        await portal.QueryAsync(db => db.ReplyTemplates.Where(t => t.Id == template).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, false)));
        var gone = await UseAsync(page, CaseAction.Close, template, [new("Close.Comment", "途中まで書いた文")]);
        Assert.Contains("使えなくなりました", gone.FieldError("Close_TemplateId"), StringComparison.Ordinal);
        Assert.Equal("途中まで書いた文", Field(gone, "Close.Comment"));
    }

    [Fact]
    public async Task ATemplateForAnotherActionIsNotOfferedNorUsable()
    {
        var template = await AddTemplateAsync(CaseAction.Decline);
        var c = await portal.CaseInAsync(CaseStatus.InProgress);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        Assert.Null(page.Find($"#action-Close option[value='{template}']"));
        Assert.NotNull(page.Find($"#action-Decline option[value='{template}']"));
        var refused = await UseAsync(page, CaseAction.Close, template, []);
        Assert.Contains("使えなくなりました", refused.FieldError("Close_TemplateId"), StringComparison.Ordinal);
    }

    /// <summary>A template for the action (as an admin's save would, the case page then offers it at once).</summary>
    private async Task<Guid> AddTemplateAsync(CaseAction action)
    {
        var template = new ReplyTemplate(new ReplyTemplateDetails($"テスト {Guid.NewGuid():N}", action, Japanese, English), portal.Clock.GetUtcNow());
        await portal.QueryAsync(async db =>
        {
            db.ReplyTemplates.Add(template);
            return await db.SaveChangesAsync();
        });
        portal.Factory.Services.GetRequiredService<ReplyTemplateDirectory>().Invalidate();
        return template.Id;
    }

    /// <summary>"Use the template" (its button's formaction) with the action's form as typed, and <paramref name="template"/> chosen.</summary>
    private async Task<HtmlPage> UseAsync(HtmlPage page, CaseAction action, Guid? template, IEnumerable<KeyValuePair<string, string>> values)
    {
        var form = (IHtmlFormElement)page.Find($"#action-{action} form")!;
        var fields = HtmlForms.CurrentValues(form).Where(f => f.Key != "__RequestVerificationToken").ToList();
        foreach (var (name, value) in values.Append(new($"{action}.TemplateId", template?.ToString() ?? "")))
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        using var response = await Client.PostAsync(page.Find($"#action-{action} [data-use-template]")!.GetAttribute("formaction")!, page, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ReadAsync(response);
    }

    private static string Field(HtmlPage page, string name) => page.Find($"textarea[name='{name}']")!.TextContent.TrimStart('\n');

    private string Filled(Case c, string text) => text
        .Replace("{case_number}", c.Number, StringComparison.Ordinal)
        .Replace("{consumer_name}", c.ConsumerName, StringComparison.Ordinal)
        .Replace("{merchant}", c.BusinessName, StringComparison.Ordinal)
        .Replace("{item}", c.PurchaseItem, StringComparison.Ordinal)
        .Replace("{partner}", c.Language == "ja" ? "CBBB(The Council of Better Business Bureaus)" : "The Council of Better Business Bureaus (CBBB)", StringComparison.Ordinal)
        .Replace("{deadline}", ReplyBy(CultureInfo.GetCultureInfo(c.Language)), StringComparison.Ordinal);

    // A week from now in Japan, as the consumer's language writes a date.
    private string ReplyBy(CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow() + CaseClocks.ConsumerReplyPeriod, LocalizationRegistration.JapanTime).ToString("D", culture);
}
