using System.Globalization;
using System.Text.Encodings.Web;
using CrossBorderConsumerCenter.Web;
using CrossBorderConsumerCenter.Web.Features.Pages;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.UnitTests.Contact;

/// <summary>The center's details reach the texts from the settings: resources through the localizer, the markdown pages before rendering.</summary>
public class CenterDetailsInTextsTests
{
    private static CenterContactOptions Center() => new()
    {
        Email = "desk@ccj-center.jp",
        Fax = "03-1111-2222",
        Phone = "03-3333-4444",
        PostalCode = "100-0001",
        Operator = new() { Ja = "運営会社", En = "Operator Ltd." },
        CommissionedBy = new() { Ja = "委託庁", En = "the Commissioning Agency" },
        Address = new() { Ja = "東京都千代田区1-1 *強調*", En = "1-1 Chiyoda_ku, Tokyo" },
    };

    [Theory]
    [InlineData("ja", "運営: 運営会社 / 委託庁 / desk@ccj-center.jp / 03-1111-2222")]
    [InlineData("en", "運営: Operator Ltd. / the Commissioning Agency / desk@ccj-center.jp / 03-1111-2222")]
    public void FillsEachPlaceholderInTheReadersLanguage(string language, string expected) =>
        Assert.Equal(expected, Center().FillPlaceholders("運営: {center.operator} / {center.commissionedBy} / {center.email} / {center.fax}", CultureInfo.GetCultureInfo(language)));

    [Theory]
    [InlineData("{center.mail}")]
    [InlineData("{center.}")]
    [InlineData("{center.Email}")]
    public void AnUnknownPlaceholderThrowsRatherThanShowingItself(string text)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Center().FillPlaceholders("x " + text, CultureInfo.GetCultureInfo("ja")));
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPlaceholderNameHasAValue() =>
        Assert.All(CenterContactOptions.PlaceholderNames, name => Assert.False(string.IsNullOrEmpty(Center().ValueOf(name, CultureInfo.InvariantCulture))));

    [Fact]
    public void ThePhoneLinkCarriesTheInternationalNumber() =>
        Assert.Equal("tel:+81-3-3333-4444", Center().PhoneUri);

    [Fact]
    public void TheLocalizerFillsTheSettingsBeforeFormatArguments()
    {
        var localizers = new CachingStringLocalizerFactory(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance),
            Options.Create(Center()));
        var shared = localizers.Create(typeof(SharedResource));
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("If the problem continues, email us at desk@ccj-center.jp and quote the reference below.", shared["Error_WhatNext"].Value);
            Assert.Equal("Run by Operator Ltd.", shared["Footer_Operator"].Value);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
            Assert.Equal("運営: 運営会社", shared["Footer_Operator"].Value);

            var decline = localizers.Create(typeof(CrossBorderConsumerCenter.Web.Features.Cases.DeclineNoticeText));
            Assert.Contains("ご連絡(desk@ccj-center.jp)の際は CCJ-2026-000007 をお使いください", decline["Explanation_Duplicate", "CCJ-2026-000007"].Value, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    [Fact]
    public void TheMarkdownPagesGetTheSettingsAsTextEvenWhereTheyLookLikeMarkdown()
    {
        var markdown = "# T\n\nEmail [{center.email}](mailto:{center.email}), call [{center.phone}]({center.phoneUri}), post {center.address}.\n";
        var japanese = MarkdownPages.Render(MarkdownPages.Fill(markdown, Center(), "ja")).Html;
        Assert.Contains("<a href=\"mailto:desk@ccj-center.jp\">desk@ccj-center.jp</a>", japanese, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tel:+81-3-3333-4444\">03-3333-4444</a>", japanese, StringComparison.Ordinal);
        Assert.Contains("東京都千代田区1-1 *強調*", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", japanese, StringComparison.Ordinal);

        var english = MarkdownPages.Render(MarkdownPages.Fill(markdown, Center(), "en")).Html;
        Assert.Contains("1-1 Chiyoda_ku, Tokyo", english, StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkdownPageWithAnUnknownPlaceholderDoesNotRender() =>
        Assert.Throws<InvalidOperationException>(() => MarkdownPages.Fill("# T\n\nFax {center.faxNumber}\n", Center(), "ja"));

    [Fact]
    public void TextsNamingTheEmailOrPhoneLinkThemAndLeaveTheFaxAsText()
    {
        using var writer = new StringWriter();
        ContactLinks.Html("Write to desk@ccj-center.jp <now>, call 03-3333-4444, fax 03-1111-2222.", Center()).WriteTo(writer, HtmlEncoder.Default);
        Assert.Equal(
            "Write to <a href=\"mailto:desk@ccj-center.jp\">desk@ccj-center.jp</a> &lt;now&gt;, call <a href=\"tel:+81-3-3333-4444\">03-3333-4444</a>, fax 03-1111-2222.",
            writer.ToString().Replace("&#x2B;", "+", StringComparison.Ordinal)); // the encoder may write + as an entity
    }
}
