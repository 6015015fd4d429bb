using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Calendars;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Domain.Statistics;

/// <summary>
/// What one case adds to the figures: the entries it is counted under, "figure:key" (<c>country:US</c>,
/// <c>closing:12</c>). Every figure of <see cref="StatisticsReport"/> is a sum of these over the cases received in the
/// period, so the entries can be counted once per case and kept per month (ADR 0084), and the report made from the sums.
/// </summary>
public static class CaseEntries
{
    /// <summary>Every case: the total and the months.</summary>
    public const string Cases = "cases";

    public const string Country = "country";
    public const string Partner = "partner";
    public const string Category = "category";
    public const string Platform = "platform";
    public const string Payment = "payment";
    public const string Amount = "amount";
    public const string Prefecture = "prefecture";
    public const string Age = "age";
    public const string Outcome = "outcome";

    /// <summary>Business days from receipt to the first action (the key).</summary>
    public const string FirstAction = "first-action";

    /// <summary>Business days from receipt to the closing of a case that is closed or declined.</summary>
    public const string Closing = "closing";

    /// <summary>A case forwarded to a partner (the key is the partner's code).</summary>
    public const string Forwarded = "forwarded";

    /// <summary>A forwarded case the partner answered: "code|business days from forwarding to the answer".</summary>
    public const string Answer = "answer";

    /// <summary>The longest entry (a figure, a colon, a partner code, a bar and a number of days).</summary>
    public const int MaxLength = 80;

    public static string Entry(string figure, string key) => figure + ":" + key;

    public static (string Figure, string Key) Split(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return (entry[..colon], entry[(colon + 1)..]);
    }

    /// <summary>The entries of one case, each once.</summary>
    public static IReadOnlyList<string> Of(CaseFacts f, BusinessCalendar calendar)
    {
        static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);
        var entries = new List<string>(14)
        {
            Entry(Cases, ""),
            Entry(Country, f.CountryCode),
            Entry(Partner, f.PartnerCode ?? StatisticsReport.NotForwarded),
            Entry(Category, f.Category.ToString()),
            Entry(Platform, f.Platform.ToString()),
            Entry(Payment, f.Payment.ToString()),
            Entry(Amount, f.AmountBand.ToString()),
            Entry(Prefecture, f.PrefectureCode),
            Entry(Age, f.AgeBand.ToString()),
            Entry(Outcome, OutcomeGroups.Of(f)),
        };
        if (f.FirstActionOn is { } first)
        {
            entries.Add(Entry(FirstAction, Days(calendar.BusinessDaysBetween(f.ReceivedOn, first))));
        }

        if (f.ClosedOn is { } closed && !CaseWorkflow.IsOpen(f.Status))
        {
            entries.Add(Entry(Closing, Days(calendar.BusinessDaysBetween(f.ReceivedOn, closed))));
        }

        if (f.PartnerCode is { } partner && f.ForwardedOn is { } forwarded)
        {
            entries.Add(Entry(Forwarded, partner));
            if (f.PartnerAnsweredOn is { } answered)
            {
                entries.Add(Entry(Answer, partner + "|" + Days(calendar.BusinessDaysBetween(forwarded, answered))));
            }
        }

        return entries;
    }
}

/// <summary>
/// The sums the report is made from: how many cases of the period are counted under each entry (figure and key), and
/// how many cases were received in each month. Filled from cases one by one (<see cref="Of"/>) or from sums kept per
/// month (ADR 0084); the same sums make the same report.
/// </summary>
public sealed class StatisticsCounts
{
    private readonly Dictionary<string, Dictionary<string, int>> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, int> _months = [];

    /// <summary>Adds <paramref name="cases"/> under <paramref name="entry"/> for cases received in the month of <paramref name="receivedOn"/>.</summary>
    public void Add(DateOnly receivedOn, string entry, int cases)
    {
        var (figure, key) = CaseEntries.Split(entry);
        AddToFigure(figure, key, cases);
        if (figure == CaseEntries.Cases)
        {
            var month = new DateOnly(receivedOn.Year, receivedOn.Month, 1);
            _months[month] = _months.GetValueOrDefault(month) + cases;
        }
    }

    /// <summary>Adds the counts of another part of the period (cases received on other days).</summary>
    public void Add(StatisticsCounts other)
    {
        foreach (var (figure, keys) in other._figures)
        {
            foreach (var (key, cases) in keys)
            {
                AddToFigure(figure, key, cases);
            }
        }

        foreach (var (month, cases) in other._months)
        {
            _months[month] = _months.GetValueOrDefault(month) + cases;
        }
    }

    private void AddToFigure(string figure, string key, int cases)
    {
        if (!_figures.TryGetValue(figure, out var keys))
        {
            _figures[figure] = keys = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        keys[key] = keys.GetValueOrDefault(key) + cases;
    }

    /// <summary>The counts of the cases given, one by one.</summary>
    public static StatisticsCounts Of(IEnumerable<CaseFacts> facts)
    {
        var counts = new StatisticsCounts();
        foreach (var f in facts)
        {
            counts.AddCase(f.ReceivedOn, CaseEntries.Of(f, BusinessCalendar.Japan));
        }

        return counts;
    }

    public void AddCase(DateOnly receivedOn, IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            Add(receivedOn, entry, 1);
        }
    }

    /// <summary>The keys of a figure with their counts (keys counted to zero included).</summary>
    public IReadOnlyDictionary<string, int> Figure(string figure) =>
        _figures.TryGetValue(figure, out var keys) ? keys : new Dictionary<string, int>();

    public int Count(string figure, string key) => Figure(figure).GetValueOrDefault(key);

    /// <summary>The cases received in the month starting on <paramref name="month"/>.</summary>
    public int InMonth(DateOnly month) => _months.GetValueOrDefault(month);

    /// <summary>Every non-zero count, "month entry", sorted: two counts are the same when these are.</summary>
    public IReadOnlyList<string> Describe()
    {
        List<string> lines =
        [
            .. _figures.SelectMany(f => f.Value.Where(k => k.Value != 0).Select(k => $"{CaseEntries.Entry(f.Key, k.Key)} {k.Value}")),
            .. _months.Where(m => m.Value != 0).Select(m => $"month {m.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture)} {m.Value}"),
        ];
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
