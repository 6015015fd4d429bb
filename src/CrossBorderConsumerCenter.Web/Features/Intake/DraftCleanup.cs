using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// Deletes drafts 24 hours after their last change, with the files of those never submitted: personal
/// data a consumer abandoned is not kept. Submitted drafts only lose their row (their files belong to the
/// case). Safe to run on several instances at once: each run deletes what is expired, nothing more.
/// </summary>
public sealed class DraftCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DraftCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass: returns how many drafts were deleted.</summary>
    public static async Task<int> DeleteExpiredAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var abandonedFiles = db.IntakeDraftFiles
            .Where(f => db.IntakeDrafts.Any(d => d.Id == f.DraftId && d.ExpiresAt <= now && d.SubmittedCaseId == null))
            .Select(f => f.StoredFileId);
        await db.StoredFiles.Where(s => abandonedFiles.Contains(s.Id)).ExecuteDeleteAsync(ct);
        var deleted = await db.IntakeDrafts.Where(d => d.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var deleted = await DeleteExpiredAsync(db, clock.GetUtcNow(), stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired intake drafts", deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the next pass tries again.
                logger.LogWarning(ex, "Deleting expired intake drafts failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
