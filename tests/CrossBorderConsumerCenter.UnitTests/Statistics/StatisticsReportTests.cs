using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Statistics;

namespace CrossBorderConsumerCenter.UnitTests.Statistics;

/// <summary>
/// Each figure of the report over a small hand-made set of cases in fiscal year 2025, worked out by hand (the dates are the
/// subject: business days around Marine Day, a case on each edge of the year).
/// </summary>
public class StatisticsReportTests
{
    private static readonly StatisticsPeriod Year = StatisticsPeriod.FiscalYear(2025);

    private static CaseFacts Facts(
        string received, string country = "US", CaseCategory category = CaseCategory.NotDelivered, PurchasePlatform platform = PurchasePlatform.Amazon,
        PaymentMethod payment = PaymentMethod.CreditCard, decimal amount = 100m, string currency = "USD", string prefecture = "JP-13", AgeBand age = AgeBand.Thirties,
        CaseStatus status = CaseStatus.Received, CaseOutcome? outcome = null, DeclineReason? reason = null, string? closed = null, string? firstAction = null,
        bool overdue = false, string? partner = null, string? forwarded = null, string? answered = null) =>
        new(Day(received)!.Value, country, category, platform, payment, AmountBands.Of(amount, currency), prefecture, age, status, outcome, reason,
            Day(closed), Day(firstAction), overdue, partner, Day(forwarded), Day(answered));

