using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// "Needs action" in SQL, written from the rule's one statement (<see cref="CaseQueueRules.WhenActionIsNeeded"/>): the
/// statuses as constants, so PostgreSQL can use the partial indexes of open cases. The general path filters and counts
/// with it; the default view (needs action, no filter, no search, oldest first) runs the same statements compiled,
/// without EF Core hashing and funcletizing their expression trees on every request (docs/performance.md).
/// </summary>
public static class NeedsActionView
{
    public sealed record StatusCount(CaseStatus Status, int Count);

    /// <summary>The statuses that can need action (the open ones), and those that always do.</summary>
    private static readonly CaseStatus[] Possible = [.. Enum.GetValues<CaseStatus>().Where(s => CaseQueueRules.WhenActionIsNeeded(s) != ActionNeeded.Never)];

    private static readonly CaseStatus[] Always = [.. Enum.GetValues<CaseStatus>().Where(s => CaseQueueRules.WhenActionIsNeeded(s) == ActionNeeded.Always)];

    /// <summary>Possible, and either always or overdue: <c>status IN (...) AND (status IN (...) OR due_at &lt; @now)</c>.</summary>
    private static readonly Expression<Func<Case, DateTimeOffset, bool>> Rule = BuildRule();

    /// <summary>The cases needing action at <paramref name="now"/> (sent as the parameter @now).</summary>
    public static IQueryable<Case> Of(IQueryable<Case> cases, DateTimeOffset now) =>
        cases.Where(Expression.Lambda<Func<Case, bool>>(Bind(Rule.Body, Rule.Parameters[1], Parameter(() => now)), Rule.Parameters[0]));

    /// <summary>
    /// Cases per status, each count stopping at <paramref name="limit"/>: one query of up to seven index range scans that
    /// never grows with the million closed cases (docs/adr/0030). With <paramref name="needsAction"/>, spelled per status (all
    /// of a status that always needs action, only the overdue ones of the others), which the indexes answer directly.
    /// </summary>
    public static IQueryable<StatusCount> CountPerStatus(IQueryable<Case> cases, bool needsAction, bool openOnly, DateTimeOffset now, int limit) =>
        cases.Provider.CreateQuery<StatusCount>(CountPerStatus(cases.Expression, Parameter(() => now), needsAction, openOnly, limit));

    /// <summary>The default view's counts per status.</summary>
    public static readonly Func<AppDbContext, DateTimeOffset, IAsyncEnumerable<StatusCount>> CompiledCounts = EF.CompileAsyncQuery(
        Compiled<StatusCount>((db, now) => CountPerStatus(CasesOf(db), now, needsAction: true, openOnly: true, ListCases.CountLimit + 1)));

    /// <summary>The default view's first page.</summary>
    public static readonly Func<AppDbContext, DateTimeOffset, IAsyncEnumerable<ListCases.Row>> CompiledFirstRows = EF.CompileAsyncQuery(RulesInlined(
        (AppDbContext db, DateTimeOffset now) => Rows(db.Cases.AsNoTracking(), now)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Take(ListCases.PageSize + 1)
            .Select(ListCases.ToRow)));

    /// <summary>The default view's pages after the first: from just past the last row shown.</summary>
    public static readonly Func<AppDbContext, DateTimeOffset, DateTimeOffset, Guid, IAsyncEnumerable<ListCases.Row>> CompiledRowsAfter = EF.CompileAsyncQuery(RulesInlined(
        (AppDbContext db, DateTimeOffset now, DateTimeOffset afterReceivedAt, Guid afterId) => Rows(db.Cases.AsNoTracking(), now)
            .Where(c => EF.Functions.GreaterThan((ITuple)ValueTuple.Create(c.ReceivedAt, c.Id), (ITuple)ValueTuple.Create(afterReceivedAt, afterId)))
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Take(ListCases.PageSize + 1)
            .Select(ListCases.ToRow)));

    /// <summary>
    /// A marker for compiled queries: the query's tree calls it, and RulesInlined puts the rule in its place
    /// before EF Core sees it (a compiled query cannot take <see cref="EF.Constant{T}(T)"/> or call a method).
    /// </summary>
    private static IQueryable<Case> Rows(IQueryable<Case> cases, DateTimeOffset now) => throw new InvalidOperationException("Only for compiled queries: inlined before EF Core sees it.");

    private static Expression<Func<AppDbContext, DateTimeOffset, IQueryable<T>>> RulesInlined<T>(Expression<Func<AppDbContext, DateTimeOffset, IQueryable<T>>> query) =>
        (Expression<Func<AppDbContext, DateTimeOffset, IQueryable<T>>>)new Inliner().Visit(query);

    private static Expression<Func<AppDbContext, DateTimeOffset, DateTimeOffset, Guid, IQueryable<T>>> RulesInlined<T>(
        Expression<Func<AppDbContext, DateTimeOffset, DateTimeOffset, Guid, IQueryable<T>>> query) =>
        (Expression<Func<AppDbContext, DateTimeOffset, DateTimeOffset, Guid, IQueryable<T>>>)new Inliner().Visit(query);

