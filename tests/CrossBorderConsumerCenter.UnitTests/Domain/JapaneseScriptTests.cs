using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>What a text for a partner agency abroad may not contain: hiragana, katakana, kanji, Japanese punctuation and full-width forms.</summary>
public class JapaneseScriptTests
{
    [Theory]
    [InlineData("ランニングシューズ", "ラ")]
    [InlineData("Running shoes (ランニング)", "ラ")]
    [InlineData("shoes ｼｭｰｽﾞ", "ｼ")]
    [InlineData("Yamada 太郎", "太")]
    [InlineData("The parcel never came。", "。")]
    [InlineData("Order 「A-1001」", "「")]
    [InlineData("Amount １２９ USD", "１")]
    [InlineData("ＡＢＣ Inc.", "Ａ")]
    [InlineData("Price ￥12,000", "￥")]
    [InlineData("Example\u3000Inc.", "\u3000")]
    [InlineData("㈱ Example", "㈱")]
    [InlineData("5 ㌔", "㌔")]
    [InlineData("he said ゝ", "ゝ")]
    [InlineData("long ー mark", "ー")]
    [InlineData("dot ・ here", "・")]
    [InlineData("rare 𠮷野家", "𠮷")]
    [InlineData("ext A 㐂", "㐂")]
    [InlineData("compat 﨑", "﨑")]
    [InlineData("small ㇰ", "ㇰ")]
    [InlineData("vertical ︰", "︰")]
    [InlineData("あ", "あ")]
    public void FindsTheFirstJapaneseCharacter(string text, string first)
    {
        Assert.True(JapaneseScript.Contains(text));
        Assert.Equal(first, JapaneseScript.First(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Running shoes, size 27 cm (US 9)")]
    [InlineData("YAMADA Taro")]
    [InlineData("The consumer paid USD 129.99 on 2026-11-02 — and got nothing.")]
    [InlineData("Café Zürich – naïve “quotes” ‘single’ … €5 £3 ¥1,000")]
    [InlineData("Kraków, Ελλάδα, Москва, 서울")]
    [InlineData("――――――――")]
    [InlineData("Line one\r\nLine two\ttabbed")]
    [InlineData("https://example.com/shop?item=42&lang=en")]
    public void FindsNothingInTextWithoutJapaneseScript(string? text)
    {
        Assert.False(JapaneseScript.Contains(text));
        Assert.Null(JapaneseScript.First(text));
    }
}
