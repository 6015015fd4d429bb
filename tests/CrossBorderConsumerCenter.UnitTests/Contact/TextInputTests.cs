using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.UnitTests.Contact;

/// <summary>Cutting text to a column's length and telling text that cannot be kept at all.</summary>
public class TextInputTests
{
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";

    [Theory]
    [InlineData(99, "\U0001F600", 100, 99)] // an emoji whose second half would be cut off goes whole
    [InlineData(98, "\U0001F600", 100, 100)] // one that fits stays
    [InlineData(95, Family, 100, 95)] // a family is one character: all of it or none
    [InlineData(99, "e\u0301", 100, 99)] // a letter keeps its accent
    [InlineData(10, "", 100, 10)] // short text is untouched
    public void ClipEndsAtTheEndOfAWholeCharacter(int letters, string tail, int limit, int expectedLength)
    {
        var clipped = TextInput.Clip(new string('a', letters) + tail, limit);

        Assert.Equal(expectedLength, clipped.Length);
        Assert.True(TextInput.IsWellFormed(clipped));
    }

    [Fact]
    public void ClipCutsBetweenCodePointsWhenOneCharacterIsLongerThanTheLimit()
    {
        var clipped = TextInput.Clip("a" + new string('\u0301', 10), 5);

        Assert.Equal(5, clipped.Length);
        Assert.Equal("", TextInput.Clip("\U0001F600", 1));
    }

    [Theory]
    [InlineData("ordinary text", true)]
    [InlineData("絵文字 \U0001F600 と " + Family, true)]
    [InlineData("tab\tand\r\nnew line", true)]
    [InlineData("nul\0inside", false)]
    [InlineData("noncharacter \uFFFE inside", false)]
    [InlineData("noncharacter \uFFFF inside", false)]
    [InlineData("replacement \uFFFD and BOM \uFEFF", true)]
    public void IsWellFormedRefusesNulAndNoncharacters(string text, bool expected) =>
        Assert.Equal(expected, TextInput.IsWellFormed(text));

    // Built here, not in attributes: the test runner's own serialization would replace a lone surrogate with U+FFFD.
    [Theory]
    [InlineData("lone high {0} here", 0xD83D)]
    [InlineData("lone low {0} here", 0xDE00)]
    [InlineData("ends with high {0}", 0xD83D)]
    [InlineData("{0} starts with low", 0xDE00)]
    public void IsWellFormedRefusesHalvesOfSurrogatePairs(string format, int half) =>
        Assert.False(TextInput.IsWellFormed(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, (char)half)));
}
