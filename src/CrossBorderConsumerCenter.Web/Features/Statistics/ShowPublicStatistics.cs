using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>
/// The public figures (/statistics): for a fiscal year that has ended, the cases received by the merchant's country and by
/// kind of trouble, in each half-year and the year, with small counts suppressed (<see cref="SmallCellSuppression"/>).
/// </summary>
public static class ShowPublicStatistics
{
    /// <summary>A published table: the rows' names (the total last) and the cells after suppression (first half, second half, year).</summary>
    public sealed record PublicTable(string Id, string Title, string RowHeader, IReadOnlyList<string> Rows, SuppressedTable Cells);

    public sealed record Page(int FiscalYear, int LastClosed, bool AskedForUnpublished, IReadOnlyList<PublicTable> Tables);

    public sealed class Handler(ReadCaseFacts.Handler facts, TimeProvider clock, IStringLocalizer<StatisticsText> t, IStringLocalizer<CaseLabels> labels)
    {
        /// <summary>The fiscal year asked for, if it has ended and is a year at all; otherwise the last that has ended.</summary>
        public async Task<Page> HandleAsync(string? year, CancellationToken ct)
        {
            var lastClosed = StatisticsPeriod.LastClosedFiscalYear(LocalizationRegistration.JapanToday(clock));
            var asked = ShowStatistics.ParseYear(year);
            var fiscalYear = asked is { } y && y <= lastClosed ? y : lastClosed;
            var cases = await facts.HandleAsync(StatisticsPeriod.FiscalYear(fiscalYear), ct);
            var (first, second) = StatisticsPeriod.HalvesOf(fiscalYear);

            var countries = cases.GroupBy(c => c.CountryCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            var categories = Enum.GetValues<CaseCategory>();
            var total = t["Public_Total"].Value;
            return new Page(fiscalYear, lastClosed, !string.IsNullOrEmpty(year) && asked != fiscalYear,
            [
                Grid("countries", t["Table_Countries"], t["Row_Country"], [.. countries.Select(StatisticsTables.CountryName), total],
                    countries.Select<string, Func<CaseFacts, bool>>(code => c => c.CountryCode == code).ToList(), cases, first, second),
                Grid("categories", t["Table_Categories"], t["Row_Category"], [.. categories.Select(k => labels["CaseCategory_" + k].Value), total],
                    categories.Select<CaseCategory, Func<CaseFacts, bool>>(k => c => c.Category == k).ToList(), cases, first, second),
            ]);
        }

        private static PublicTable Grid(
            string id, string title, string rowHeader, IReadOnlyList<string> names, List<Func<CaseFacts, bool>> rows,
            IReadOnlyList<CaseFacts> cases, StatisticsPeriod first, StatisticsPeriod second)
        {
            var values = new int[rows.Count + 1, 3];
            for (var r = 0; r < rows.Count; r++)
            {
                values[r, 0] = cases.Count(c => rows[r](c) && first.Contains(c.ReceivedOn));
                values[r, 1] = cases.Count(c => rows[r](c) && second.Contains(c.ReceivedOn));
                values[r, 2] = values[r, 0] + values[r, 1];
                for (var c = 0; c < 3; c++)
                {
                    values[rows.Count, c] += values[r, c];
                }
            }

            return new PublicTable(id, title, rowHeader, names, SmallCellSuppression.Apply(values));
        }
    }

    public static string Show(SuppressedTable cells, int r, int c, string small, string hidden) => cells.Shown[r, c] switch
    {
        CellShown.Small => small,
        CellShown.Hidden => hidden,
        _ => cells.Values[r, c].ToString("N0", CultureInfo.CurrentCulture),
    };
}
