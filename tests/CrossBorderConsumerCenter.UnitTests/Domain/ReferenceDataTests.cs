using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

public class ReferenceDataTests
{
    [Fact]
    public void TheCountryListIsTheFullIso3166List()
    {
        Assert.Equal(249, Countries.All.Count);
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Code).Distinct().Count());
        Assert.All(Countries.All, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.EnglishName), c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.JapaneseName), c.Code);
            Assert.NotEqual(c.Code, c.JapaneseName);
        });
    }

    [Theory]
    [InlineData("TW", "台湾", "Taiwan")]
    [InlineData("US", "アメリカ合衆国", "United States")]
    [InlineData("KR", "韓国", "South Korea")]
    [InlineData("CN", "中国", "China")]
    [InlineData("HK", "香港", "Hong Kong")]
    [InlineData("SG", "シンガポール", "Singapore")]
    [InlineData("GB", "イギリス", "United Kingdom")]
    [InlineData("JP", "日本", "Japan")]
    public void CountriesAreNamedAsPeopleHereNameThem(string code, string japanese, string english)
    {
        var country = Countries.Find(code)!;
        Assert.Equal(japanese, country.NameIn("ja"));
        Assert.Equal(english, country.NameIn("en"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XX")]
    [InlineData("us")]
    [InlineData("USA")]
    public void AnUnknownCountryCodeFindsNothing(string? code) => Assert.Null(Countries.Find(code));

    [Fact]
    public void TheCommonCountriesComeFirstAndTheOthersFollowSortedByName()
    {
        Assert.All(Countries.CommonCodes, code => Assert.NotNull(Countries.Find(code)));
        var others = Countries.OthersSortedIn("en");
        Assert.Equal(Countries.All.Count - Countries.CommonCodes.Count, others.Count);
        Assert.DoesNotContain(others, c => Countries.CommonCodes.Contains(c.Code));
        Assert.Equal(others.Select(c => c.EnglishName).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en"), true)), others.Select(c => c.EnglishName));

        // Japanese collation: katakana names in gojūon order (アイスランド before ロシア).
        var japanese = Countries.OthersSortedIn("ja").Select(c => c.JapaneseName).ToList();
        Assert.True(japanese.IndexOf("アイスランド") < japanese.IndexOf("ロシア"));
    }

    [Fact]
    public void TheCurrencyListHasTheCommonOnesFirstAndNoFundsOrMetals()
    {
        Assert.Equal(["JPY", "USD", "EUR", "GBP", "CNY", "KRW", "TWD", "HKD", "SGD", "AUD", "CAD"], Currencies.CommonCodes);
        Assert.All(Currencies.CommonCodes, code => Assert.NotNull(Currencies.Find(code)));
        Assert.True(Currencies.All.Count > 150);
        Assert.All(["XAU", "XTS", "XXX", "XDR", "USN", "CHE"], code => Assert.Null(Currencies.Find(code)));
        Assert.Equal("日本円", Currencies.Find("JPY")!.NameIn("ja"));
        Assert.Equal("New Taiwan Dollar", Currencies.Find("TWD")!.NameIn("en"));
        Assert.Equal(Currencies.All.Count - Currencies.CommonCodes.Count, Currencies.OthersSortedIn("ja").Count);
        Assert.All(Currencies.All, c => Assert.Matches("^[A-Z]{3}$", c.Code));
    }

    [Fact]
    public void ThereAreFortySevenPrefecturesFromHokkaidoToOkinawa()
    {
        Assert.Equal(47, Prefectures.All.Count);
        Assert.Equal(Enumerable.Range(1, 47).Select(n => $"JP-{n:D2}"), Prefectures.All.Select(p => p.Code));
        Assert.Equal("北海道", Prefectures.All[0].NameIn("ja"));
        Assert.Equal("Tokyo", Prefectures.Find("JP-13")!.NameIn("en"));
        Assert.Equal("沖縄県", Prefectures.Find("JP-47")!.NameIn("ja"));
        Assert.Null(Prefectures.Find("JP-48"));
        Assert.Null(Prefectures.Find("13"));
    }
}
