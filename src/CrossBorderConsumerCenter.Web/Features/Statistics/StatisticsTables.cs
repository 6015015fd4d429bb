using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using CrossBorderConsumerCenter.Web.Features.Cases;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>One line of a figure's table: the coded value (the CSV's first column), its name in the reader's language, the numbers.</summary>
public sealed record TableRow(string Code, string Label, IReadOnlyList<int?> Values);

/// <summary>
/// A figure: its table (the numbers, for everyone and for screen readers) and the chart drawn from one of its columns.
/// The same object writes the page's table, its chart and its CSV file, so they always agree.
/// </summary>
public sealed record StatisticsTable(string Id, string Title, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, int ChartColumn, string ChartUnit)
{
    /// <summary>
    /// The rows the chart draws: all of them, or the first <see cref="ChartLimit"/> of a long list that comes most
    /// frequent first (a chart of two hundred countries is not read at a glance; the table beside it has them all).
    /// </summary>
    public IReadOnlyList<TableRow> ChartRows => ChartLimit is { } limit && Rows.Count > limit ? [.. Rows.Take(limit)] : Rows;

    /// <summary>How many rows the chart draws at most, or null for all; set with <see cref="ChartNote"/>, which says so.</summary>
    public int? ChartLimit { get; init; }

    /// <summary>What the chart says it leaves out, when it draws fewer rows than the table has.</summary>
    public string? ChartNote { get; init; }

    /// <summary>The largest value the chart draws (at least 1, so an empty chart has a scale).</summary>
    public int ChartMax => Math.Max(1, ChartRows.Select(r => r.Values[ChartColumn] ?? 0).DefaultIfEmpty(0).Max());
}

/// <summary>The figures of a report as tables, in the reader's language (Japanese or English).</summary>
public sealed class StatisticsTables(IStringLocalizer<StatisticsText> t, IStringLocalizer<CaseLabels> labels)
{
    /// <summary>The ids of the tables, in the order the page shows them (also the CSV files' names).</summary>
    public static readonly IReadOnlyList<string> Ids =
        ["months", "countries", "partners", "categories", "platforms", "payments", "amounts", "prefectures", "ages", "outcomes", "answers", "times"];

    /// <summary>The countries the chart draws at most (the table lists every country with cases).</summary>
    public const int ChartCountries = 15;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public IReadOnlyList<StatisticsTable> For(StatisticsReport report)
    {
        var cases = t["Column_Cases"].Value;
        return
        [
            Counts("months", t["Table_Months"], t["Row_Month"], report.ByMonth, MonthName, cases),
            Counts("countries", t["Table_Countries"], t["Row_Country"], report.ByCountry, CountryName, cases) with
            {
                ChartLimit = ChartCountries,
                ChartNote = report.ByCountry.Count > ChartCountries ? t["Chart_TopCountries", ChartCountries, report.ByCountry.Count].Value : null,
            },
            Counts("partners", t["Table_Partners"], t["Row_Partner"], report.ByPartner, PartnerName, cases),
            Counts("categories", t["Table_Categories"], t["Row_Category"], report.ByCategory, k => labels["CaseCategory_" + k], cases),
            Counts("platforms", t["Table_Platforms"], t["Row_Platform"], report.ByPlatform, k => labels["PurchasePlatform_" + k], cases),
            Counts("payments", t["Table_Payments"], t["Row_Payment"], report.ByPayment, k => labels["PaymentMethod_" + k], cases),
            Counts("amounts", t["Table_Amounts"], t["Row_Amount"], report.ByAmountBand, k => t["AmountBand_" + k], cases),
            Counts("prefectures", t["Table_Prefectures"], t["Row_Prefecture"], report.ByPrefecture, PrefectureName, cases),
            Counts("ages", t["Table_Ages"], t["Row_Age"], report.ByAgeBand, AgeName, cases),
            Counts("outcomes", t["Table_Outcomes"], t["Row_Outcome"], report.ByOutcome, OutcomeName, cases),
            new StatisticsTable("answers", t["Table_Answers"], t["Row_Partner"],
                [t["Column_Forwarded"], t["Column_Answered"], t["Column_AnswerRate"], t["Column_Median"], t["Column_Percentile90"]],
                [.. report.Partners.Select(p => new TableRow(p.PartnerCode, p.PartnerCode, [p.Forwarded, p.Answered, p.AnswerRatePercent, p.AnswerTime.Median, p.AnswerTime.Percentile90]))],
                2, t["Unit_Percent"]),
            new StatisticsTable("times", t["Table_Times"], t["Row_Measure"],
                [t["Column_Measured"], t["Column_Median"], t["Column_Percentile90"]],
                [Time("first-action", t["Measure_FirstAction"], report.ToFirstAction), Time("closing", t["Measure_Closing"], report.ToClosing)],
                1, t["Unit_BusinessDays"]),
        ];
    }

    private static StatisticsTable Counts(string id, string title, string rowHeader, IReadOnlyList<Tally> tallies, Func<string, string> name, string cases) =>
        new(id, title, rowHeader, [cases], [.. tallies.Select(x => new TableRow(x.Key, name(x.Key), [x.Count]))], 0, cases);

    private static TableRow Time(string code, string label, Duration d) => new(code, label, [d.Measured, d.Median, d.Percentile90]);

    public string MonthName(string key) =>
        DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString(t["MonthFormat"], CultureInfo.CurrentCulture);

    public static string CountryName(string code) => Countries.Find(code)?.NameIn(Language) ?? code;

    public static string PrefectureName(string code) => Prefectures.Find(code)?.NameIn(Language) ?? code;

    public string PartnerName(string code) => code == StatisticsReport.NotForwarded ? t["Partner_None"] : code;

    public string AgeName(string key) => labels["AgeBand_" + key];

    public string OutcomeName(string key) =>
        key == OutcomeGroups.Open ? t["Outcome_Open"]
        : key.StartsWith("Declined", StringComparison.Ordinal) ? t["Outcome_Declined", labels["DeclineReason_" + key["Declined".Length..]]]
        : labels["CaseOutcome_" + key];
}

/// <summary>A figure as a page shows it: its table, and where its CSV file is (none on the public page).</summary>
public sealed record StatisticsFigure(StatisticsTable Table, string? CsvHref, string? Hint = null)
{
    /// <summary>How long a page keeps figures it drew that nobody asked for again (a new version of the counts is drawn anew anyway).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
}
