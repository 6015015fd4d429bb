using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ReplyTemplates;

/// <summary>An active template as the case page offers it.</summary>
public sealed record ReplyTemplateChoice(Guid Id, string Name, CaseAction Action, string JapaneseText, string EnglishText)
{
    public string TextIn(string language) => Domain.Reference.Languages.IsJapanese(language) ? JapaneseText : EnglishText;
}

/// <summary>
/// The active reply templates, as the case page offers them on every view. A snapshot is kept for
/// <see cref="CacheFor"/> (as the partner registry is, so a case page view reads nothing more): an admin's change shows
/// at once in the instance that made it and within that time in the others. Using a template reads it afresh
/// (<see cref="FindAsync"/>).
/// </summary>
public sealed class ReplyTemplateDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private Snapshot? _snapshot;

    /// <summary>The active templates for an action, by name.</summary>
    public async Task<IReadOnlyList<ReplyTemplateChoice>> ForAsync(CaseAction action, CancellationToken ct) =>
        [.. (await CurrentAsync(ct)).Where(t => t.Action == action)];

    public async Task<IReadOnlyList<ReplyTemplateChoice>> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } kept && now >= kept.LoadedAt && now - kept.LoadedAt < CacheFor)
        {
            return kept.Templates;
        }

        await using var scope = scopes.CreateAsyncScope();
        var templates = await Active(scope.ServiceProvider.GetRequiredService<AppDbContext>()).ToListAsync(ct);
        Volatile.Write(ref _snapshot, new Snapshot(templates, now));
        return templates;
    }

    /// <summary>Forget the snapshot: the next read loads the templates again (after an admin's change).</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    /// <summary>An active template for the action, as it is in the database now; null when there is none (or it was deactivated meanwhile).</summary>
    public static Task<ReplyTemplateChoice?> FindAsync(AppDbContext db, Guid id, CaseAction action, CancellationToken ct) =>
        Active(db.ReplyTemplates.Where(t => t.Id == id && t.Action == action)).SingleOrDefaultAsync(ct);

    private static IQueryable<ReplyTemplateChoice> Active(AppDbContext db) => Active(db.ReplyTemplates);

    private static IQueryable<ReplyTemplateChoice> Active(IQueryable<Domain.Replies.ReplyTemplate> templates) =>
        templates.AsNoTracking()
            .Where(t => t.IsActive)
            .OrderBy(t => t.Name)
            .Select(t => new ReplyTemplateChoice(t.Id, t.Name, t.Action, t.JapaneseText, t.EnglishText));

    private sealed record Snapshot(IReadOnlyList<ReplyTemplateChoice> Templates, DateTimeOffset LoadedAt);
}
