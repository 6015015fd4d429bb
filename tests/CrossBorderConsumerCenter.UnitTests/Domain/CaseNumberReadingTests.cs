using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>
/// A case number as people type it (<see cref="CaseNumber.TryRead"/>): the one reading behind the staff queue's search
/// and the consumer's "I lost my link" form, so that both accept exactly the same forms.
/// </summary>
public class CaseNumberReadingTests
{
    public static TheoryData<string> FormsOfCase2026Number123 => new()
    {
        // As printed, and in lower or mixed case.
        "CCJ-2026-000123",
        "ccj-2026-000123",
        "Ccj-2026-000123",
        // Without the prefix.
        "2026-000123",
        // Surrounding spaces, tabs, ideographic spaces, line ends (copied from an email).
        "  CCJ-2026-000123  ",
        "\tCCJ-2026-000123\r\n",
        "\u3000CCJ-2026-000123\u3000",
        " 2026-000123 ",
        // Spaces around the dashes, and zero-width characters that copying brings along.
        "CCJ - 2026 - 000123",
        "CCJ-2026-\u200B000123",
        "\uFEFFCCJ-2026-000123",
        // Full-width letters, digits and hyphens (a Japanese keyboard's input mode).
        "ＣＣＪ－２０２６－０００１２３",
        "ｃｃｊ－２０２６－０００１２３",
        "２０２６－０００１２３",
        "CCJ-２０２６-000123",
        // Other dashes people type or paste: katakana prolonged sound mark, its half-width form, minus, hyphen, en and em dash, bar.
        "CCJ\u30FC2026\u30FC000123",
        "CCJ\uFF702026\uFF70000123",
        "CCJ\u22122026\u2212000123",
        "CCJ\u20102026\u2010000123",
        "CCJ\u20112026\u2011000123",
        "CCJ\u20122026\u2012000123",
        "CCJ\u20132026\u2013000123",
        "CCJ\u20142026\u2014000123",
        "CCJ\u20152026\u2015000123",
        "CCJ\uFE632026\uFE63000123",
        "2026ー000123",
        // Leading zeros left out, or one too many: with the prefix the text can only be a case number.
        "CCJ-2026-123",
        "ccj-2026-00123",
        "CCJ-2026-0000123",
        "ＣＣＪ－２０２６－１２３",
    };

    [Theory]
    [MemberData(nameof(FormsOfCase2026Number123))]
    public void EachFormReadsAsTheSameCase(string typed)
    {
        Assert.True(CaseNumber.TryRead(typed, out var number), typed);
        Assert.Equal(new CaseNumber(2026, 123), number);
        Assert.Equal("CCJ-2026-000123", number.ToString());
    }

    [Theory]
    [InlineData("CCJ-2027-1000000", 2027, 1_000_000)]
    [InlineData("2027-1000000", 2027, 1_000_000)]
    [InlineData("CCJ-2026-000001", 2026, 1)]
    [InlineData("CCJ-2026-1", 2026, 1)]
    [InlineData("2026-000001", 2026, 1)]
    [InlineData("2000-000001", 2000, 1)]
    [InlineData("CCJ-2026-999999", 2026, 999_999)]
    public void TheSequenceIsReadWhateverItsWidth(string typed, int year, int sequence)
    {
        Assert.True(CaseNumber.TryRead(typed, out var number), typed);
        Assert.Equal(new CaseNumber(year, sequence), number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    // Without the prefix the sequence needs its six digits: "2026-123" may as well be an order number in the staff search.
    [InlineData("2026-123")]
    [InlineData("2026-00123")]
    [InlineData("２０２６－１２３")]
    // Not a number of ours.
    [InlineData("CCJ")]
    [InlineData("CCJ-2026")]
    [InlineData("CCJ-2026-")]
    [InlineData("CCJ--000123")]
    [InlineData("-2026-000123")]
    [InlineData("ABC-2026-000123")]
    [InlineData("CC-2026-000123")]
    [InlineData("CCJ-26-000123")]
    [InlineData("CCJ-02026-000123")]
    [InlineData("CCJ-1999-000001")]
    [InlineData("CCJ-2026-000000")]
    [InlineData("CCJ-2026-0")]
    [InlineData("CCJ-2026-00012a")]
    [InlineData("CCJ-2026-000123-1")]
    [InlineData("CCJ2026000123")]
    [InlineData("CCJ-2026000123")]
    [InlineData("2026000123")]
    [InlineData("000123")]
    [InlineData("CCJ-2026-+00123")]
    [InlineData("CCJ-2026-99999999999")]
    [InlineData("CCJ_2026_000123")]
    [InlineData("CCJ.2026.000123")]
    [InlineData("CCJ/2026/000123")]
    [InlineData("CCJ 2026 000123")]
    [InlineData("受付番号 CCJ-2026-000123")]
    [InlineData("CCJ-2026-000123 山田")]
    // Digits of other scripts are not ours.
    [InlineData("CCJ-٢٠٢٦-000123")]
    public void AnythingElseIsNotACaseNumber(string? typed) => Assert.False(CaseNumber.TryRead(typed, out _), typed);

    [Theory]
    [MemberData(nameof(FormsOfCase2026Number123))]
    public void TheQueueSearchFindsEachFormAsThatCase(string typed)
    {
        var search = CaseSearchText.Parse(typed);
        Assert.Equal(CaseSearchKind.CaseNumber, search.Kind);
        Assert.Equal("CCJ-2026-000123", search.CaseNumber);
    }

    [Theory]
    [InlineData("2026-123")]
    [InlineData("CCJ 2026 000123")]
    [InlineData("受付番号 CCJ-2026-000123")]
    public void TheQueueSearchLooksForWordsWhereTheTextIsNotACaseNumber(string typed)
    {
        var search = CaseSearchText.Parse(typed);
        Assert.Equal(CaseSearchKind.Words, search.Kind);
        Assert.Null(search.CaseNumber);
    }

    [Fact]
    public void WhatTheStrictParserAcceptsIsReadTheSame()
    {
        foreach (var text in new[] { "CCJ-2026-000123", "ccj-2026-000123", " CCJ-2026-1000000 " })
        {
            Assert.True(CaseNumber.TryParse(text, out var strict));
            Assert.True(CaseNumber.TryRead(text, out var read));
            Assert.Equal(strict, read);
        }
    }
}
