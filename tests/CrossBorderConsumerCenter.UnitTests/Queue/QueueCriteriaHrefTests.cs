using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Queue;
using Microsoft.AspNetCore.WebUtilities;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>The queue's links are written by hand for speed; they must read exactly as QueryHelpers wrote them.</summary>
public class QueueCriteriaHrefTests
{
    private static readonly PartnerListing Agency = new(1, "CCJ-CN", "China Agency", "中国の機関", [], IsActive: true, HasAddresses: true, "zh", 10);

    public static TheoryData<string, QueueCriteria> Views() => new()
    {
        { "default", new QueueCriteria() },
        { "all", new QueueCriteria { View = QueueView.All } },
        { "statuses", new QueueCriteria { Statuses = [CaseStatus.Received, CaseStatus.Forwarded] } },
        { "every filter", new QueueCriteria
        {
            View = QueueView.All, Statuses = [CaseStatus.InProgress], Category = CaseCategory.NotDelivered, Country = "CN", Agency = Agency,
            Platform = PurchasePlatform.Amazon, Priority = CasePriority.Urgent, Assignee = QueueCriteria.Me,
            From = new DateOnly(2026, 1, 2), To = new DateOnly(2026, 12, 31), OverdueOnly = true,
            Sort = QueueSort.Merchant, Descending = true,
        } },
        { "search with reserved characters", new QueueCriteria { Search = "山田 太郎 & co?=#+%/ taro@example.jp" } },
        { "cursor", new QueueCriteria { Sort = QueueSort.Due, After = new QueueCursor(QueueSort.Due, false, "638000000000000000", Guid.Parse("01a1c1ff-9d76-7886-98d6-5ed807707027")) } },
        { "cursor back", new QueueCriteria { Descending = true, Before = new QueueCursor(QueueSort.Received, true, "名前\n", Guid.Empty) } },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void HrefReadsAsQueryHelpersWouldWriteIt(string view, QueueCriteria criteria)
    {
        Assert.Equal(Expected(criteria), criteria.Href());
        Assert.NotNull(view);
    }

    [Fact]
    public void DefaultViewIsThePlainAddress() => Assert.Equal("/staff/cases", new QueueCriteria().Href());

    /// <summary>The implementation with QueryHelpers, before the links were written by hand, kept here as the reference.</summary>
    private static string Expected(QueueCriteria c)
    {
        var values = new List<KeyValuePair<string, string?>> { new("view", c.View == QueueView.All ? "all" : null) };
        values.AddRange(c.Statuses.Select(s => new KeyValuePair<string, string?>("status", s.ToString())));
        values.Add(new("category", c.Category?.ToString()));
        values.Add(new("country", c.Country));
        values.Add(new("agency", c.Agency?.Code));
        values.Add(new("platform", c.Platform?.ToString()));
        values.Add(new("priority", c.Priority?.ToString()));
        values.Add(new("assignee", c.Assignee));
        values.Add(new("from", c.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        values.Add(new("to", c.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        values.Add(new("overdue", c.OverdueOnly ? "1" : null));
        values.Add(new("q", c.Search));
        values.Add(new("sort", c.Sort == QueueSort.Received ? null : c.Sort.ToString().ToLowerInvariant()));
        values.Add(new("dir", c.Descending ? "desc" : null));
        values.Add(new("after", c.After is null ? null : QueueCriteria.Encode(c.After)));
        values.Add(new("before", c.Before is null ? null : QueueCriteria.Encode(c.Before)));
        return QueryHelpers.AddQueryString(QueueCriteria.Path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
