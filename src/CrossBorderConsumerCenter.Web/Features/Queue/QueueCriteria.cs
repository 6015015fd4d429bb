using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using Microsoft.AspNetCore.WebUtilities;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>Which cases the queue shows: those needing action (the default) or all of them.</summary>
public enum QueueView
{
    NeedsAction,
    All,
}

/// <summary>The queue's sortable columns. Ascending is the order a person would start with (oldest, most urgent, soonest due, A→Z).</summary>
public enum QueueSort
{
    Received,
    Number,
    Status,
    Priority,
    Due,
    Merchant,
    Activity,

    /// <summary>The consumer's nearest time-limited right (<see cref="TimeLimitedRights"/>): soonest first, cases without one last.</summary>
    RightsDeadline,
}

/// <summary>
/// The queue's query string, every value as typed: a bookmarkable, shareable view. <see cref="QueueCriteria.Parse"/>
/// reads it leniently; a value it does not understand is ignored (and named on the page), never an error.
/// </summary>
public sealed class QueueQuery
{
    public string? View { get; set; }
    public string[]? Status { get; set; }
    public string? Category { get; set; }
    public string? Country { get; set; }
    public string? Agency { get; set; }
    public string? Platform { get; set; }
    public string? Priority { get; set; }
    public string? Assignee { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Overdue { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public string? Dir { get; set; }
    public string? After { get; set; }
    public string? Before { get; set; }
}

/// <summary>A page boundary: the sort key and id of the last (or first) row shown, as text (see <see cref="QueueCriteria.Encode"/>).</summary>
public sealed record QueueCursor(QueueSort Sort, bool Descending, string Key, Guid Id);

/// <summary>The queue's filters, search, sort and page, understood. Links are built from it (<see cref="Href"/>).</summary>
public sealed record QueueCriteria
{
    public const string Path = "/staff/cases";

    /// <summary>Assignee values besides a user id.</summary>
    public const string Me = "me";
    public const string Unassigned = "none";

    public QueueView View { get; init; } = QueueView.NeedsAction;
    public IReadOnlyList<CaseStatus> Statuses { get; init; } = [];
    public CaseCategory? Category { get; init; }
    public string? Country { get; init; }
    public PartnerListing? Agency { get; init; }
    public PurchasePlatform? Platform { get; init; }
    public CasePriority? Priority { get; init; }

    /// <summary><see cref="Me"/>, <see cref="Unassigned"/>, a user id, or null for anyone.</summary>
    public string? Assignee { get; init; }

    /// <summary>Received on or after this day, Japan time.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Received on or before this day, Japan time.</summary>
    public DateOnly? To { get; init; }

    public bool OverdueOnly { get; init; }

    /// <summary>The search box as typed (trimmed, cut to its limit).</summary>
    public string? Search { get; init; }

    public QueueSort Sort { get; init; } = QueueSort.Received;
    public bool Descending { get; init; }
    public QueueCursor? After { get; init; }
    public QueueCursor? Before { get; init; }

    public CaseSearchTerm Term => CaseSearchText.Parse(Search);

    /// <summary>True when a filter of the "filters and order" form narrows the list (the search box and the view are not among them).</summary>
    public bool HasFilters => Statuses.Count > 0 || Category is not null || Country is not null || Agency is not null || Platform is not null
        || Priority is not null || Assignee is not null || From is not null || To is not null || OverdueOnly;

    public static (QueueCriteria Criteria, IReadOnlyList<string> Ignored) Parse(QueueQuery query, PartnerRegistry partners)
    {
        var ignored = new List<string>();
        T? Read<T>(string name, string? text, Func<string, T?> parse)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return default;
            }

            var value = parse(text.Trim());
            if (value is null)
            {
                ignored.Add(name);
            }

            return value;
        }

        var statuses = (query.Status ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => ParseEnum<CaseStatus>(s.Trim())).ToList();
        if (statuses.Any(s => s is null))
        {
            ignored.Add("status");
        }

        var sort = Read("sort", query.Sort, ParseEnum<QueueSort>) ?? QueueSort.Received;
        var descending = Read("dir", query.Dir, d => d.ToLowerInvariant() switch { "asc" => (bool?)false, "desc" => true, _ => null }) ?? false;
        var search = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
        var criteria = new QueueCriteria
        {
            View = Read("view", query.View, v => v.ToLowerInvariant() switch { "action" => (QueueView?)QueueView.NeedsAction, "all" => QueueView.All, _ => null }) ?? QueueView.NeedsAction,
            Statuses = [.. statuses.OfType<CaseStatus>().Distinct().Order()],
            Category = Read("category", query.Category, ParseEnum<CaseCategory>),
            Country = Read("country", query.Country, c => Countries.Find(c.ToUpperInvariant())?.Code),
            Agency = Read("agency", query.Agency, a => partners.All.FirstOrDefault(x => string.Equals(x.Code, a, StringComparison.OrdinalIgnoreCase))),
            Platform = Read("platform", query.Platform, ParseEnum<PurchasePlatform>),
            Priority = Read("priority", query.Priority, ParseEnum<CasePriority>),
            Assignee = Read("assignee", query.Assignee, a => a.ToLowerInvariant() is Me or Unassigned ? a.ToLowerInvariant() : Guid.TryParse(a, out var id) ? id.ToString() : null),
            From = Read("from", query.From, ParseDate),
            To = Read("to", query.To, ParseDate),
            OverdueOnly = Read("overdue", query.Overdue, o => o.ToLowerInvariant() is "1" or "true" or "on" ? (bool?)true : o is "0" or "false" ? false : null) ?? false,
            Search = TextInput.ClipOrNull(search, CaseSearchText.MaxTermLength),
            Sort = sort,
            Descending = descending,
        };

        // A page boundary only means something for the order it was taken in; after a sort change it is dropped.
        var after = Read("after", query.After, Decode);
        var before = Read("before", query.Before, Decode);
        return (criteria with
        {
            After = after is { } a && a.Sort == sort && a.Descending == descending ? a : null,
            Before = after is null && before is { } b && b.Sort == sort && b.Descending == descending ? b : null,
        }, ignored);
    }

