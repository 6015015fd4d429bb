using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Features.Retention;

namespace CrossBorderConsumerCenter.IntegrationTests.Privacy;

/// <summary>
/// Disclosure (APPI art. 33): a supervisor finds a person's cases by name and phone (one filed online, one by a
/// counselor), never those of someone with a similar name, records the request and downloads one ZIP whose JSON parses,
/// whose HTML is in Japanese and whose files are the stored bytes.
/// </summary>
public class DisclosureTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private const string Page = "/staff/supervisor/privacy";

    [Fact]
    public async Task ThePackageHoldsExactlyThePersonsCasesWithTheirConsentsProvisionsEmailsAndFiles()
    {
        var photo = Encoding.UTF8.GetBytes("\u0089PNG disclosure test bytes \u0001\u0002");
        var file = new StoredFile("レシート.png", "image/png", photo, portal.Clock.GetUtcNow());
        var own = await portal.ReceiveAsync(RetentionTests.Details("山田 太郎", "Taro.Yamada@Example.jp", "090-1234-5678", "ヤマダ タロウ", "JP-13"), evidence: [file]);
        await portal.ForwardAsync(own);
        var center = await TestCenters.CreateAsync(portal.Factory);
        var counselor = await StaffAccounts.CreateCounselorAsync(portal.Factory, center.Id);
        var (filed, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor);
        var similar = await portal.ReceiveAsync(RetentionTests.Details("山田 太朗", "tarou@example.jp", "080-9999-0000", "ヤマダ タロウ", "JP-13"));

        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using var _ = client;

        // Nothing to search by: the form comes back with the message and what was typed.
        using (var refused = await client.SubmitAsync(await client.GetOkAsync(Page), "form[action$='/disclosures']", [new("Disclosure.RequestedBy", "本人（窓口）"), new("Disclosure.Reason", "運転免許証で確認")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var again = await HtmlPage.ReadAsync(refused);
            Assert.NotNull(again.Find(".error-summary"));
            Assert.Equal("本人（窓口）", again.Find("#Disclosure_RequestedBy")!.GetAttribute("value"));
        }

        // The name typed without its space in full width, the phone with the country code: both of the person's cases.
        using var found = await client.SubmitAsync(await client.GetOkAsync(Page), "form[action$='/disclosures']",
        [
            new("Disclosure.Name", "山田太郎"), new("Disclosure.Phone", "+81 90-1234-5678"),
            new("Disclosure.RequestedBy", "相談者本人（郵送）"), new("Disclosure.Reason", "開示請求書と住民票の写しで本人確認。"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var record = await client.FollowRedirectAsync(found);
        Assert.Equal("2", record.Find("[data-found]")!.GetAttribute("data-found"));

        using var download = await client.Http.GetAsync(record.Find("[data-package]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var zipBytes = await download.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);

        using var json = JsonDocument.Parse(Read(zip, DisclosurePackage.JsonName));
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal([own.Number, filed.Number], cases.Select(c => c.GetProperty("number").GetString()));
        Assert.Equal("InPerson", cases[1].GetProperty("consents")[0].GetProperty("handlingMethod").GetString());
        Assert.Equal(center.Name, cases[1].GetProperty("filedByCenter").GetString());
        var provision = Assert.Single(cases[0].GetProperty("provisions").EnumerateArray());
        Assert.Equal(("CBBB", "US"), (provision.GetProperty("agencyCode").GetString(), provision.GetProperty("country").GetString()));
        Assert.Contains("Name", provision.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains(cases[0].GetProperty("emailsSent").EnumerateArray(), e => e.GetProperty("to").EnumerateArray().Any(a => a.GetString() == ForwardingFixture.CbbbAddress));
        Assert.NotEmpty(cases[0].GetProperty("consents").EnumerateArray());

        var path = Assert.Single(cases[0].GetProperty("files").EnumerateArray()).GetProperty("path").GetString()!;
        Assert.Equal(photo, ReadBytes(zip, path));
        Assert.Empty(cases[1].GetProperty("files").EnumerateArray());

        var html = Read(zip, DisclosurePackage.HtmlName);
        Assert.Contains("lang=\"ja\"", html, StringComparison.Ordinal);
        Assert.Contains("保有個人データ開示書", html, StringComparison.Ordinal);
        Assert.Contains("山田 太郎", html, StringComparison.Ordinal);

        // Nothing of the person with the similar name, anywhere in the package.
        var everything = string.Join("\n", zip.Entries.Where(e => !e.FullName.StartsWith("files/", StringComparison.Ordinal)).Select(e => Read(zip, e.FullName)));
        foreach (var other in new[] { "山田 太朗", "tarou@example.jp", "080-9999-0000", similar.Number })
        {
            Assert.DoesNotContain(other, everything, StringComparison.Ordinal);
        }

        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("""
            SELECT count(*) FROM privacy_requests WHERE kind = 'Disclosure' AND state = 'Done' AND requested_by = '相談者本人（郵送）'
            AND answered_by_id IS NOT NULL AND cardinality(disclosed_case_ids) = 2 AND subject LIKE '%山田太郎%'
            """));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'PersonalDataDisclosed'"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'PrivacyRequestAnswered'"));

        // The email address alone, in another case: only the case filed online has it.
        using var byEmail = await client.SubmitAsync(await client.GetOkAsync(Page), "form[action$='/disclosures']",
            [new("Disclosure.Email", " TARO.YAMADA@example.JP "), new("Disclosure.RequestedBy", "本人"), new("Disclosure.Reason", "登録アドレスから")]);
        Assert.Equal("1", (await client.FollowRedirectAsync(byEmail)).Find("[data-found]")!.GetAttribute("data-found"));
    }

    [Theory]
    [InlineData("090-1234-5678")]
    [InlineData("０９０－１２３４－５６７８")]
    [InlineData("+81 90 1234 5678")]
    [InlineData("0081-90-1234-5678")]
    [InlineData("(090) 1234 5678")]
    [InlineData("03-1234-5678")]
    public async Task TheDatabaseReadsAPhoneNumberAsTheCodeDoes(string phone) =>
        Assert.Equal(PersonKeys.Phone(phone), await portal.Database.ScalarAsync<string>($"SELECT {PersonKeys.PhoneSql("@p")}", ("p", phone)));

    private static string Read(ZipArchive zip, string name) => Encoding.UTF8.GetString(ReadBytes(zip, name));

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
