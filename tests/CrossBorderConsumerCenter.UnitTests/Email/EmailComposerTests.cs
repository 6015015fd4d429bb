using System.Globalization;
using CrossBorderConsumerCenter.Web;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.UnitTests.Email;

public class EmailComposerTests
{
    private sealed record Greeting(string CaseNumber, string Name) : IEmailTemplate
    {
        string IEmailTemplate.Name => "Greeting";
        public Type ResourceType => typeof(Greeting);
        public IReadOnlyDictionary<string, string> Values => new Dictionary<string, string> { ["CaseNumber"] = CaseNumber, ["Name"] = Name };
    }

    /// <summary>Texts per culture, as the .resx files would give them.</summary>
    private sealed class Texts : IStringLocalizerFactory, IStringLocalizer
    {
        private static readonly Dictionary<string, Dictionary<string, string>> ByCulture = new()
        {
            ["ja"] = new()
            {
                ["Greeting_Subject"] = "【{CaseNumber}】受付のお知らせ",
                ["Greeting_Body"] = "{Name} 様\n\nご相談を受け付けました。\n詳細: https://ccj.example/track?x=1&y=2",
                ["Email_Signature"] = "越境消費者センター",
            },
            ["en"] = new()
            {
                ["Greeting_Subject"] = "[{CaseNumber}] We received your case",
                ["Greeting_Body"] = "Dear {Name},\n\nWe received your case.",
                ["Email_Signature"] = "Cross-Border Consumer Center Japan",
            },
        };

        public IStringLocalizer Create(Type resourceSource) => this;
        public IStringLocalizer Create(string baseName, string location) => this;
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

        public LocalizedString this[string name] =>
            ByCulture[CultureInfo.CurrentUICulture.Name].TryGetValue(name, out var value)
                ? new LocalizedString(name, value)
                : new LocalizedString(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];
    }

    private static readonly EmailComposer Composer = new(new Texts());

    [Fact]
    public void FillsTheTemplateInJapanese()
    {
        var email = Composer.Compose(new Greeting("CCJ-2026-000001", "山田 太郎"), "ja");
        Assert.Equal("【CCJ-2026-000001】受付のお知らせ", email.Subject);
        Assert.StartsWith("山田 太郎 様\n\nご相談を受け付けました。", email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("\n\n越境消費者センター", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void FillsTheTemplateInEnglish()
    {
        var email = Composer.Compose(new Greeting("CCJ-2026-000001", "Jane Doe"), "en");
        Assert.Equal("[CCJ-2026-000001] We received your case", email.Subject);
        Assert.StartsWith("Dear Jane Doe,", email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("Cross-Border Consumer Center Japan", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesTheCurrentCultureAsItWas()
    {
        var before = CultureInfo.CurrentUICulture;
        Composer.Compose(new Greeting("X", "Y"), "en");
        Assert.Equal(before, CultureInfo.CurrentUICulture);
    }

    [Fact]
    public void EncodesValuesInTheHtmlPartAndKeepsThemVerbatimInTheText()
    {
        var email = Composer.Compose(new Greeting("CCJ-1", "<script>alert(1)</script> & Co"), "ja");
        Assert.Contains("<script>alert(1)</script> & Co 様", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co 様", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TurnsParagraphsLinesAndLinksIntoHtml()
    {
        var email = Composer.Compose(new Greeting("CCJ-1", "A"), "ja");
        Assert.Contains("<p>A 様</p>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>ご相談を受け付けました。<br>詳細: <a href=\"https://ccj.example/track?x=1&amp;y=2\">https://ccj.example/track?x=1&amp;y=2</a></p>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaceholderWithoutAValueIsAnError() =>
        Assert.Throws<InvalidOperationException>(() => EmailComposer.Fill("Hello {Missing}", new Dictionary<string, string>()));

    [Fact]
    public void AValueThatLooksLikeAPlaceholderIsNotExpandedAgain() =>
        Assert.Equal("Hello {Name}!", EmailComposer.Fill("Hello {A}!", new Dictionary<string, string> { ["A"] = "{Name}", ["Name"] = "x" }));

    [Fact]
    public void AMissingResourceNamesTheTemplateAndLanguage()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Composer.Compose(new Unknown(), "en"));
        Assert.Contains("Unknown", ex.Message, StringComparison.Ordinal);
        Assert.Contains("en", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWrittenByAPersonGetsTheSignatureAndAOneLineSubject()
    {
        var email = Composer.FromText("Line one\r\nline two", "Body\r\n", "en");
        Assert.Equal("Line one line two", email.Subject);
        Assert.Equal("Body\n\nCross-Border Consumer Center Japan", email.TextBody);
    }

    [Fact]
    public void TheRealSignatureExistsInBothLanguages()
    {
        var resources = new System.Resources.ResourceManager("CrossBorderConsumerCenter.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        Assert.Contains("越境消費者センター", resources.GetString("Email_Signature", CultureInfo.GetCultureInfo("ja")), StringComparison.Ordinal);
        Assert.Contains("Cross-Border Consumer Center Japan", resources.GetString("Email_Signature", CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
    }

    private sealed class Unknown : IEmailTemplate
    {
        public string Name => "Unknown";
        public Type ResourceType => typeof(Unknown);
        public IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>();
    }
}
