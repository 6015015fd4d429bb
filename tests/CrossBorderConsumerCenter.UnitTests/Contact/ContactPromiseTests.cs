using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrossBorderConsumerCenter.Web.Features.Pages;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.UnitTests.Contact;

/// <summary>
/// No text tells people to write, fax, call or contact the center without giving the way to do it from the settings
/// (<c>{center.email}</c>, <c>{center.fax}</c>, <c>{center.phone}</c>, or a link to the contact page), so that no page
/// or email sends a consumer looking for an address. Every resource (Japanese and English) and every paragraph of the
/// markdown pages is read; texts for staff that speak of other centers are named below with their reason.
/// </summary>
public partial class ContactPromiseTests
{
    /// <summary>Texts that match a pattern but promise nothing about reaching this center, each with its reason.</summary>
    private static readonly Dictionary<string, string> NotAPromise = new()
    {
        ["Features/CasePage/CasePageText:NotifyConsumer_NoRecipient"] = "staff are told to phone the resident's consumer center, whose number is on the case page",
        ["Features/CasePage/CasePageText:RequestInformation_NoRecipient"] = "staff are told to phone the resident's consumer center, whose number is on the case page",
    };

    [Fact]
    public void EveryResourceAndMarkdownPageIsRead()
    {
        var texts = AllTexts().ToList();
        Assert.Contains(texts, t => t.Where.StartsWith("SharedResource.en:", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Where.StartsWith("Features/Tracking/TrackingText:", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Where.StartsWith("Content/ja/faq.md", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Where.StartsWith("Content/en/privacy.md", StringComparison.Ordinal));
        Assert.True(texts.Count > 1000, $"only {texts.Count} texts were read");
    }

    [Fact]
    public void NoTextPromisesContactWithoutTheCentersDetails()
    {
        var broken = AllTexts()
            .Where(t => !NotAPromise.ContainsKey(t.Where.Replace(".en:", ":", StringComparison.Ordinal)))
            .SelectMany(t => UnkeptPromises(t.Text).Select(p => $"{t.Where}: {p}"))
            .ToList();
        Assert.True(broken.Count == 0, "Texts that tell people to reach the center without saying how:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void TheExemptionsStillExistAndStillMatch()
    {
        var texts = AllTexts().ToDictionary(t => t.Where, t => t.Text);
        foreach (var key in NotAPromise.Keys)
        {
            var english = key.Replace(":", ".en:", StringComparison.Ordinal);
            Assert.True(texts.ContainsKey(key) && texts.ContainsKey(english), $"{key} no longer exists: remove its exemption.");
            Assert.True(UnkeptPromises(texts[key]).Any() || UnkeptPromises(texts[english]).Any(), $"{key} no longer needs its exemption: remove it.");
        }
    }

    [Theory]
    [InlineData("問題が続く場合は、下の参照番号を添えてメールでお知らせください。", "email")]
    [InlineData("If the problem continues, email us and quote the reference below.", "email")]
    [InlineData("インターネットを利用できない方は、FAXでご相談ください。", "fax")]
    [InlineData("If you cannot use the internet, send us a fax and we will call you back.", "fax")]
    [InlineData("ご不明な点は、受付番号を添えてセンターにお問い合わせください。", "contact")]
    [InlineData("If anything is unclear, contact the center, quoting your case number.", "contact")]
    [InlineData("ご質問はお電話でお問い合わせください。", "phone")]
    [InlineData("For questions, call us on weekdays.", "phone")]
    public void APromiseWithoutTheDetailsIsFound(string text, string kind) =>
        Assert.Contains(UnkeptPromises(text), p => p.StartsWith(kind, StringComparison.Ordinal));

    [Theory]
    [InlineData("問題が続く場合は、下の参照番号を添えて {center.email} までメールでお知らせください。")]
    [InlineData("If the problem continues, email us at {center.email} and quote the reference below.")]
    [InlineData("[FAX用の相談用紙](/fax-form)に記入して、FAX {center.fax} にお送りください。")]
    [InlineData("If anything is unclear, contact the center ({center.email}), quoting your case number.")]
    [InlineData("For questions about this service, call {center.phone}.")]
    [InlineData("Staff read the fax on business days.")]
    public void APromiseWithTheDetailsIsKept(string text) => Assert.Empty(UnkeptPromises(text));

    [Fact]
    public void EveryPlaceholderInTheTextsIsASetting()
    {
        var center = new CenterContactOptions();
        foreach (var (where, text) in AllTexts())
        {
            var culture = CultureInfo.GetCultureInfo(where.Contains(".en:", StringComparison.Ordinal) || where.StartsWith("Content/en", StringComparison.Ordinal) ? "en" : "ja");
            var filled = center.FillPlaceholders(text, culture);
            Assert.False(filled.Contains("{center", StringComparison.Ordinal), $"{where} keeps a placeholder after filling.");
        }
    }

    /// <summary>What a text promises without the detail it needs: "email", "fax", "phone" or "contact", with the words found.</summary>
    public static IEnumerable<string> UnkeptPromises(string text)
    {
        var hasEmail = text.Contains("{center.email}", StringComparison.Ordinal);
        var hasPhone = text.Contains("{center.phone}", StringComparison.Ordinal);
        var hasFax = text.Contains("{center.fax}", StringComparison.Ordinal) || text.Contains("/fax-form", StringComparison.Ordinal);
        var hasContactPage = text.Contains("/contact", StringComparison.Ordinal);
        foreach (var (kind, pattern, kept) in new[]
        {
            ("email", EmailPromise(), hasEmail),
            ("fax", FaxPromise(), hasFax),
            ("phone", PhonePromise(), hasPhone),
            ("contact", ContactPromise(), hasEmail || hasPhone || hasContactPage),
        })
        {
            if (!kept && pattern.Match(text) is { Success: true } match)
            {
                yield return $"{kind} (\"{match.Value}\")";
            }
        }
    }

    [GeneratedRegex(@"メールで(お知らせ|お送り|ご連絡|お問い合わせ|お問合せ|ご相談)(ください|いただ)|(センター|当センター)(に|へ|まで)メール|\b(e-?mail|write to) (us|the center)\b|\bsend us an e-?mail\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPromise();

    [GeneratedRegex(@"(FAX|ＦＡＸ|ファクス|ファックス)(で|にて)(ご相談|お送り|お申し込み|お申込み|送信|ご連絡|お問い合わせ)|\bfax (us|the center|it to us)\b|\bsend us a fax\b|\bby fax\b", RegexOptions.IgnoreCase)]
    private static partial Regex FaxPromise();

    [GeneratedRegex(@"お?電話(で|にて)(ご相談|お問い合わせ|ご連絡)|お電話ください|\b(call|phone|ring) (us|the center)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePromise();

    [GeneratedRegex(@"(センター|当センター)(に|へ|まで)(ご連絡|お問い合わせ|お問合せ|お申し出)|受付番号を添えて(ご連絡|お問い合わせ|お申し出)|\bcontact (us|the center)\b|\bget in touch\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContactPromise();

    /// <summary>Every resource value ("Features/Tracking/TrackingText.en:Track_Contact") and every paragraph of the markdown pages ("Content/ja/faq.md#12").</summary>
    private static IEnumerable<(string Where, string Text)> AllTexts()
    {
        var web = WebProjectFolder;
        var resources = Path.Combine(web, "Resources");
        foreach (var file in Directory.EnumerateFiles(resources, "*.resx", SearchOption.AllDirectories).Order())
        {
            var name = Path.GetRelativePath(resources, file).Replace('\\', '/')[..^".resx".Length];
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                yield return ($"{name}:{(string)data.Attribute("name")!}", (string?)data.Element("value") ?? "");
            }
        }

        foreach (var language in new[] { "ja", "en" })
        {
            foreach (var page in MarkdownPages.Names)
            {
                var paragraphs = Regex.Split(File.ReadAllText(MarkdownPages.PathOf(web, language, page)).Replace("\r\n", "\n", StringComparison.Ordinal), "\n{2,}");
                for (var i = 0; i < paragraphs.Length; i++)
                {
                    yield return ($"Content/{language}/{page}.md#{i + 1}", paragraphs[i]);
                }
            }
        }
    }

    private static string WebProjectFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "CrossBorderConsumerCenter.Web");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("src/CrossBorderConsumerCenter.Web not found above the test binaries.");
        }
    }
}
