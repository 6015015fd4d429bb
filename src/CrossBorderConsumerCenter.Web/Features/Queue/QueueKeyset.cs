using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// Keyset paging (never OFFSET): a page starts just past the cursor of the last row shown, ordered by the sort key then
/// the id, so a page costs the same on the thousandth page as on the first and rows never repeat or go missing.
/// </summary>
public static class QueueKeyset
{
    /// <summary>Whether a cursor's key reads as a key of that sort (a tampered token is ignored, not an error).</summary>
    public static bool IsValidKey(QueueSort sort, string key) => sort switch
    {
        QueueSort.Received or QueueSort.Due or QueueSort.Activity => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks,
        QueueSort.Status or QueueSort.Priority => short.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        QueueSort.RightsDeadline => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber,
        _ => key.Length <= 1000,
    };

    /// <summary>The cursor that starts a page just past (or, going back, just before) this row in the criteria's sort.</summary>
    public static QueueCursor Cursor(QueueCriteria criteria, ListCases.Row row) => new(criteria.Sort, criteria.Descending, criteria.Sort switch
    {
        QueueSort.Received => Ticks(row.ReceivedAt),
        QueueSort.Number => row.Number,
        QueueSort.Status => row.StatusOrder.ToString(CultureInfo.InvariantCulture),
        QueueSort.Priority => row.PriorityOrder.ToString(CultureInfo.InvariantCulture),
        QueueSort.Due => Ticks(row.DueOrder),
        QueueSort.Merchant => row.BusinessName,
        QueueSort.RightsDeadline => row.DeadlineOrder.DayNumber.ToString(CultureInfo.InvariantCulture),
        _ => Ticks(row.LastActivityAt),
    }, row.Id);

    /// <summary>Ordered by the sort key then the id, from just past the cursor: one row-value comparison that an index range answers.</summary>
    public static IQueryable<Case> Seek(IQueryable<Case> cases, QueueSort sort, bool descending, QueueCursor? cursor) => sort switch
    {
        QueueSort.Received => Seek(cases, c => c.ReceivedAt, descending, cursor, Time),
        QueueSort.Number => Seek(cases, c => c.Number, descending, cursor, k => k),
        QueueSort.Status => Seek(cases, c => EF.Property<short>(c, CaseQueueColumns.StatusOrder), descending, cursor, Short),
        QueueSort.Priority => Seek(cases, c => EF.Property<short>(c, CaseQueueColumns.PriorityOrder), descending, cursor, Short),
        QueueSort.Due => Seek(cases, c => EF.Property<DateTimeOffset>(c, CaseQueueColumns.DueOrder), descending, cursor, Time),
        QueueSort.Merchant => Seek(cases, c => EF.Functions.Collate(c.BusinessName, CaseQueueColumns.MerchantCollation), descending, cursor, k => k),
        QueueSort.RightsDeadline => Seek(cases, c => EF.Property<DateOnly>(c, CaseQueueColumns.DeadlineOrder), descending, cursor, Day),
        _ => Seek(cases, c => c.LastActivityAt, descending, cursor, Time),
    };

    /// <summary>A time key of a cursor (UTC ticks).</summary>
    public static DateTimeOffset Time(string key) => new(long.Parse(key, CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static IQueryable<Case> Seek<TKey>(IQueryable<Case> cases, Expression<Func<Case, TKey>> key, bool descending, QueueCursor? cursor, Func<string, TKey> parse)
    {
        if (cursor is not null)
        {
            // (key, id) > (@key, @id): the bound's values are read from a closure, so EF sends them as parameters.
            var bound = new Bound<TKey>(parse(cursor.Key), cursor.Id);
            var row = key.Parameters[0];
            var rowValue = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), [typeof(TKey), typeof(Guid)], key.Body, Expression.Property(row, nameof(Case.Id)));
            var boundValue = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), [typeof(TKey), typeof(Guid)],
                Expression.Property(Expression.Constant(bound), nameof(Bound<TKey>.Key)), Expression.Property(Expression.Constant(bound), nameof(Bound<TKey>.Id)));
            var comparison = Expression.Call(
                typeof(NpgsqlDbFunctionsExtensions),
                descending ? nameof(NpgsqlDbFunctionsExtensions.LessThan) : nameof(NpgsqlDbFunctionsExtensions.GreaterThan),
                null,
                Expression.Property(null, typeof(EF), nameof(EF.Functions)),
                Expression.Convert(rowValue, typeof(ITuple)),
                Expression.Convert(boundValue, typeof(ITuple)));
            cases = cases.Where(Expression.Lambda<Func<Case, bool>>(comparison, row));
        }

        return descending ? cases.OrderByDescending(key).ThenByDescending(c => c.Id) : cases.OrderBy(key).ThenBy(c => c.Id);
    }

    private sealed record Bound<TKey>(TKey Key, Guid Id);

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static DateOnly Day(string key) => DateOnly.FromDayNumber(int.Parse(key, CultureInfo.InvariantCulture));

    private static short Short(string key) => short.Parse(key, CultureInfo.InvariantCulture);
}
