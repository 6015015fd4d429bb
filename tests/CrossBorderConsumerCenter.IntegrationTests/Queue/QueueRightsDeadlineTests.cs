using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// The queue's "nearest deadline" order: by the earliest last day of the consumer's time-limited rights, fixed when the case
/// was received; cases without one last. Each row names its day.
/// </summary>
public class QueueRightsDeadlineTests(QueueFixture portal) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task CasesComeNearestDeadlineFirstAndThoseWithoutOneLast()
    {
        // All received a day ago, so all bought on the same day: only payment, platform and arrival differ.
        var cases = await QueueCases.AddAsync(portal.Factory,
            new QueueCase { Age = TimeSpan.FromDays(1), Payment = PaymentMethod.Cash, Platform = PurchasePlatform.Other },
            new QueueCase { Age = TimeSpan.FromDays(1), Payment = PaymentMethod.CreditCard },
            new QueueCase { Age = TimeSpan.FromDays(1), Payment = PaymentMethod.CreditCard, ArrivedAfterDays = 5 },
            new QueueCase { Age = TimeSpan.FromDays(1), Payment = PaymentMethod.Cash, Platform = PurchasePlatform.Ebay });
        var (none, card, arrived, ebay) = (cases[0].Number, cases[1].Number, cases[2].Number, cases[3].Number);

        var page = await portal.Me.GetOkAsync(new QueueCriteria { View = QueueView.All, Sort = QueueSort.RightsDeadline }.Href());
        Assert.Equal([arrived, ebay, card, none], QueueFixture.ListedNumbers(page));
        var purchased = cases[0].PurchaseDate;
        Assert.Equal(TestTime.Iso(purchased.AddDays(19)), page.Find($"tr:has(a[href='/staff/cases/{arrived}']) [data-rights-deadline]")!.GetAttribute("data-rights-deadline"));
        Assert.Null(page.Find($"tr:has(a[href='/staff/cases/{none}']) [data-rights-deadline]"));

        var descending = await portal.Me.GetOkAsync(new QueueCriteria { View = QueueView.All, Sort = QueueSort.RightsDeadline, Descending = true }.Href());
        Assert.Equal([none, card, ebay, arrived], QueueFixture.ListedNumbers(descending));
    }

    [Fact]
    public async Task TheSortIsOfferedByName()
    {
        var page = await portal.Me.GetOkAsync(QueueCriteria.Path);
        Assert.Equal("消費者の権利の期限(近い順)", page.Find("#sort option[value='rightsdeadline']")!.TextContent.Trim());
    }
}
