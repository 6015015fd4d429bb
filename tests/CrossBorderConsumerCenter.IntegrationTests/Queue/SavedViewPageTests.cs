using System.Net;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// Saved views on the queue page: the current filters and order kept under a name, listed and opened by their owner
/// only, deleted by their owner only; a name refused with a message in the reader's language and the name kept.
/// Each test signs in a staff member of its own, so their views do not meet.
/// </summary>
public class SavedViewPageTests(QueueFixture portal) : IClassFixture<QueueFixture>
{
    private async Task<(FormClient Client, StaffAccounts.Account Account)> StaffAsync() => await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);

    private static Task<HttpResponseMessage> SaveAsync(FormClient client, HtmlPage page, string name) =>
        client.SubmitAsync(page, "form#save-view", [new("SaveView.Name", name)]);

    private async Task<List<SavedView>> ViewsOfAsync(Guid owner)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SavedViews.AsNoTracking().Where(v => v.OwnerId == owner).ToListAsync();
    }

    [Fact]
    public async Task TheCurrentFiltersAndOrderAreSavedFromTheFirstPageAndListedForTheirOwnerOnly()
    {
        var (me, account) = await StaffAsync();
        var (other, _) = await StaffAsync();
        using (me)
        using (other)
        {
            var cursor = QueueCriteriaCursor();
            var page = await me.GetOkAsync($"/staff/cases?view=all&country=US&overdue=1&sort=due&after={cursor}");

            using var response = await SaveAsync(me, page, "  ＵＳ　期限切れ ");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var after = await me.FollowRedirectAsync(response);
            Assert.Contains("ビュー「US 期限切れ」を保存しました。", after.MainText, StringComparison.Ordinal);
            var link = Assert.Single(after.FindAll(".queue-saved__list a"));
            Assert.Equal("US 期限切れ", link.TextContent);
            Assert.Equal("/staff/cases?view=all&country=US&overdue=1&sort=due", link.GetAttribute("href"));
            Assert.Equal("?view=all&country=US&overdue=1&sort=due", Assert.Single(await ViewsOfAsync(account.Id)).Query);

            // Opening it shows that view, marked as the current one.
            var opened = await me.GetOkAsync(link.GetAttribute("href")!);
            Assert.Equal("page", opened.Find(".queue-saved__list a")!.GetAttribute("aria-current"));
            Assert.NotNull(opened.Find("#overdue[checked]"));

            Assert.Empty((await other.GetOkAsync("/staff/cases")).FindAll(".queue-saved__list a"));
        }
    }

    [Fact]
    public async Task OnlyTheOwnerCanDeleteAView()
    {
        var (me, account) = await StaffAsync();
        var (other, _) = await StaffAsync();
        using (me)
        using (other)
        {
            using (await SaveAsync(me, await me.GetOkAsync("/staff/cases?priority=High"), "急ぎ"))
            {
            }

            var id = Assert.Single(await ViewsOfAsync(account.Id)).Id;
            var theirs = await other.GetOkAsync("/staff/cases");
            using (var refused = await other.PostAsync($"/staff/cases/views/{id}/delete", theirs, []))
            {
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            }

            Assert.Single(await ViewsOfAsync(account.Id));

            var mine = await me.GetOkAsync("/staff/cases?view=all&sort=number");
            using var deleted = await me.SubmitAsync(mine, $"form[action^='/staff/cases/views/{id}/delete']");
            Assert.Equal("/staff/cases?view=all&sort=number", deleted.Headers.Location!.OriginalString);
            var after = await me.FollowRedirectAsync(deleted);
            Assert.Contains("ビューを削除しました。", after.MainText, StringComparison.Ordinal);
            Assert.Empty(after.FindAll(".queue-saved__list a"));
            Assert.Empty(await ViewsOfAsync(account.Id));
        }
    }

    [Theory]
    [InlineData("", "ビューの名前を入力してください。")]
    [InlineData("　 ", "ビューの名前を入力してください。")]
    [InlineData("あいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこさ", "ビューの名前は60文字以内で入力してください。")]
    public async Task ANameThatCannotBeUsedIsRefusedWithTheNameKept(string name, string message)
    {
        var (me, account) = await StaffAsync();
        using (me)
        {
            using var response = await SaveAsync(me, await me.GetOkAsync("/staff/cases?view=all"), name);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var shown = await HtmlPage.ReadAsync(response);
            Assert.Equal(message, shown.FieldError("SaveView_Name"));
            Assert.Equal("#SaveView_Name", shown.Find(".error-summary a")!.GetAttribute("href"));
            Assert.Equal(name.Trim().Length == 0 ? "" : name, shown.Find("#SaveView_Name")!.GetAttribute("value") ?? "");
            Assert.NotNull(shown.Find("details.queue-saved__save[open]"));
            Assert.Empty(await ViewsOfAsync(account.Id));
        }
    }

    [Fact]
    public async Task ANameAlreadyUsedWhateverItsCaseOrWidthIsRefused()
    {
        var (me, account) = await StaffAsync();
        using (me)
        {
            using (await SaveAsync(me, await me.GetOkAsync("/staff/cases"), "Mine"))
            {
            }

            using var response = await SaveAsync(me, await me.GetOkAsync("/staff/cases?view=all"), "ＭＩＮＥ");

            Assert.Equal("同じ名前のビューがすでにあります。別の名前を入力してください。", (await HtmlPage.ReadAsync(response)).FieldError("SaveView_Name"));
            Assert.Equal("", Assert.Single(await ViewsOfAsync(account.Id)).Query);
        }
    }

    [Fact]
    public async Task NoMoreThanTheLimitAreKeptAndTheMessageIsInTheReadersLanguage()
    {
        var (me, account) = await StaffAsync();
        using (me)
        {
            using (var scope = portal.Factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.SavedViews.AddRange(Enumerable.Range(1, SavedView.MaxPerOwner).Select(i => new SavedView(account.Id, $"view {i}", $"?q=view{i}", portal.Now)));
                await db.SaveChangesAsync();
            }

            // The language as a browser set to English asks for it (the culture cookie is sent over HTTPS only).
            me.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var page = await me.GetOkAsync("/staff/cases");
            Assert.Equal(SavedView.MaxPerOwner, page.FindAll(".queue-saved__list a").Count);
            using var response = await SaveAsync(me, page, "one more");

            Assert.Equal($"You can keep at most {SavedView.MaxPerOwner} views. Delete one you no longer use, then save again.", (await HtmlPage.ReadAsync(response)).FieldError("SaveView_Name"));
            Assert.Equal(SavedView.MaxPerOwner, (await ViewsOfAsync(account.Id)).Count);

            using var empty = await SaveAsync(me, page, "");
            Assert.Equal("Enter a name for the view.", (await HtmlPage.ReadAsync(empty)).FieldError("SaveView_Name"));
        }
    }

    /// <summary>A page boundary as the queue writes it, so the saved address can be seen to leave it out.</summary>
    private static string QueueCriteriaCursor() =>
        Web.Features.Queue.QueueCriteria.Encode(new(Web.Features.Queue.QueueSort.Due, false, "638000000000000000", Guid.NewGuid()));
}