    private static DateOnly? Day(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Five cases in the year, one the day before it starts and one the day after it ends.</summary>
    private static readonly CaseFacts[] Cases =
    [
        // Thursday 10 April: acted on the next day (1), forwarded on Monday the 14th, answered a week later (5), resolved on the 24th (10).
        Facts("2025-04-10", closed: "2025-04-24", firstAction: "2025-04-11", status: CaseStatus.Closed, outcome: CaseOutcome.Resolved,
            partner: "CBBB", forwarded: "2025-04-14", answered: "2025-04-21"),
        // A Sunday: declined on Monday (1 business day).
        Facts("2025-04-20", category: CaseCategory.Counterfeit, platform: PurchasePlatform.Temu, payment: PaymentMethod.PayPal, amount: 3000m, currency: "JPY",
            prefecture: "JP-27", age: AgeBand.Twenties, status: CaseStatus.Declined, reason: DeclineReason.Counterfeit, closed: "2025-04-21", firstAction: "2025-04-21"),
        // Forwarded to SOSA two business days after receipt, never answered, overdue.
        Facts("2025-06-03", country: "TW", category: CaseCategory.DamagedOrDefective, platform: PurchasePlatform.Shopee, amount: 2000m, currency: "TWD",
            age: AgeBand.Forties, status: CaseStatus.Forwarded, firstAction: "2025-06-05", overdue: true, partner: "SOSA", forwarded: "2025-06-05"),
        // Closed for no reply on Tuesday 22 July: 15 business days, Marine Day (21 July) left out; no staff action recorded.
        Facts("2025-06-30", country: "SG", platform: PurchasePlatform.BusinessOwnSite, payment: PaymentMethod.BankTransfer, amount: 1000m, currency: "SGD",
            prefecture: "JP-01", age: AgeBand.Sixties, status: CaseStatus.Closed, outcome: CaseOutcome.NoReply, closed: "2025-07-22",
            partner: "CASE", forwarded: "2025-07-01", answered: "2025-07-03"),
        // The year's last day, paid in a currency without a reference rate.
        Facts("2026-03-31", amount: 500m, currency: "BRL"),
        Facts("2025-03-31"),
        Facts("2026-04-01"),
    ];

    private static readonly StatisticsReport Report = StatisticsReport.From(Year, Cases);

    private static Dictionary<string, int> Counts(IReadOnlyList<Tally> tallies) => tallies.ToDictionary(t => t.Key, t => t.Count);

    [Fact]
    public void CountsTheCasesReceivedInThePeriodOnly() => Assert.Equal(5, Report.Total);

    [Fact]
    public void CountsEveryMonthOfTheFiscalYearFromAprilToMarch()
    {
        Assert.Equal(12, Report.ByMonth.Count);
        Assert.Equal("2025-04", Report.ByMonth[0].Key);
        Assert.Equal("2026-03", Report.ByMonth[^1].Key);
        Assert.Equal([2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1], Report.ByMonth.Select(m => m.Count));
    }

    [Fact]
    public void ListsCountriesAndPartnersMostFrequentFirst()
    {
        Assert.Equal([new("US", 3), new("SG", 1), new("TW", 1)], Report.ByCountry);
        Assert.Equal([new(StatisticsReport.NotForwarded, 2), new("CASE", 1), new("CBBB", 1), new("SOSA", 1)], Report.ByPartner);
    }

    [Fact]
    public void CountsEachChoiceOfTheFormIncludingThoseWithNoCase()
    {
        Assert.Equal(Enum.GetValues<CaseCategory>().Length, Report.ByCategory.Count);
        var categories = Counts(Report.ByCategory);
        Assert.Equal(3, categories["NotDelivered"]);
        Assert.Equal(1, categories["Counterfeit"]);
        Assert.Equal(1, categories["DamagedOrDefective"]);
        Assert.Equal(0, categories["WrongItem"]);
        Assert.Equal(new Dictionary<string, int> { ["Amazon"] = 2, ["Temu"] = 1, ["Shopee"] = 1, ["BusinessOwnSite"] = 1 }, Counts(Report.ByPlatform).Where(p => p.Value > 0).ToDictionary());
        Assert.Equal(new Dictionary<string, int> { ["CreditCard"] = 3, ["PayPal"] = 1, ["BankTransfer"] = 1 }, Counts(Report.ByPayment).Where(p => p.Value > 0).ToDictionary());
        Assert.Equal(new Dictionary<string, int> { ["Twenties"] = 1, ["Thirties"] = 2, ["Forties"] = 1, ["Sixties"] = 1 }, Counts(Report.ByAgeBand).Where(p => p.Value > 0).ToDictionary());
        Assert.Equal([new("JP-01", 1), new("JP-13", 3), new("JP-27", 1)], Report.ByPrefecture);
    }

    [Fact]
    public void BandsTheAmountsInYen() => Assert.Equal(
        new Dictionary<string, int>
        {
            ["Under5000"] = 1, ["From5000To9999"] = 1, ["From10000To29999"] = 1, ["From30000To49999"] = 0, ["From50000To99999"] = 0,
            ["From100000To299999"] = 1, ["From300000"] = 0, ["Unknown"] = 1,
        },
        Counts(Report.ByAmountBand));

    [Fact]
    public void GroupsOutcomesAndDeclinesByReason()
    {
        var outcomes = Counts(Report.ByOutcome);
        Assert.Equal(2, outcomes[OutcomeGroups.Open]);
        Assert.Equal(1, outcomes["Resolved"]);
        Assert.Equal(1, outcomes["NoReply"]);
        Assert.Equal(1, outcomes["DeclinedCounterfeit"]);
        Assert.Equal(5, outcomes.Values.Sum());
    }

    [Fact]
    public void MeasuresEachPartnersAnswerRateAndTimeInBusinessDays()
    {
        Assert.Equal(
            [new PartnerAnswers("CASE", 1, 1, new Duration(1, 2, 2)), new PartnerAnswers("CBBB", 1, 1, new Duration(1, 5, 5)), new PartnerAnswers("SOSA", 1, 0, new Duration(0, null, null))],
            Report.Partners);
        Assert.Equal([100, 100, 0], Report.Partners.Select(p => p.AnswerRatePercent));
    }

    [Fact]
    public void MeasuresTheTimesToTheFirstActionAndToClosingInBusinessDays()
    {
        Assert.Equal(new Duration(3, 1, 2), Report.ToFirstAction);
        Assert.Equal(new Duration(3, 10, 15), Report.ToClosing);
    }

    [Fact]
    public void CountsTheOverdueCases() => Assert.Equal(1, Report.Overdue);

    [Fact]
    public void PercentilesAreNearestRank()
    {
        Assert.Equal(new Duration(10, 5, 9), StatisticsReport.DurationOf([.. Enumerable.Range(1, 10)]));
        Assert.Equal(new Duration(1, 7, 7), StatisticsReport.DurationOf([7]));
        Assert.Equal(new Duration(0, null, null), StatisticsReport.DurationOf([]));

        // The same from how many cases took each number of days (as the counts kept per month give them).
        Assert.Equal(StatisticsReport.DurationOf([1, 1, 1, 5, 9, 9, 2]), StatisticsReport.DurationOfCounts([(9, 2), (1, 3), (5, 1), (2, 1), (4, 0)]));
        Assert.Equal(new Duration(0, null, null), StatisticsReport.DurationOfCounts([(3, 0)]));
    }
}
