using CrossBorderConsumerCenter.Web.Domain.Replies;

namespace CrossBorderConsumerCenter.UnitTests.Replies;

/// <summary>The placeholders of reply templates: which are known, which are refused, and how they are filled.</summary>
public class ReplyPlaceholdersTests
{
    private static readonly IReadOnlyDictionary<ReplyPlaceholder, string> Values = new Dictionary<ReplyPlaceholder, string>
    {
        [ReplyPlaceholder.CaseNumber] = "CCJ-2026-000123",
        [ReplyPlaceholder.ConsumerName] = "山田 太郎",
        [ReplyPlaceholder.Merchant] = "Example Shoes Inc.",
        [ReplyPlaceholder.Item] = "ランニングシューズ",
        [ReplyPlaceholder.Partner] = "CBBB",
        [ReplyPlaceholder.Deadline] = "2026年12月12日",
    };

    [Fact]
    public void NamesEveryPlaceholderOnceInSnakeCase()
    {
        Assert.Equal(Enum.GetValues<ReplyPlaceholder>().Length, ReplyPlaceholders.All.Count);
        Assert.Equal(
            ["case_number", "consumer_name", "merchant", "item", "partner", "deadline"],
            ReplyPlaceholders.All.Select(p => p.Name));
    }

    [Fact]
    public void FillsEveryKnownPlaceholder()
    {
        var text = "{consumer_name} 様 {case_number} {merchant} {item} {partner} {deadline}";

        Assert.Equal("山田 太郎 様 CCJ-2026-000123 Example Shoes Inc. ランニングシューズ CBBB 2026年12月12日", ReplyPlaceholders.Fill(text, Values));
    }

    [Fact]
    public void FillsAPlaceholderEveryTimeItAppears() =>
        Assert.Equal("CCJ-2026-000123 / CCJ-2026-000123", ReplyPlaceholders.Fill("{case_number} / {case_number}", Values));

    [Fact]
    public void LeavesTextWithoutPlaceholdersAsItIs() =>
        Assert.Equal("ご連絡ありがとうございます。\n{ と } だけの行", ReplyPlaceholders.Fill("ご連絡ありがとうございます。\n{ と } だけの行", Values));

    [Fact]
    public void FillsAPlaceholderWithoutAValueWithNothing() =>
        Assert.Equal("提携機関: 。", ReplyPlaceholders.Fill("提携機関: {partner}。", new Dictionary<ReplyPlaceholder, string>()));

    [Fact]
    public void DoesNotReadAFilledValueAsAPlaceholder() =>
        Assert.Equal("{deadline}", ReplyPlaceholders.Fill("{merchant}", new Dictionary<ReplyPlaceholder, string> { [ReplyPlaceholder.Merchant] = "{deadline}" }));

    [Theory]
    [InlineData("{case_number}{consumer_name}{merchant}{item}{partner}{deadline}")]
    [InlineData("波かっこのない文")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("{ case_number の前後に空白がない波かっこだけが差し込み")]
    public void FindsNothingUnknownInKnownPlaceholdersOrPlainText(string? text) => Assert.Empty(ReplyPlaceholders.Unknown(text));

    [Fact]
    public void NamesEachUnknownPlaceholderOnceInTheOrderWritten() =>
        Assert.Equal(
            ["{name}", "{Case_Number}", "{期限}", "{}", "{ case_number }"],
            ReplyPlaceholders.Unknown("{name} {case_number} {Case_Number} {name} {期限} {} { case_number }"));
}
