namespace CrossBorderConsumerCenter.Web.Infrastructure.Database;

/// <summary>
/// Work a feature does after `migrate` applied the migrations, so that the first page after an upgrade does not do it (the
/// statistics count the cases a migration marked). Features register theirs; `migrate` runs each in a scope of its own.
/// </summary>
public interface IAfterMigration
{
    /// <summary>What was done, for the log (e.g. "Statistics: 1000000 cases counted").</summary>
    Task<string> RunAsync(CancellationToken ct);
}
