using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Domain.Statistics;

/// <summary>One line of a table: a coded value (a country code, a category's name, a month "2026-04") and how many cases.</summary>
public sealed record Tally(string Key, int Count);

/// <summary>How long something took, in business days: how many cases it was measured on, the median and the 90th percentile.</summary>
public sealed record Duration(int Measured, int? Median, int? Percentile90);

/// <summary>One partner agency's answers: cases forwarded to it, how many it answered, and how long the answers took.</summary>
public sealed record PartnerAnswers(string PartnerCode, int Forwarded, int Answered, Duration AnswerTime)
{
    /// <summary>The share answered, in whole percent (rounded half up); null when nothing was forwarded.</summary>
    public int? AnswerRatePercent => Forwarded == 0 ? null : (int)Math.Round(100m * Answered / Forwarded, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The figures over the cases received in a period. Every figure counts the same cohort (the cases received in the period,
/// whatever happened to them later); outcomes, times and deadlines are as they stand when the report is made.
/// Times are in business days of the center's calendar (<see cref="Calendars.BusinessCalendar"/>); percentiles are nearest-rank.
/// </summary>
public sealed record StatisticsReport(
    StatisticsPeriod Period,
    int Total,
    IReadOnlyList<Tally> ByMonth,
    IReadOnlyList<Tally> ByCountry,
    IReadOnlyList<Tally> ByPartner,
    IReadOnlyList<Tally> ByCategory,
    IReadOnlyList<Tally> ByPlatform,
    IReadOnlyList<Tally> ByPayment,
    IReadOnlyList<Tally> ByAmountBand,
    IReadOnlyList<Tally> ByPrefecture,
    IReadOnlyList<Tally> ByAgeBand,
    IReadOnlyList<Tally> ByOutcome,
    IReadOnlyList<PartnerAnswers> Partners,
    Duration ToFirstAction,
    Duration ToClosing,
    int Overdue)
{
    /// <summary>The key of cases that were never forwarded, in <see cref="ByPartner"/>.</summary>
    public const string NotForwarded = "None";

    /// <summary>The report of the cases given, counted one by one (those received outside the period are left out).</summary>
    public static StatisticsReport From(StatisticsPeriod period, IEnumerable<CaseFacts> facts)
    {
        var cases = facts.Where(f => period.Contains(f.ReceivedOn)).ToList();
        return From(period, StatisticsCounts.Of(cases), cases.Count(c => c.Overdue));
    }

    /// <summary>The report made from the counts of the cases received in the period, and how many of them are overdue now.</summary>
    public static StatisticsReport From(StatisticsPeriod period, StatisticsCounts counts, int overdue)
    {
        var answers = counts.Figure(CaseEntries.Answer)
            .Select(a => (Split: a.Key.Split('|'), Cases: a.Value))
            .GroupBy(a => a.Split[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => (Days: int.Parse(a.Split[1], CultureInfo.InvariantCulture), a.Cases)).ToList(), StringComparer.Ordinal);
        var partners = counts.Figure(CaseEntries.Forwarded)
            .Where(f => f.Value > 0)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f =>
            {
                var answered = answers.GetValueOrDefault(f.Key) ?? [];
                return new PartnerAnswers(f.Key, f.Value, answered.Sum(a => a.Cases), DurationOfCounts(answered));
            })
            .ToList();

        return new StatisticsReport(
            period,
            counts.Count(CaseEntries.Cases, ""),
            [.. period.Months().Select(m => new Tally(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), counts.InMonth(m)))],
            ByCount(counts.Figure(CaseEntries.Country)),
            ByCount(counts.Figure(CaseEntries.Partner)),
            InOrder<CaseCategory>(counts.Figure(CaseEntries.Category)),
            InOrder<PurchasePlatform>(counts.Figure(CaseEntries.Platform)),
            InOrder<PaymentMethod>(counts.Figure(CaseEntries.Payment)),
            InOrder<AmountBand>(counts.Figure(CaseEntries.Amount)),
            [.. counts.Figure(CaseEntries.Prefecture).Where(p => p.Value > 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new Tally(p.Key, p.Value))],
            InOrder<AgeBand>(counts.Figure(CaseEntries.Age)),
            [.. OutcomeGroups.All.Select(o => new Tally(o, counts.Count(CaseEntries.Outcome, o)))],
            partners,
            DurationOfCounts(Days(counts.Figure(CaseEntries.FirstAction))),
            DurationOfCounts(Days(counts.Figure(CaseEntries.Closing))),
            overdue);
    }

    private static List<(int Days, int Cases)> Days(IReadOnlyDictionary<string, int> figure) =>
        [.. figure.Select(d => (int.Parse(d.Key, CultureInfo.InvariantCulture), d.Value))];

    /// <summary>Values with cases only, the most frequent first (ties by the code).</summary>
    private static List<Tally> ByCount(IReadOnlyDictionary<string, int> figure) =>
        [.. figure.Where(k => k.Value > 0).OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => new Tally(k.Key, k.Value))];

    /// <summary>Every value of the choice, in the order the forms offer them, zeros included (so tables of two periods line up).</summary>
    private static List<Tally> InOrder<T>(IReadOnlyDictionary<string, int> figure)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Tally(v.ToString(), figure.GetValueOrDefault(v.ToString())))];

    /// <summary>Nearest-rank median and 90th percentile of whole business days.</summary>
    public static Duration DurationOf(IReadOnlyList<int> days) => DurationOfCounts([.. days.Select(d => (d, 1))]);

    /// <summary>Nearest-rank median and 90th percentile of whole business days, given how many cases took each number of days.</summary>
    public static Duration DurationOfCounts(IReadOnlyList<(int Days, int Cases)> histogram)
    {
        var sorted = histogram.Where(h => h.Cases > 0).OrderBy(h => h.Days).ToList();
        var measured = sorted.Sum(h => h.Cases);
        if (measured == 0)
        {
            return new Duration(0, null, null);
        }

        int Rank(int percent)
        {
            var rank = Math.Max(1, (int)Math.Ceiling(percent / 100.0 * measured));
            foreach (var (days, cases) in sorted)
            {
                rank -= cases;
                if (rank <= 0)
                {
                    return days;
                }
            }

            return sorted[^1].Days;
        }

        return new Duration(measured, Rank(50), Rank(90));
    }
}
