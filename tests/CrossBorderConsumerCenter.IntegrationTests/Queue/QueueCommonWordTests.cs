using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>A word found in more cases than the search counts: listed a page at a time all the same, not counted per status.</summary>
public class QueueCommonWordTests(QueueCommonWordTests.Fixture portal) : IClassFixture<QueueCommonWordTests.Fixture>
{
    public sealed class Fixture : QueueFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var cases = await QueueCases.AddAsync(Factory, new QueueCase { WhatHappened = "商品が届きません。返金を求めます。" });
            await QueueCases.CloneAsync(Factory, cases[0], ListCases.SearchLimit + 100);
        }
    }

    [Fact]
    public async Task TheCasesAreListedAPageAtATimeAndThePageSaysTheyWereNotCounted()
    {
        var page = await portal.Me.GetOkAsync("/staff/cases?q=" + Uri.EscapeDataString("返金を求め"));

        Assert.Equal(ListCases.PageSize, QueueFixture.ListedNumbers(page).Count);
        Assert.Contains("該当する相談: 5,000件以上", page.MainText, StringComparison.Ordinal);
        Assert.Contains("状態ごとには数えていません", page.MainText, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".queue-counts__number"));

        var next = await portal.Me.GetOkAsync(page.Find("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(ListCases.PageSize, QueueFixture.ListedNumbers(next).Count);
        Assert.Empty(QueueFixture.ListedNumbers(next).Intersect(QueueFixture.ListedNumbers(page)));
    }
}
