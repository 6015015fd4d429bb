using CrossBorderConsumerCenter.Web.Domain.Calendars;
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
/// Times are in business days of the center's calendar (<see cref="BusinessCalendar"/>); percentiles are nearest-rank.
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

    public static StatisticsReport From(StatisticsPeriod period, IEnumerable<CaseFacts> facts)
    {
        var cases = facts.Where(f => period.Contains(f.ReceivedOn)).ToList();
        var calendar = BusinessCalendar.Japan;

        var byMonth = period.Months()
            .Select(m => new Tally(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), cases.Count(c => c.ReceivedOn.Year == m.Year && c.ReceivedOn.Month == m.Month)))
            .ToList();

        var partners = cases.Where(c => c.PartnerCode is not null && c.ForwardedOn is not null)
            .GroupBy(c => c.PartnerCode!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PartnerAnswers(
                g.Key,
                g.Count(),
                g.Count(c => c.PartnerAnsweredOn is not null),
                DurationOf([.. g.Where(c => c.PartnerAnsweredOn is not null).Select(c => calendar.BusinessDaysBetween(c.ForwardedOn!.Value, c.PartnerAnsweredOn!.Value))])))
            .ToList();

        return new StatisticsReport(
            period,
            cases.Count,
            byMonth,
            ByCount(cases, c => c.CountryCode),
            ByCount(cases, c => c.PartnerCode ?? NotForwarded),
            InOrder(cases, c => c.Category),
            InOrder(cases, c => c.Platform),
            InOrder(cases, c => c.Payment),
            InOrder(cases, c => c.AmountBand),
            [.. cases.GroupBy(c => c.PrefectureCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Tally(g.Key, g.Count()))],
            InOrder(cases, c => c.AgeBand),
            [.. OutcomeGroups.All.Select(o => new Tally(o, cases.Count(c => OutcomeGroups.Of(c) == o)))],
            partners,
            DurationOf([.. cases.Where(c => c.FirstActionOn is not null).Select(c => calendar.BusinessDaysBetween(c.ReceivedOn, c.FirstActionOn!.Value))]),
            DurationOf([.. cases.Where(c => c.ClosedOn is not null && !CaseWorkflow.IsOpen(c.Status)).Select(c => calendar.BusinessDaysBetween(c.ReceivedOn, c.ClosedOn!.Value))]),
            cases.Count(c => c.Overdue));
    }

    /// <summary>Values with cases only, the most frequent first (ties by the code).</summary>
    private static List<Tally> ByCount(List<CaseFacts> cases, Func<CaseFacts, string> key) =>
        [.. cases.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new Tally(g.Key, g.Count()))];

    /// <summary>Every value of the choice, in the order the forms offer them, zeros included (so tables of two periods line up).</summary>
    private static List<Tally> InOrder<T>(List<CaseFacts> cases, Func<CaseFacts, T> key)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Tally(v.ToString(), cases.Count(c => EqualityComparer<T>.Default.Equals(key(c), v))))];

    /// <summary>Nearest-rank median and 90th percentile of whole business days.</summary>
    public static Duration DurationOf(IReadOnlyList<int> days)
    {
        if (days.Count == 0)
        {
            return new Duration(0, null, null);
        }

        var sorted = days.Order().ToArray();
        int Rank(int percent) => sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
        return new Duration(sorted.Length, Rank(50), Rank(90));
    }
}