    private static Expression<Func<Case, DateTimeOffset, bool>> BuildRule()
    {
        var @case = Expression.Parameter(typeof(Case), "c");
        var now = Expression.Parameter(typeof(DateTimeOffset), "now");
        var status = Expression.Property(@case, nameof(Case.Status));
        Expression AnyOf(IEnumerable<CaseStatus> statuses) =>
            statuses.Select(s => (Expression)Expression.Equal(status, Expression.Constant(s))).Aggregate(Expression.OrElse);
        var overdue = Expression.LessThan(Expression.Property(@case, nameof(Case.DueAt)), Expression.Convert(now, typeof(DateTimeOffset?)));
        return Expression.Lambda<Func<Case, DateTimeOffset, bool>>(Expression.AndAlso(AnyOf(Possible), Expression.OrElse(AnyOf(Always), overdue)), @case, now);
    }

    private static MethodCallExpression CountPerStatus(Expression cases, Expression now, bool needsAction, bool openOnly, int limit)
    {
        var perStatus = Enum.GetValues<CaseStatus>()
            .Where(status => !openOnly || CaseWorkflow.IsOpen(status))
            .Where(status => !needsAction || CaseQueueRules.WhenActionIsNeeded(status) != ActionNeeded.Never)
            .Select(status =>
            {
                var @case = Expression.Parameter(typeof(Case), "c");
                Expression condition = Expression.Equal(Expression.Property(@case, nameof(Case.Status)), Expression.Constant(status));
                if (needsAction && CaseQueueRules.WhenActionIsNeeded(status) == ActionNeeded.WhenOverdue)
                {
                    condition = Expression.AndAlso(condition, Expression.LessThan(Expression.Property(@case, nameof(Case.DueAt)), Expression.Convert(now, typeof(DateTimeOffset?))));
                }

                var where = Queryable(nameof(System.Linq.Queryable.Where), [typeof(Case)], cases, Expression.Lambda<Func<Case, bool>>(condition, @case));
                var statuses = Queryable(nameof(System.Linq.Queryable.Select), [typeof(Case), typeof(CaseStatus)], where, (Expression<Func<Case, CaseStatus>>)(c => c.Status));
                return Queryable(nameof(System.Linq.Queryable.Take), [typeof(CaseStatus)], statuses, Expression.Constant(limit));
            })
            .Aggregate((all, next) => Queryable(nameof(System.Linq.Queryable.Concat), [typeof(CaseStatus)], all, next));
        var groups = Queryable(nameof(System.Linq.Queryable.GroupBy), [typeof(CaseStatus), typeof(CaseStatus)], perStatus, (Expression<Func<CaseStatus, CaseStatus>>)(s => s));
        return Queryable(nameof(System.Linq.Queryable.Select), [typeof(IGrouping<CaseStatus, CaseStatus>), typeof(StatusCount)], groups,
            (Expression<Func<IGrouping<CaseStatus, CaseStatus>, StatusCount>>)(g => new StatusCount(g.Key, g.Count())));
    }

    private static MethodCallExpression Queryable(string method, Type[] typeArguments, params Expression[] arguments) =>
        Expression.Call(typeof(Queryable), method, typeArguments, [.. arguments.Select(a => a is LambdaExpression ? Expression.Quote(a) : a)]);

    private static MemberExpression CasesOf(ParameterExpression db) => Expression.Property(db, nameof(AppDbContext.Cases));

    /// <summary>A compiled query's tree, built by <paramref name="body"/> from its two parameters (the context and now).</summary>
    private static Expression<Func<AppDbContext, DateTimeOffset, IQueryable<T>>> Compiled<T>(Func<ParameterExpression, ParameterExpression, Expression> body)
    {
        var db = Expression.Parameter(typeof(AppDbContext), "db");
        var now = Expression.Parameter(typeof(DateTimeOffset), "now");
        return Expression.Lambda<Func<AppDbContext, DateTimeOffset, IQueryable<T>>>(body(db, now), db, now);
    }

    /// <summary>A value read from a closure: EF Core sends it as a parameter named after the variable (@now).</summary>
    private static Expression Parameter<T>(Expression<Func<T>> value) => value.Body;

    private static Expression Bind(Expression body, ParameterExpression parameter, Expression value) => new Replace(parameter, value).Visit(body)!;

    /// <summary>Puts <c>Where(rule)</c> in place of each call of <see cref="Rows"/>.</summary>
    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(NeedsActionView) || node.Method.Name != nameof(Rows))
            {
                return base.VisitMethodCall(node);
            }

            var predicate = Expression.Lambda<Func<Case, bool>>(Bind(Rule.Body, Rule.Parameters[1], Visit(node.Arguments[1])), Rule.Parameters[0]);
            return Queryable(nameof(System.Linq.Queryable.Where), [typeof(Case)], Visit(node.Arguments[0]), predicate);
        }
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
