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

/// <summary>
/// An ISO 4217 currency a consumer may have paid in, with its names in English and Japanese. <see cref="Withdrawn"/>: no
/// longer in ISO 4217's list of current currencies, kept only so that a case filed in it still shows its name.
/// </summary>
public sealed record Currency(string Code, string EnglishName, string JapaneseName, bool Withdrawn = false)
{
    public string NameIn(string language) => Languages.IsJapanese(language) ? JapaneseName : EnglishName;
}

/// <summary>
/// The ISO 4217 currencies the forms offer (funds, metals and testing codes left out), and those withdrawn since, which
/// old cases may carry; both tables are generated (Currencies.g.cs).
/// </summary>
public static partial class Currencies
{
    private static readonly Currency[] Table = CreateTable();
    private static readonly FrozenDictionary<string, Currency> ByCode = Table.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, Currency> WithdrawnByCode =
        CreateWithdrawnTable().ToFrozenDictionary(c => c.Code, c => c with { Withdrawn = true }, StringComparer.Ordinal);

    /// <summary>
    /// Listed first in the form: the yen (card statements and many shops abroad show the amount in yen), then the
    /// currencies consumers here most often pay in abroad: the United States, the euro area, China, Korea, Taiwan, the
    /// United Kingdom, Hong Kong, Singapore, Australia, Canada and Thailand.
    /// </summary>
    public static readonly IReadOnlyList<string> CommonCodes = ["JPY", "USD", "EUR", "CNY", "KRW", "TWD", "GBP", "HKD", "SGD", "AUD", "CAD", "THB"];

    /// <summary>
    /// Every offered currency except the common ones, in the order of their codes: an option reads "THB — タイ バーツ",
    /// so a list in code order reads sorted in both languages, and typing the code's letters on a closed select jumps to it.
    /// </summary>
    public static readonly IReadOnlyList<Currency> Others = [.. Table.Where(c => !CommonCodes.Contains(c.Code)).OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>The currencies the forms offer.</summary>
    public static IReadOnlyList<Currency> All => Table;

    /// <summary>The offered currency with this exact (upper-case) code, or null: what a form may accept.</summary>
    public static Currency? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var currency) ? currency : null;

    /// <summary>The currency with this code, offered or withdrawn since (<see cref="Currency.Withdrawn"/>), or null: what a stored case may show.</summary>
    public static Currency? FindAny(string? code) =>
        Find(code) ?? (code is not null && WithdrawnByCode.TryGetValue(code, out var withdrawn) ? withdrawn : null);
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
