using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>
/// Reads the <see cref="CaseFacts"/> of the cases received in a period, and nothing else: of a case its coded columns
/// (country, category, platform, payment method, amount and currency for the band, prefecture, age band, status,
/// outcome, decline reason) and its times (received, closed, deadline); of its timeline the kind, actor kind and time of
/// events (never their text or particulars); of its records of provision the agency's code and the time. These are the
/// columns that removing personal data from an old case leaves in place, so the figures do not change when it happens.
/// </summary>
public static class ReadCaseFacts
{
    private sealed record Row(
        Guid Id, DateTimeOffset ReceivedAt, string Country, CaseCategory Category, PurchasePlatform Platform, PaymentMethod Payment,
        decimal Amount, string Currency, string Prefecture, AgeBand AgeBand, CaseStatus Status, CaseOutcome? Outcome,
        DeclineReason? DeclineReason, DateTimeOffset? ClosedAt, DateTimeOffset? DueAt, DateTimeOffset? FirstActionAt,
        string? PartnerCode, DateTimeOffset? ForwardedAt, DateTimeOffset? AnsweredAt);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        /// <summary>The facts of every case received in <paramref name="period"/>.</summary>
        public async Task<IReadOnlyList<CaseFacts>> HandleAsync(StatisticsPeriod period, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var (start, end) = (JapanMidnight(period.From), JapanMidnight(period.To.AddDays(1)));
            var rows = await Rows(db, db.Cases.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end)).ToListAsync(ct);
            return [.. rows.Select(r => ToFacts(r, now))];
        }

        /// <summary>The facts of the cases <paramref name="ids"/> that exist, by id.</summary>
        public async Task<Dictionary<Guid, CaseFacts>> ByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var rows = await Rows(db, db.Cases.Where(c => ids.Contains(c.Id))).ToListAsync(ct);
            return rows.ToDictionary(r => r.Id, r => ToFacts(r, now));
        }
    }

    private static IQueryable<Row> Rows(AppDbContext db, IQueryable<Case> cases) => cases.AsNoTracking()
        .Select(c => new Row(
            c.Id, c.ReceivedAt, c.BusinessCountryCode, c.Category, c.PurchasePlatform, c.PaymentMethod,
            c.PurchaseAmount, c.PurchaseCurrencyCode, c.ConsumerPrefectureCode, c.ConsumerAgeBand, c.Status, c.Outcome,
            c.DeclineReason, c.ClosedAt, c.DueAt,
            db.CaseEvents.Where(e => e.CaseId == c.Id && e.ActorKind == CaseActorKind.Staff && e.Kind != CaseEventKind.Received).Min(e => (DateTimeOffset?)e.At),
            db.PartnerProvisions.Where(p => p.CaseId == c.Id).OrderBy(p => p.ProvidedAt).Select(p => p.AgencyCode).FirstOrDefault(),
            db.PartnerProvisions.Where(p => p.CaseId == c.Id).Min(p => (DateTimeOffset?)p.ProvidedAt),
            db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.PartnerResponded).Min(e => (DateTimeOffset?)e.At)));

    private static CaseFacts ToFacts(Row r, DateTimeOffset now) => new(
        JapanDay(r.ReceivedAt), r.Country, r.Category, r.Platform, r.Payment, AmountBands.Of(r.Amount, r.Currency), r.Prefecture,
        r.AgeBand, r.Status, r.Outcome, r.DeclineReason, JapanDay(r.ClosedAt), JapanDay(r.FirstActionAt),
        CaseQueueRules.IsOverdue(r.Status, r.DueAt, now), r.PartnerCode, JapanDay(r.ForwardedAt), JapanDay(r.AnsweredAt));

    /// <summary>The start of a day in Japan, as a UTC instant.</summary>
    public static DateTimeOffset JapanMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), LocalizationRegistration.JapanTime.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    public static DateOnly JapanDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, LocalizationRegistration.JapanTime).DateTime);

    private static DateOnly? JapanDay(DateTimeOffset? at) => at is { } value ? JapanDay(value) : null;
}
