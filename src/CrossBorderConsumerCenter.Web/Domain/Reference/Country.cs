using System.Collections.Frozen;
using System.Globalization;

namespace CrossBorderConsumerCenter.Web.Domain.Reference;

/// <summary>An ISO 3166-1 country or region, with its names in English and Japanese.</summary>
public sealed record Country(string Code, string EnglishName, string JapaneseName)
{
    public string NameIn(string language) => Languages.IsJapanese(language) ? JapaneseName : EnglishName;
}

/// <summary>
/// The full ISO 3166-1 list (249 entries, Taiwan as 台湾 / Taiwan). The table itself is generated
/// (Countries.g.cs); .NET's RegionInfo does not give Japanese names under ICU.
/// </summary>
public static partial class Countries
{
    public const string Japan = "JP";

    private static readonly Country[] Table = CreateTable();
    private static readonly FrozenDictionary<string, Country> ByCode = Table.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>Where most cross-border troubles come from: listed first in the form.</summary>
    public static readonly IReadOnlyList<string> CommonCodes = ["US", "CN", "HK", "TW", "KR", "SG", "GB", "CA", "AU", "FR", "DE", "IT"];

    // Sorted once per language: every form and the staff queue list them (docs/performance.md).
    private static readonly IReadOnlyList<Country> OthersInJapanese = SortOthers(Languages.Japanese);
    private static readonly IReadOnlyList<Country> OthersInEnglish = SortOthers(Languages.English);

    public static IReadOnlyList<Country> All => Table;

    /// <summary>The country with this exact (upper-case) alpha-2 code, or null.</summary>
    public static Country? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var country) ? country : null;

    /// <summary>Every country except the common ones, sorted by name in the language.</summary>
    public static IReadOnlyList<Country> OthersSortedIn(string language) => Languages.IsJapanese(language) ? OthersInJapanese : OthersInEnglish;

    private static Country[] SortOthers(string language) =>
        [.. Table.Where(c => !CommonCodes.Contains(c.Code)).OrderBy(c => c.NameIn(language), Languages.Comparer(language))];
}

/// <summary>An ISO 4217 currency a consumer may have paid in.</summary>
public sealed record Currency(string Code, string EnglishName, string JapaneseName)
{
    public string NameIn(string language) => Languages.IsJapanese(language) ? JapaneseName : EnglishName;
}

/// <summary>ISO 4217 currencies (funds, metals and testing codes left out); the table is generated (Currencies.g.cs).</summary>
public static partial class Currencies
{
    private static readonly Currency[] Table = CreateTable();
    private static readonly FrozenDictionary<string, Currency> ByCode = Table.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>Listed first in the form.</summary>
    public static readonly IReadOnlyList<string> CommonCodes = ["JPY", "USD", "EUR", "GBP", "CNY", "KRW", "TWD", "HKD", "SGD", "AUD", "CAD"];

    private static readonly IReadOnlyList<Currency> OthersInJapanese = SortOthers(Languages.Japanese);
    private static readonly IReadOnlyList<Currency> OthersInEnglish = SortOthers(Languages.English);

    public static IReadOnlyList<Currency> All => Table;

    public static Currency? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var currency) ? currency : null;

    public static IReadOnlyList<Currency> OthersSortedIn(string language) => Languages.IsJapanese(language) ? OthersInJapanese : OthersInEnglish;

    private static Currency[] SortOthers(string language) =>
        [.. Table.Where(c => !CommonCodes.Contains(c.Code)).OrderBy(c => c.NameIn(language), Languages.Comparer(language))];
}

/// <summary>The two languages names are kept in.</summary>
public static class Languages
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static bool IsJapanese(string language) => string.Equals(language, Japanese, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sorts names as a reader of the language expects (Japanese collation puts kana in gojūon order).</summary>
    public static StringComparer Comparer(string language) =>
        StringComparer.Create(CultureInfo.GetCultureInfo(IsJapanese(language) ? Japanese : English), ignoreCase: true);
}
