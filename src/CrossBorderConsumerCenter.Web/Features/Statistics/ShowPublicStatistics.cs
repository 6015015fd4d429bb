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

    /// <summary>
    /// The page: the year shown and, drawn only when the page has not kept them for <see cref="Key"/> (the year and the
    /// version of the counts, docs/adr/0102), its tables.
    /// </summary>
    public sealed record Page(int FiscalYear, int LastClosed, bool AskedForUnpublished, string Key, Func<Task<IReadOnlyList<PublicTable>>> TablesAsync);

    public sealed class Handler(StatisticsCountsStore store, TimeProvider clock, IStringLocalizer<StatisticsText> t, IStringLocalizer<CaseLabels> labels)
    {
        /// <summary>The fiscal year asked for, if it has ended and is a year at all; otherwise the last that has ended.</summary>
        public async Task<Page> HandleAsync(string? year, CancellationToken ct)
        {
            var lastClosed = StatisticsPeriod.LastClosedFiscalYear(LocalizationRegistration.JapanToday(clock));
            var asked = ShowStatistics.ParseYear(year);
            var fiscalYear = asked is { } y && y <= lastClosed ? y : lastClosed;
            var version = await store.CountAndReadVersionAsync(ct);
            return new Page(fiscalYear, lastClosed, !string.IsNullOrEmpty(year) && asked != fiscalYear,
                string.Create(CultureInfo.InvariantCulture, $"{fiscalYear}/{version:N}"), () => TablesAsync(fiscalYear, ct));
        }

        /// <summary>The year's tables, by half-year, with small counts suppressed.</summary>
        private async Task<IReadOnlyList<PublicTable>> TablesAsync(int fiscalYear, CancellationToken ct)
        {
            var (firstHalf, secondHalf) = StatisticsPeriod.HalvesOf(fiscalYear);
            var first = await store.ReadCountsAsync(firstHalf, ct);
            var second = await store.ReadCountsAsync(secondHalf, ct);

            var countries = first.Figure(CaseEntries.Country).Concat(second.Figure(CaseEntries.Country))
                .GroupBy(c => c.Key, StringComparer.Ordinal)
                .Select(g => (Code: g.Key, Cases: g.Sum(c => c.Value)))
                .Where(c => c.Cases > 0)
                .OrderByDescending(c => c.Cases).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => c.Code)
                .ToList();
            var categories = Enum.GetValues<CaseCategory>().Select(k => k.ToString()).ToList();
            var total = t["Public_Total"].Value;
            return
            [
                Grid("countries", t["Table_Countries"], t["Row_Country"], [.. countries.Select(StatisticsTables.CountryName), total],
                    CaseEntries.Country, countries, first, second),
                Grid("categories", t["Table_Categories"], t["Row_Category"], [.. categories.Select(k => labels["CaseCategory_" + k].Value), total],
                    CaseEntries.Category, categories, first, second),
            ];
        }

        private static PublicTable Grid(
            string id, string title, string rowHeader, IReadOnlyList<string> names, string figure, List<string> keys,
            StatisticsCounts first, StatisticsCounts second)
        {
            var values = new int[keys.Count + 1, 3];
            for (var r = 0; r < keys.Count; r++)
            {
                values[r, 0] = first.Count(figure, keys[r]);
                values[r, 1] = second.Count(figure, keys[r]);
                values[r, 2] = values[r, 0] + values[r, 1];
                for (var c = 0; c < 3; c++)
                {
                    values[keys.Count, c] += values[r, c];
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
