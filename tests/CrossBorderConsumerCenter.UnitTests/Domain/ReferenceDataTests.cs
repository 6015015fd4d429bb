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
        // Yen first (card statements and many shops abroad show it), then where consumers here most often pay abroad.
        Assert.Equal(["JPY", "USD", "EUR", "CNY", "KRW", "TWD", "GBP", "HKD", "SGD", "AUD", "CAD", "THB"], Currencies.CommonCodes);
        Assert.All(Currencies.CommonCodes, code => Assert.NotNull(Currencies.Find(code)));
        Assert.True(Currencies.All.Count > 150);
        Assert.All(["XAU", "XTS", "XXX", "XDR", "USN", "CHE"], code => Assert.Null(Currencies.Find(code)));
        Assert.Equal("日本円", Currencies.Find("JPY")!.NameIn("ja"));
        Assert.Equal("New Taiwan Dollar", Currencies.Find("TWD")!.NameIn("en"));
        Assert.All(Currencies.All, c => Assert.Matches("^[A-Z]{3}$", c.Code));
    }

    [Fact]
    public void TheOtherCurrenciesFollowInTheOrderOfTheirCodesAsTheirOptionsBeginWithThem()
    {
        var others = Currencies.Others;
        Assert.Equal(Currencies.All.Count - Currencies.CommonCodes.Count, others.Count);
        Assert.DoesNotContain(others, c => Currencies.CommonCodes.Contains(c.Code));
        Assert.Equal(others.Select(c => c.Code).Order(StringComparer.Ordinal), others.Select(c => c.Code));
    }

    [Theory]
    [InlineData("CUC")]
    [InlineData("ZWL")]
    [InlineData("ANG")]
    [InlineData("BGN")]
    [InlineData("HRK")]
    [InlineData("SLL")]
    public void ACurrencyWithdrawnFromIso4217IsNotOfferedButAnOldCaseStillShowsItsName(string code)
    {
        Assert.Null(Currencies.Find(code));
        Assert.DoesNotContain(Currencies.All, c => c.Code == code);
        var withdrawn = Currencies.FindAny(code)!;
        Assert.True(withdrawn.Withdrawn);
        Assert.False(string.IsNullOrWhiteSpace(withdrawn.NameIn("ja")));
        Assert.False(string.IsNullOrWhiteSpace(withdrawn.NameIn("en")));
    }

    [Theory]
    [InlineData("XCG", "Caribbean Guilder")]
    [InlineData("ZWG", "Zimbabwe Gold")]
    [InlineData("SLE", "Sierra Leonean Leone")]
    public void TheCurrenciesThatReplacedThemAreOffered(string code, string english)
    {
        Assert.Equal(english, Currencies.Find(code)!.NameIn("en"));
        Assert.Same(Currencies.Find(code), Currencies.FindAny(code));
        Assert.False(Currencies.Find(code)!.Withdrawn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("usd")]
    [InlineData("XYZ")]
    public void AnUnknownCurrencyCodeFindsNothing(string? code)
    {
        Assert.Null(Currencies.Find(code));
        Assert.Null(Currencies.FindAny(code));
    }

    [Fact]
    public void NoCountryOrCurrencyIsNamedAfterAFormerName()
    {
        string[] former = ["Swaziland", "スワジランド", "Burma", "ビルマ", "Cape Verde", "Zaire", "Czech Republic", "Turkey", "Holland"];
        var names = Countries.All.SelectMany(c => new[] { c.EnglishName, c.JapaneseName })
            .Concat(Currencies.All.SelectMany(c => new[] { c.EnglishName, c.JapaneseName }));
        Assert.All(names, name => Assert.DoesNotContain(former, f => name.Contains(f, StringComparison.Ordinal)));
        Assert.Equal("Eswatini", Countries.Find("SZ")!.NameIn("en"));
        Assert.Equal("ミャンマー", Countries.Find("MM")!.NameIn("ja"));
        Assert.Equal("Myanmar", Countries.Find("MM")!.NameIn("en"));
        Assert.Equal("North Macedonia", Countries.Find("MK")!.NameIn("en"));
        Assert.Equal("Cabo Verde", Countries.Find("CV")!.NameIn("en"));
        Assert.Equal("North Macedonian Denar", Currencies.Find("MKD")!.NameIn("en"));
        Assert.Equal("北マケドニア デナル", Currencies.Find("MKD")!.NameIn("ja"));
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
