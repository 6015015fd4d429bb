using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Calendars;
using CrossBorderConsumerCenter.Web.Domain.Statistics;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>
/// One case in the de-identified export, for the national consumer information network and for research: coded values,
/// months instead of days, durations in business days. Never a name, email, phone, address line, free text, file, case
/// number or id. The columns are described in docs/privacy.md; rows are sorted by their values, so their order tells
/// nothing about when each case came in within its month.
/// </summary>
public sealed record DeidentifiedRecord(
    string ReceivedMonth,
    string Prefecture,
    string AgeBand,
    string Category,
    string Platform,
    string Country,
    string PaymentMethod,
    string AmountBand,
    string Outcome,
    string PartnerAgency,
    string ClosedMonth,
    int? BusinessDaysToFirstAction,
    int? BusinessDaysToClose,
    int? BusinessDaysToPartnerAnswer)
{
    public static IReadOnlyList<DeidentifiedRecord> From(IEnumerable<CaseFacts> facts)
    {
        var calendar = BusinessCalendar.Japan;
        static string MonthOf(DateOnly? day) => day?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "";
        return [.. facts
            .Select(f => new DeidentifiedRecord(
                MonthOf(f.ReceivedOn),
                f.PrefectureCode,
                f.AgeBand.ToString(),
                f.Category.ToString(),
                f.Platform.ToString(),
                f.CountryCode,
                f.Payment.ToString(),
                f.AmountBand.ToString(),
                OutcomeGroups.Of(f),
                f.PartnerCode ?? "",
                MonthOf(f.ClosedOn),
                f.FirstActionOn is { } first ? calendar.BusinessDaysBetween(f.ReceivedOn, first) : null,
                f.ClosedOn is { } closed && OutcomeGroups.Of(f) != OutcomeGroups.Open ? calendar.BusinessDaysBetween(f.ReceivedOn, closed) : null,
                f.ForwardedOn is { } forwarded && f.PartnerAnsweredOn is { } answered ? calendar.BusinessDaysBetween(forwarded, answered) : null))
            .Order(Comparer<DeidentifiedRecord>.Create((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey)))];
    }

    /// <summary>The header of the export: one name per column, in order (docs/privacy.md describes each).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "received_month", "prefecture", "age_band", "category", "platform", "country", "payment_method", "amount_band", "outcome",
        "partner_agency", "closed_month", "business_days_to_first_action", "business_days_to_close", "business_days_to_partner_answer",
    ];

    /// <summary>The row's fields, in the order of <see cref="Columns"/>.</summary>
    public IEnumerable<string> Fields() =>
    [
        ReceivedMonth, Prefecture, AgeBand, Category, Platform, Country, PaymentMethod, AmountBand, Outcome, PartnerAgency, ClosedMonth,
        Days(BusinessDaysToFirstAction), Days(BusinessDaysToClose), Days(BusinessDaysToPartnerAnswer),
    ];

    private static string Days(int? days) => days?.ToString(CultureInfo.InvariantCulture) ?? "";

    private string SortKey => string.Join('|', ReceivedMonth, Prefecture, AgeBand, Category, Platform, Country, PaymentMethod, AmountBand, Outcome,
        PartnerAgency, ClosedMonth, BusinessDaysToFirstAction?.ToString("D5", CultureInfo.InvariantCulture), BusinessDaysToClose?.ToString("D5", CultureInfo.InvariantCulture),
        BusinessDaysToPartnerAnswer?.ToString("D5", CultureInfo.InvariantCulture));
}
