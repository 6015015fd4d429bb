using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Cases;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>
/// The choices forms offer and the names they show, in the visitor's language: countries and currencies (the common
/// ones first, in an optgroup of their own, then the others in a second one), prefectures, and every member of a case's enums by its name in CaseLabels ("{Enum}_{Member}", with
/// "{Enum}_{Member}_Hint" when there is one). Stateless: one for the app.
/// </summary>
public sealed class ChoiceLists(IStringLocalizer<CaseLabels> labels, IStringLocalizer<FormText> text)
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
        .. Domain.Reference.Currencies.Others.Select(c => Currency(c, language, text["Options_AllCurrencies"])),
    ];

    public static IReadOnlyList<FieldOption> Prefectures(string language) =>
        [.. Domain.Reference.Prefectures.All.Select(p => new FieldOption(p.Code, p.NameIn(language)))];

    /// <summary>Every member of the enum, labelled by its name (with its hint when there is one).</summary>
    public IReadOnlyList<FieldOption> Of<T>() where T : struct, Enum => Of(Enum.GetValues<T>());

    /// <summary>These members of the enum, in this order (AgeBands.Offered: not the former "under 20").</summary>
    public IReadOnlyList<FieldOption> Of<T>(IEnumerable<T> values) where T : struct, Enum =>
        [.. values.Select(v => new FieldOption(v.ToString(), Label(v), Hint: labels[$"{typeof(T).Name}_{v}_Hint"] is { ResourceNotFound: false } hint ? hint.Value : null))];

    /// <summary>The name of one member, e.g. "届かない" for CaseCategory.NotDelivered.</summary>
    public string Label<T>(T value) where T : struct, Enum => labels[$"{typeof(T).Name}_{value}"];

    private static FieldOption Currency(Currency currency, string language, string group) => new(currency.Code, $"{currency.Code} — {currency.NameIn(language)}", group);
}
