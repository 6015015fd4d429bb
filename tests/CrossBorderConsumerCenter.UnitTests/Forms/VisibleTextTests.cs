using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.UnitTests.Forms;

/// <summary>Text shown to staff isolated, with direction overrides and zero-width characters visible instead of acting.</summary>
public class VisibleTextTests
{
    [Theory]
    [InlineData("invoice\u202Egnp.exe", "<bdi>invoice<span class=\"hidden-char\" data-hidden-char=\"U+202E\">[U+202E]</span>gnp.exe</bdi>")]
    [InlineData("pay\u200Bpal", "<bdi>pay<span class=\"hidden-char\" data-hidden-char=\"U+200B\">[U+200B]</span>pal</bdi>")]
    [InlineData("届きません <b>", "<bdi>届きません &lt;b&gt;</bdi>")]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", "<bdi>&#x1F468;\u200D&#x1F469;\u200D&#x1F467;</bdi>")] // the joiner stays, no marker
    [InlineData(null, "<bdi></bdi>")]
    public void TextIsIsolatedAndItsHiddenCharactersShown(string? text, string expected)
    {
        using var writer = new StringWriter();
        VisibleText.Isolated(text).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);

        Assert.Equal(expected, writer.ToString());
    }
}
