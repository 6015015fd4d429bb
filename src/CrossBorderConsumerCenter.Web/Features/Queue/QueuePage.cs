namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// What the queue page shows: the list, the signed-in staff member's saved views, and the bulk action and "save this
/// view" forms (as posted, when one is shown again with its errors), with the summary of the last bulk action.
/// </summary>
public sealed record QueuePage(ListCases.Page List, IReadOnlyList<SavedViews.Row> SavedViews)
{
    public BulkCaseAction.Form Bulk { get; init; } = new();

    public SaveView.Form SaveView { get; init; } = new();

    public BulkCaseAction.Summary? Summary { get; init; }

    /// <summary>A one-line message after saving or deleting a view.</summary>
    public string? Flash { get; init; }

    /// <summary>This page's query string ("" or "?..."): the forms post to their address with it, and come back to this view.</summary>
    public string QueryString => List.Criteria.Href()[QueueCriteria.Path.Length..];

    /// <summary>The saved view that is this view (from its first page), if any.</summary>
    public SavedViews.Row? CurrentSavedView => SavedViews.FirstOrDefault(v => v.Href == List.Criteria.FirstPage().Href());
}
