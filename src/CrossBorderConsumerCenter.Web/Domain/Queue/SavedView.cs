using System.Text;
using System.Text.RegularExpressions;

namespace CrossBorderConsumerCenter.Web.Domain.Queue;

/// <summary>Why a name cannot be given to a new saved view, in the order they are checked.</summary>
public enum SavedViewProblem
{
    NameEmpty,
    NameTooLong,
    TooMany,
    DuplicateName,
}

/// <summary>
/// A staff member's own view of the queue: its filters and order kept under a name, to open again with one click.
/// Only its owner sees it. Names are compared as a person reads them: spaces folded, full- and half-width forms alike
/// (NFKC), upper and lower case alike, so "ＵＳ 期限切れ" and "us  期限切れ" are one name.
/// </summary>
public sealed partial class SavedView
{
    public const int MaxNameLength = 60;

    /// <summary>A queue query string with every filter chosen is under 1,000 characters; the rest is headroom.</summary>
    public const int MaxQueryLength = 2000;

    /// <summary>More than a screenful of names would no longer be a quick way in.</summary>
    public const int MaxPerOwner = 20;

    private SavedView()
    {
    }

    /// <summary>A view of <paramref name="ownerId"/>; <paramref name="query"/> is the queue's query string as its links write it: empty for the default view, else starting with "?".</summary>
    public SavedView(Guid ownerId, string name, string query, DateTimeOffset now)
    {
        if (Check(name, []) is { } problem)
        {
            throw new ArgumentException($"A saved view's name cannot be used: {problem}.", nameof(name));
        }

        if (query.Length > MaxQueryLength || (query.Length > 0 && query[0] != '?'))
        {
            throw new ArgumentException("A saved view keeps a query string (empty, or starting with '?').", nameof(query));
        }

        Id = Guid.CreateVersion7(now);
        OwnerId = ownerId;
        Name = NormalizeName(name);
        NameKey = KeyOf(Name);
        Query = query;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The name as names are compared (<see cref="KeyOf"/>): one per owner.</summary>
    public string NameKey { get; private set; } = "";

    public string Query { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The name as kept: NFKC, every run of white space one space, trimmed.</summary>
    public static string NormalizeName(string? name) =>
        Spaces().Replace((name ?? "").Normalize(NormalizationForm.FormKC), " ").Trim();

    /// <summary>What two names must differ in to be two names: the kept name in upper case.</summary>
    public static string KeyOf(string? name) => NormalizeName(name).ToUpperInvariant();

    /// <summary>Whether the owner, who already has views named <paramref name="existingNames"/>, may save one more named <paramref name="name"/>.</summary>
    public static SavedViewProblem? Check(string? name, IReadOnlyCollection<string> existingNames)
    {
        var kept = NormalizeName(name);
        if (kept.Length == 0)
        {
            return SavedViewProblem.NameEmpty;
        }

        if (kept.Length > MaxNameLength)
        {
            return SavedViewProblem.NameTooLong;
        }

        if (existingNames.Count >= MaxPerOwner)
        {
            return SavedViewProblem.TooMany;
        }

        var key = KeyOf(kept);
        return existingNames.Any(existing => KeyOf(existing) == key) ? SavedViewProblem.DuplicateName : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
