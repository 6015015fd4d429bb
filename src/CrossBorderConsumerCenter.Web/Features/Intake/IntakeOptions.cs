using CrossBorderConsumerCenter.Web.Domain.Reference;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>The choices the form offers, in the visitor's language.</summary>
public sealed class IntakeOptions(IStringLocalizer<IntakeText> text)
{
    /// <summary>The common countries first, then all others sorted by name.</summary>
    public IReadOnlyList<FieldOption> Countries(string language) =>
    [
        .. Domain.Reference.Countries.CommonCodes.Select(code => new FieldOption(code, Domain.Reference.Countries.Find(code)!.NameIn(language), text["Options_CommonCountries"])),
        .. Domain.Reference.Countries.OthersSortedIn(language).Select(c => new FieldOption(c.Code, c.NameIn(language), text["Options_AllCountries"])),
    ];

    public IReadOnlyList<FieldOption> Currencies(string language) =>
    [
        .. Domain.Reference.Currencies.CommonCodes.Select(code => Currency(Domain.Reference.Currencies.Find(code)!, language, text["Options_CommonCurrencies"])),
        .. Domain.Reference.Currencies.OthersSortedIn(language).Select(c => Currency(c, language, text["Options_AllCurrencies"])),
    ];

    public static IReadOnlyList<FieldOption> Prefectures(string language) =>
        [.. Domain.Reference.Prefectures.All.Select(p => new FieldOption(p.Code, p.NameIn(language)))];

    /// <summary>Every member of the enum, labelled by the resource "{Enum}_{Member}" (with "{Enum}_{Member}_Hint" when there is one).</summary>
    public IReadOnlyList<FieldOption> Of<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new FieldOption(v.ToString(), Label(v), Hint: text[$"{typeof(T).Name}_{v}_Hint"] is { ResourceNotFound: false } hint ? hint.Value : null))];

    public string Label<T>(T value) where T : struct, Enum => text[$"{typeof(T).Name}_{value}"];

    private static FieldOption Currency(Currency currency, string language, string group) => new(currency.Code, $"{currency.Code} — {currency.NameIn(language)}", group);
}
