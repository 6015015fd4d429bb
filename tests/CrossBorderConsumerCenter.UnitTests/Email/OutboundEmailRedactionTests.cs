using CrossBorderConsumerCenter.Web.Data.Email;

namespace CrossBorderConsumerCenter.UnitTests.Email;

public class OutboundEmailRedactionTests
{
    [Fact]
    public void EveryOccurrenceOfEverySecretIsReplacedAndTheRestIsKept()
    {
        var body = "<a href=\"https://x.jp/track/AAA\">https://x.jp/track/AAA</a> and /partner/BBB";

        Assert.Equal(
            $"<a href=\"https://x.jp/track/{OutboundEmail.RedactedMark}\">https://x.jp/track/{OutboundEmail.RedactedMark}</a> and /partner/{OutboundEmail.RedactedMark}",
            OutboundEmail.Redacted(body, ["AAA", "BBB"]));
    }

    [Fact]
    public void WithoutSecretsOrWithAnEmptyOneTheBodyIsUnchanged()
    {
        Assert.Equal("本文 AAA", OutboundEmail.Redacted("本文 AAA", []));
        Assert.Equal("本文 AAA", OutboundEmail.Redacted("本文 AAA", [""]));
    }
}
