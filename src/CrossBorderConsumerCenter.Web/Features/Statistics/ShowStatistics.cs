using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>
/// The staff's statistics over a chosen period: a month, a quarter or a fiscal year (from April), or any range of days.
/// The period travels in the query string, so a page and its CSV files can be bookmarked and shared.
/// </summary>
public static class ShowStatistics
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";
    public const string Range = "range";

    /// <summary>The period as the form sends it; nothing given means the current fiscal year so far.</summary>
    public sealed class Form
    {
        public string? Period { get; set; }

        /// <summary>"2026-11", as a month input sends it.</summary>
        public string? Month { get; set; }

        /// <summary>The fiscal year (the year it starts in April), for a quarter or a year.</summary>
        public string? Year { get; set; }

        public string? Quarter { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }

        /// <summary>The period asked for; call only after the validator passed.</summary>
        public StatisticsPeriod ToPeriod(DateOnly today) => Period switch
        {
            ShowStatistics.Month => ParseMonth(Month) is var (y, m) ? StatisticsPeriod.Month(y, m) : throw new InvalidOperationException("Not validated."),
            ShowStatistics.Quarter => StatisticsPeriod.Quarter(ParseYear(Year)!.Value, ParseQuarter(Quarter)!.Value),
            ShowStatistics.Year => StatisticsPeriod.FiscalYear(ParseYear(Year)!.Value),
            ShowStatistics.Range => StatisticsPeriod.Range(FormValues.ParseDate(From)!.Value, FormValues.ParseDate(To)!.Value),
            _ => StatisticsPeriod.FiscalYear(StatisticsPeriod.FiscalYearOf(today)),
        };

        /// <summary>The query string of this period, for links to the CSV files.</summary>
        public string Query(StatisticsPeriod period) => period.Kind switch
        {
            PeriodKind.Month => $"?period={ShowStatistics.Month}&month={period.From:yyyy-MM}",
            PeriodKind.Quarter => $"?period={ShowStatistics.Quarter}&year={StatisticsPeriod.FiscalYearOf(period.From)}&quarter={((period.From.Month + 8) % 12 / 3) + 1}",
            PeriodKind.FiscalYear => $"?period={ShowStatistics.Year}&year={period.From.Year}",
            _ => $"?period={ShowStatistics.Range}&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}",
        };
    }

    public static (int Year, int Month)? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= MinYear and <= MaxYear
            ? (day.Year, day.Month)
            : null;

    public static int? ParseYear(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear ? year : null;

    public static int? ParseQuarter(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) && quarter is >= 1 and <= 4 ? quarter : null;

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<StatisticsText> t)
        {
            RuleFor(f => f.Period).Must(p => p is null or "" or ShowStatistics.Month or ShowStatistics.Quarter or ShowStatistics.Year or ShowStatistics.Range)
                .WithMessage(t["Period_Invalid"]);
            When(f => f.Period == ShowStatistics.Month, () =>
                RuleFor(f => f.Month).Must(m => ParseMonth(m) is not null).WithMessage(t["Month_Invalid"]));
            When(f => f.Period is ShowStatistics.Quarter or ShowStatistics.Year, () =>
                RuleFor(f => f.Year).Must(y => ParseYear(y) is not null).WithMessage(t["Year_Invalid", MinYear, MaxYear]));
            When(f => f.Period == ShowStatistics.Quarter, () =>
                RuleFor(f => f.Quarter).Must(q => ParseQuarter(q) is not null).WithMessage(t["Quarter_Invalid"]));
            When(f => f.Period == ShowStatistics.Range, () =>
            {
                RuleFor(f => f.From).Must(d => FormValues.ParseDate(d) is not null).WithMessage(t["From_Invalid"]);
                RuleFor(f => f.To).Must(d => FormValues.ParseDate(d) is not null).WithMessage(t["To_Invalid"]);
                RuleFor(f => f.To)
                    .Must((f, to) => FormValues.ParseDate(to) >= FormValues.ParseDate(f.From))
                    .When(f => FormValues.ParseDate(f.From) is not null && FormValues.ParseDate(f.To) is not null)
                    .WithMessage(t["To_BeforeFrom"]);
                RuleFor(f => f.To)
                    .Must((f, to) => FormValues.ParseDate(to)!.Value.DayNumber - FormValues.ParseDate(f.From)!.Value.DayNumber < StatisticsPeriod.MaxDays)
                    .When(f => FormValues.ParseDate(f.From) is { } from && FormValues.ParseDate(f.To) is { } to && to >= from)
                    .WithMessage(t["Range_TooLong", StatisticsPeriod.MaxDays / 365]);
            });
        }
    }

    /// <summary>The page: the form as asked, and the figures when the period could be read.</summary>
    public sealed record Page(Form Form, StatisticsPeriod? Period, Figures? Figures, string Query);

    /// <summary>
    /// The figures of a period. The overdue count is as of now (it changes with the clock); the others are drawn from the
    /// counts of one <paramref name="version"/>, read only when the page draws them: the page keeps what it drew under
    /// <see cref="Key"/> and draws again when the counts have changed (docs/adr/0102).
    /// </summary>
    public sealed class Figures(StatisticsPeriod period, Guid version, int overdue, Func<Task<StatisticsReport>> read, StatisticsTables tables)
    {
        private Task<StatisticsReport>? report;

        public int Overdue => overdue;

        /// <summary>What the drawn figures depend on besides the reader's language: the period as asked and the version of the counts.</summary>
        public string Key => string.Create(CultureInfo.InvariantCulture, $"{period.Kind}/{period.From:yyyy-MM-dd}/{period.To:yyyy-MM-dd}/{version:N}");

        /// <summary>The report, read once however many parts of the page draw from it.</summary>
        public Task<StatisticsReport> ReportAsync() => report ??= read();

        /// <summary>The report's tables in the reader's language.</summary>
        public async Task<IReadOnlyList<StatisticsTable>> TablesAsync() => tables.For(await ReportAsync());
    }

    public sealed class Handler(StatisticsCountsStore store, StatisticsTables tables, TimeProvider clock)
    {
        public DateOnly Today => LocalizationRegistration.JapanToday(clock);

        /// <summary>The figures from the counts kept per month (docs/adr/0084), with the version they were counted to.</summary>
        public async Task<Page> HandleAsync(Form form, CancellationToken ct)
        {
            var period = form.ToPeriod(Today);
            var version = await store.CountAndReadVersionAsync(ct);
            var overdue = await store.ReadOverdueAsync(period, ct);
            var figures = new Figures(period, version, overdue, async () => StatisticsReport.From(period, await store.ReadCountsAsync(period, ct), overdue), tables);
            return new Page(form, period, figures, form.Query(period));
        }
    }
}