    /// <summary>The link to this view: defaults left out, so the plain address is the needs-action view.</summary>
    /// <remarks>
    /// A queue page builds about 25 of these (presets, counts, sort headers, pages), so the query string is written into
    /// one builder, encoded as <c>QueryHelpers.AddQueryString</c> encodes it (a test compares the two), without the list
    /// of pairs and the LINQ around it.
    /// </remarks>
    public string Href()
    {
        var query = new StringBuilder(Path, 128);
        Add(query, "view", View == QueueView.All ? "all" : null);
        foreach (var status in Statuses)
        {
            Add(query, "status", status.ToString());
        }

        Add(query, "category", Category?.ToString());
        Add(query, "country", Country);
        Add(query, "agency", Agency?.Code);
        Add(query, "platform", Platform?.ToString());
        Add(query, "priority", Priority?.ToString());
        Add(query, "assignee", Assignee);
        Add(query, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "overdue", OverdueOnly ? "1" : null);
        Add(query, "q", Search);
        Add(query, "sort", Sort == QueueSort.Received ? null : Sort.ToString().ToLowerInvariant());
        Add(query, "dir", Descending ? "desc" : null);
        Add(query, "after", After is null ? null : Encode(After));
        Add(query, "before", Before is null ? null : Encode(Before));
        return query.ToString();
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        // The names are plain ASCII; the values are encoded as QueryHelpers does (UrlEncoder.Default).
        query.Append(query.Length == Path.Length ? '?' : '&').Append(name).Append('=').Append(UrlEncoder.Default.Encode(value));
    }

    /// <summary>The same view from its first page.</summary>
    public QueueCriteria FirstPage() => this with { After = null, Before = null };

    /// <summary>Sorted by a column: the other direction when it already is, else ascending; from the first page.</summary>
    public QueueCriteria SortedBy(QueueSort sort) => FirstPage() with { Sort = sort, Descending = Sort == sort && !Descending };

    /// <summary>The cursor as a URL-safe token: sort, direction, key and id.</summary>
    public static string Encode(QueueCursor cursor) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(string.Join('\n', cursor.Sort, cursor.Descending ? "d" : "a", cursor.Key, cursor.Id.ToString("N"))));

    private static QueueCursor? Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)).Split('\n');
            return parts is [var sort, var dir and ("a" or "d"), var key, var id]
                && ParseEnum<QueueSort>(sort) is { } s && Guid.TryParseExact(id, "N", out var guid) && QueueKeyset.IsValidKey(s, key)
                ? new QueueCursor(s, dir == "d", key, guid)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static T? ParseEnum<T>(string text) where T : struct, Enum =>
        !text.All(char.IsAsciiLetter) ? null : Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : null;

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
