using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>The ward's rules: addresses with '.', '-' or '_' at the start or before '@', or with "..", cannot be replied to.</summary>
public class EmailAddressesTests
{
    [Theory]
    [InlineData("taro@example.jp")]
    [InlineData("taro.yamada@example.co.jp")]
    [InlineData("taro_yamada@docomo.ne.jp")]
    [InlineData("taro-yamada@ezweb.ne.jp")]
    [InlineData("t.a.r.o@softbank.ne.jp")]
    [InlineData("taro+ccj@gmail.com")]
    [InlineData("TARO@EXAMPLE.JP")]
    [InlineData("a@b.co")]
    [InlineData("1234567890@i.softbank.jp")]
    [InlineData("o'brien@example.ie")]
    [InlineData("taro@sub.domain-with-hyphen.example")]
    [InlineData("taro@日本語ドメイン.jp")]
    [InlineData("a_b.c-d@x.jp")]
    public void AcceptsAddressesWeCanReplyTo(string address) =>
        Assert.Equal(EmailAddressProblem.None, EmailAddresses.Check(address));

    [Theory]
    [InlineData(".taro@docomo.ne.jp")]
    [InlineData("-taro@docomo.ne.jp")]
    [InlineData("_taro@docomo.ne.jp")]
    [InlineData("._taro@docomo.ne.jp")]
    [InlineData(".@docomo.ne.jp")]
    public void RefusesASymbolAtTheVeryStart(string address) =>
        Assert.Equal(EmailAddressProblem.SymbolAtStart, EmailAddresses.Check(address));

    [Theory]
    [InlineData("taro.@docomo.ne.jp")]
    [InlineData("taro-@ezweb.ne.jp")]
    [InlineData("taro_@softbank.ne.jp")]
    [InlineData("t.a.r.o.@docomo.ne.jp")]
    public void RefusesASymbolJustBeforeTheAt(string address) =>
        Assert.Equal(EmailAddressProblem.SymbolBeforeAt, EmailAddresses.Check(address));

    [Theory]
    [InlineData("taro..yamada@docomo.ne.jp")]
    [InlineData("taro...yamada@docomo.ne.jp")]
    [InlineData("t..a..r..o@ezweb.ne.jp")]
    [InlineData("taro@example..jp")]
    public void RefusesTwoOrMoreDotsInARow(string address) =>
        Assert.Equal(EmailAddressProblem.ConsecutiveDots, EmailAddresses.Check(address));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("taro")]
    [InlineData("taro@")]
    [InlineData("@example.jp")]
    [InlineData("taro@example")]
    [InlineData("taro@@example.jp")]
    [InlineData("taro@exa@mple.jp")]
    [InlineData("taro yamada@example.jp")]
    [InlineData("taro@example .jp")]
    [InlineData("taro@.example.jp")]
    [InlineData("taro@example.jp.")]
    [InlineData("taro@-example.jp")]
    [InlineData("taro@example-.jp")]
    [InlineData("taro@example.123")]
    [InlineData("taro@exa_mple.jp")]
    [InlineData("\"taro\"@example.jp")]
    [InlineData("たろう @example.jp")]
    [InlineData("たろう\u200B@example.jp")]
    [InlineData("taro@example.jp<script>")]
    [InlineData("taro(comment)@example.jp")]
    public void RefusesWhatIsNotAnEmailAddress(string? address) =>
        Assert.Equal(EmailAddressProblem.Malformed, EmailAddresses.Check(address));

    [Theory]
    [InlineData("たろう@example.jp")]
    [InlineData("山田太郎@例え.jp")]
    [InlineData("jörg@example.de")]
    [InlineData("taro.山田@example.jp")]
    public void AnAddressWithLettersBeyondAsciiBeforeTheAtIsRepliedToOnlyWhereTheMailServerTakesIt(string address)
    {
        Assert.Equal(EmailAddressProblem.InternationalLocalPart, EmailAddresses.Check(address));
        Assert.Equal(EmailAddressProblem.None, EmailAddresses.Check(address, internationalAccepted: true));
    }

    [Fact]
    public void TheLocalPartsLimitIs64BytesInUtf8()
    {
        Assert.Equal(EmailAddressProblem.None, EmailAddresses.Check(new string('山', 21) + "@example.jp", internationalAccepted: true));
        Assert.Equal(EmailAddressProblem.Malformed, EmailAddresses.Check(new string('山', 22) + "@example.jp", internationalAccepted: true));
    }

    [Fact]
    public void RefusesAnAddressLongerThanMailAllows()
    {
        Assert.Equal(EmailAddressProblem.Malformed, EmailAddresses.Check(new string('a', 65) + "@example.jp"));
        Assert.Equal(EmailAddressProblem.None, EmailAddresses.Check(new string('a', 64) + "@example.jp"));
        var longDomain = string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".jp";
        Assert.Equal(EmailAddressProblem.Malformed, EmailAddresses.Check("taro@" + longDomain));
        Assert.Equal(EmailAddressProblem.Malformed, EmailAddresses.Check("taro@" + new string('d', 64) + ".jp"));
    }

    [Theory]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp")]
    [InlineData("  taro@example.jp  ", "taro@example.jp")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void NormalizationFoldsFullWidthCharactersAndTrims(string? input, string expected) =>
        Assert.Equal(expected, EmailAddresses.Normalize(input));
}
