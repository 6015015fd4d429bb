using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Forwarding;

/// <summary>Admins keep the partner agency registry on /admin/partners; the public pages and routing follow it.</summary>
public class PartnerRegistryPageTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    [Fact]
    public async Task TheSeededAgenciesAreListedWithTheAddressesFromConfiguration()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var list = await admin.GetOkAsync("/admin/partners");

        Assert.Equal(["CBBB", "SOSA", "CASE"], list.FindAll("[data-agency]").Select(r => r.GetAttribute("data-agency")).Take(3));
        Assert.Equal($"{ForwardingFixture.CbbbAddress}, {ForwardingFixture.CbbbSecondAddress}", list.Find("[data-agency=CBBB] .partner-table__addresses")!.TextContent.Trim());
        Assert.Contains("アメリカ", list.Find("[data-agency=CBBB]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("カナダ", list.Find("[data-agency=CBBB]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'PartnerAgencyUpdated' AND actor_name = 'configuration'"));
    }

    [Fact]
    public async Task ACountryAlreadyCoveredByAnActiveAgencyIsRefusedAndWhatWasTypedKept()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var create = await admin.GetOkAsync("/admin/partners/new");
        using var refused = await admin.SubmitAsync(create, "form.partner-form", Agency("USCA", "US", "consumer@usca.example.org"));
        var page = await HtmlPage.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("有効な提携機関 CBBB がすでに担当しています", page.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("consumer@usca.example.org", page.Find("#EmailAddresses")!.TextContent.Trim());
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM partner_agencies WHERE code = 'USCA'"));
    }

    [Fact]
    public async Task AnAdminAddsAnAgencyThenDeactivatesItAndItsCountryIsNoLongerCoveredEverythingAudited()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var create = await admin.GetOkAsync("/admin/partners/new");
        using (var created = await admin.SubmitAsync(create, "form.partner-form", Agency("HKCC", "HK", "cross-border@hkcc.example.org")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/admin/partners/HKCC", created.Headers.Location!.OriginalString);
        }

        // The consent page names the new agency and the country's law (the registry is cached for a few seconds; the admin's change shows at once here).
        using (var visitor = portal.Factory.CreateFormClient())
        {
            var consent = await visitor.GetOkAsync("/complaint/consent");
            Assert.Contains("香港消費者委員会(HKCC)", consent.Find(".partner-list")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("個人資料(私隱)條例", consent.Find(".partner-list")!.TextContent, StringComparison.Ordinal);
        }

        var hongKong = await portal.ReceiveAsync(CrossBorderConsumerCenter.Testing.Cases.TestComplaints.Details(country: "HK", currency: "HKD"));
        Assert.NotNull((await portal.Client.GetOkAsync(ForwardingFixture.PageOf(hongKong.Number))).Find("[data-forward-link]"));

        var edit = await admin.GetOkAsync("/admin/partners/HKCC");
        using (var deactivated = await admin.SubmitAsync(edit, "form[action$='/deactivate']"))
        {
            var after = await admin.FollowRedirectAsync(deactivated);
            Assert.Equal("無効", after.Find("[data-field=state]")!.TextContent.Trim());
        }

        var casePage = await portal.Client.GetOkAsync(ForwardingFixture.PageOf(hongKong.Number));
        Assert.Null(casePage.Find("[data-forward-link]"));
        Assert.NotNull(casePage.Find("[data-refusal=AgencyInactive]"));
        Assert.Equal(
            ["PartnerAgencyCreated", "PartnerAgencyDeactivated"],
            await portal.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.AuditEntries.Where(a => a.SubjectId == "HKCC").OrderBy(a => a.Id).Select(a => a.Action.ToString()))));
    }

    private static KeyValuePair<string, string?>[] Agency(string code, string country, string address) =>
    [
        new("Code", code), new("EnglishName", "Hong Kong Consumer Council (HKCC)"), new("JapaneseName", "香港消費者委員会(HKCC)"),
        new("EmailAddresses", address), new("Language", "en"), new("ResponseBusinessDays", "10"),
        new("Countries[0].CountryCode", country), new("Countries[0].PrivacyLawJapanese", "個人資料(私隱)條例"), new("Countries[0].PrivacyLawEnglish", "Personal Data (Privacy) Ordinance"),
    ];
}
