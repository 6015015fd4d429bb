using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.UnitTests.Tracking;

/// <summary>
/// The receipt's cookie is kept by the browser for as long as the receipt may be shown, counted by the browser from
/// when it got it (Max-Age), never as a moment its own clock judges: a browser whose clock is hours off (or a test's
/// client beside a portal whose clock is set) would otherwise drop it at once and show no receipt.
/// </summary>
public class ReceiptCookieTests
{
    [Fact]
    public void TheCookieSaysHowLongToKeepItNotUntilWhen()
    {
        // The portal's clock twelve hours behind the real one: an Expires attribute would be long past for the browser.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-12));
        var links = new ReceiptLinks(new EphemeralDataProtectionProvider(), Options.Create(new PortalOptions()), clock);
        var http = new DefaultHttpContext();

        links.Remember(http, ReceiptLinks.ConsumerCookieName, "/complaint", new RememberedReceipt("CB-2026-000001", null), clock.GetUtcNow() + TimeSpan.FromMinutes(10));

        var cookie = http.Response.Headers.SetCookie.ToString();
        Assert.Contains("max-age=600", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/complaint", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AReceiptWhoseTimeIsOverIsWrittenToGoAtOnce()
    {
        var clock = new FakeTimeProvider();
        var links = new ReceiptLinks(new EphemeralDataProtectionProvider(), Options.Create(new PortalOptions()), clock);
        var http = new DefaultHttpContext();

        links.Remember(http, ReceiptLinks.ConsumerCookieName, "/complaint", new RememberedReceipt("CB-2026-000001", null), clock.GetUtcNow() - TimeSpan.FromMinutes(1));

        Assert.Contains("max-age=0", http.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
