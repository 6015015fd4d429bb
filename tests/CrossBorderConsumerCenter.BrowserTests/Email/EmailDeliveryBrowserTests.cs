using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.BrowserTests.Email;

public class EmailDeliveryBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Lists = ["DeadLettered", "Retrying"];

    [Theory]
    [InlineData("ja", 360)]
    [InlineData("en", 1280)]
    public async Task TheEmailDeliveryPageIsAccessibleAndFitsTheScreen(string language, int width)
    {
        await SeedFailedMessagesAsync();
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            await page.GotoAsync("/account/sign-in?returnUrl=/admin/email");
            await BrowserSignIn.SubmitAsync(page, admin.Email);
            await page.WaitForURLAsync("**/admin/email");

            foreach (var list in Lists)
            {
                await page.GotoAsync($"/admin/email?list={list}");
                Assert.True(await page.Locator(".email-item").CountAsync() > 0, $"No rows in {list}.");
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{list} is {scrollWidth}px wide on a {width}px screen.");
                await Accessibility.AssertCleanAsync(page);
                await BrowserSession.SaveScreenshotAsync(page, $"admin-email-{list}-{language}-{width}");
            }

            // Sending again from the page: back on the same list, with the confirmation announced.
            await page.Locator(".email-item button").First.ClickAsync();
            await page.WaitForURLAsync("**/admin/email?list=Retrying");
            Assert.True(await page.Locator("[role=status]").IsVisibleAsync());
            await Accessibility.AssertCleanAsync(page);
        });
    }

    /// <summary>Two dead letters and two failing messages, as the sender would leave them.</summary>
    private async Task SeedFailedMessagesAsync()
    {
        var forCase = await CrossBorderConsumerCenter.Testing.Cases.TestCases.ReceiveAsync(portal.Factory);
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 4; i++)
        {
            var email = outbox.Enqueue(composer.FromText("件名", "本文", "ja"), "ComplaintAcknowledgement",
                new EmailRecipients([$"a-rather-long-address-{i}@mail.example-consumer-domain.jp"]), "ja", forCase.Id);
            email.Attempts = i + 1;
            email.LastAttemptAt = now;
            email.NextAttemptAt = now.AddHours(1);
            email.State = i < 2 ? OutboundEmailState.DeadLettered : OutboundEmailState.Pending;
            email.LastError = i < 2
                ? "550 Mailbox unavailable. The server response was: 5.1.1 <a-rather-long-address@mail.example-consumer-domain.jp>: Recipient address rejected: User unknown in virtual mailbox table"
                : "No connection to the SMTP server (smtp.ccj.example.jp:587): Connection refused";
        }

        await db.SaveChangesAsync();
    }
}
