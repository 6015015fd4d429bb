using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.CasePage;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>
/// The workflow through the page, for every status and every action the page can post: the page offers exactly the
/// allowed actions, an allowed one works and moves the case where the rule says, a refused one is refused with a
/// message and changes nothing. Forwarding has its own compose page (ForwardingTests): here only its link is checked.
/// </summary>
public class CaseWorkflowPageTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    /// <summary>The URL each action posts to, and valid values for it.</summary>
    private static readonly Dictionary<CaseAction, (string Path, Dictionary<string, string> Fields)> Posts = new()
    {
        [CaseAction.Assign] = ("assign", []),
        [CaseAction.ChangeCategory] = ("category", new() { ["ChangeCategory.Category"] = nameof(CaseCategory.Other) }),
        [CaseAction.ChangePriority] = ("priority", new() { ["ChangePriority.Priority"] = nameof(CasePriority.Urgent) }),
        [CaseAction.AddNote] = ("notes", new() { ["AddNote.Text"] = "電話で事情を確認した。" }),
        [CaseAction.RequestInformation] = ("request-information", new() { ["RequestInformation.Message"] = "注文番号を教えてください。" }),
        [CaseAction.Decline] = ("decline", new() { ["Decline.Reason"] = nameof(DeclineReason.BusinessPurchase), ["Decline.Comment"] = "事業用の購入でした。" }),
        [CaseAction.Close] = ("close", new() { ["Close.Outcome"] = nameof(CaseOutcome.PartlyResolved), ["Close.Comment"] = "一部返金。" }),
        [CaseAction.Reopen] = ("reopen", new() { ["Reopen.Reason"] = "返金が取り消された。" }),
        [CaseAction.NotifyConsumer] = ("notify-consumer", new() { ["NotifyConsumer.Message"] = "事業者から返金されたとの報告がありました。" }),
        [CaseAction.KeepWaiting] = ("keep-waiting", new() { ["KeepWaiting.Note"] = "電話で、来週送ると聞いた。" }),
        [CaseAction.Correct] = ("correct", new()
        {
            ["Correct.Business.Country"] = "US", ["Correct.Business.Name"] = "Example Gadgets LLC", ["Correct.Consumer.Name"] = "山田 太郎",
            ["Correct.Consumer.Email"] = "taro@example.jp", ["Correct.Consumer.EmailConfirmation"] = "taro@example.jp", ["Correct.Consumer.Phone"] = "090-1234-5678",
            ["Correct.Consumer.PostalCode"] = "100-0001", ["Correct.Consumer.Prefecture"] = "JP-13", ["Correct.Consumer.Address"] = "千代田区千代田1-1",
            ["Correct.Reason"] = "FAXの原本と照合した。",
        }),
        [CaseAction.RecordReply] = ("record-reply", new() { ["RecordReply.Channel"] = nameof(ReplyChannel.Phone), ["RecordReply.Text"] = "12月3日 電話: 注文番号は A-123 とのこと。" }),
    };

    /// <summary>The actions with a form on the page (forwarding is a link to its own page).</summary>
    private static IEnumerable<CaseAction> FormActions => ShowCase.PageActions.Where(a => a != CaseAction.Forward);

    public static TheoryData<CaseStatus, CaseAction> EveryStatusAndPageAction()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in FormActions)
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Fact]
    public void EveryActionThePageOffersIsTriedHere() => Assert.Equal(FormActions.Order(), Posts.Keys.Order());

    [Theory]
    [MemberData(nameof(EveryStatusAndPageAction))]
    public async Task AnAllowedActionMovesTheCaseAsTheRuleSaysAndARefusedOneChangesNothing(CaseStatus status, CaseAction action)
    {
        var c = await portal.CaseInAsync(status);
        var page = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var offered = page.FindAll("details.case-action").Select(d => d.Id!).ToHashSet();
        Assert.Equal(CaseWorkflow.Can(status, action), offered.Contains("action-" + action));

        var (path, values) = Posts[action];
        var fields = new Dictionary<string, string>(values)
        {
            [$"{action}.Version"] = page.Find("input[name$='.Version']")!.GetAttribute("value")!,
        };
        if (action == CaseAction.Assign)
        {
            fields["Assign.AssigneeId"] = portal.Staff.Id.ToString();
        }

        if (action == CaseAction.RecordReply)
        {
            // The consumer's answer while the case waits for them, else the agency's with what the merchant did.
            var consumer = status == CaseStatus.WaitingForConsumer;
            fields["RecordReply.Party"] = consumer ? nameof(RecordReply.From.Consumer) : nameof(RecordReply.From.Partner);
            fields["RecordReply.Outcome"] = consumer ? "" : nameof(Web.Domain.Partners.PartnerOutcome.Refunded);
        }

        if (action == CaseAction.KeepWaiting)
        {
            fields["KeepWaiting.Until"] = KeepWaiting.Suggested(portal.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (action == CaseAction.Decline)
        {
            // A decline goes with the email previewed (where the workflow allows one).
            using var previewed = await portal.Client.PostAsync($"{CasePageFixture.PageOf(c.Number)}/decline/preview", page, fields);
            if ((await HtmlPage.ReadAsync(previewed)).Find("input[name='Decline.PreviewOf']")?.GetAttribute("value") is { } fingerprint)
            {
                fields["Decline.PreviewOf"] = fingerprint;
            }
        }

        var before = await portal.FootprintAsync(c.Id);
        using var response = await portal.Client.PostAsync($"{CasePageFixture.PageOf(c.Number)}/{path}", page, fields);

        if (CaseWorkflow.Next(status, action) is { } next)
        {
            var after = await CasePageFixture.FollowToCaseAsync(portal.Client, response, c.Number);
            Assert.NotNull(after.Find(".notice--success[role=status][data-confirmation]"));
            var changed = await portal.ReadCaseAsync(c.Id);
            Assert.Equal(next, changed.Status);
            var footprint = await portal.FootprintAsync(c.Id);
            Assert.Equal(before.Events + 1, footprint.Events);
            Assert.Equal(before.Changes + 1, footprint.Changes);
            // The question is an email; so is every change of status the consumer is told about (the tracking emails).
            // The agency's first answer is news for the consumer too.
            var emails = action is CaseAction.RequestInformation or CaseAction.NotifyConsumer or CaseAction.Decline or CaseAction.Close or CaseAction.Reopen
                || (action == CaseAction.RecordReply && status == CaseStatus.Forwarded) ? 1 : 0;
            Assert.Equal(before.Emails + emails, footprint.Emails);
            Assert.Contains($"\"action\": \"{action}\"", await portal.LastAuditDetailsAsync(c.Id, "CaseChanged"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var refused = await HtmlPage.ReadAsync(response);
            Assert.Contains("できません", refused.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, await portal.FootprintAsync(c.Id));
            Assert.Equal(status, (await portal.ReadCaseAsync(c.Id)).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task ThePageOffersExactlyTheStaffActionsOfTheStatusWithForwardingAsALinkToItsPage(CaseStatus status)
    {
        var c = await portal.CaseInAsync(status);
        var page = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var expected = ShowCase.ActionGroups.SelectMany(g => g.Actions).Where(a => a != CaseAction.Forward && CaseWorkflow.Can(status, a)).Select(a => "action-" + a);
        Assert.Equal(expected, page.FindAll("details.case-action").Select(d => d.Id!));
        Assert.Equal(CaseWorkflow.Can(status, CaseAction.Forward), page.Find("#action-Forward") is not null);
        Assert.Equal(CaseWorkflow.Can(status, CaseAction.Assign), page.Find("form.case-assign-me") is not null);
    }

    public static TheoryData<CaseStatus> Statuses() => new(Enum.GetValues<CaseStatus>());
}
