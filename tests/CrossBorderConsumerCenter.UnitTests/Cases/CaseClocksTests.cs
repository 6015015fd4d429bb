using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

public class CaseClocksTests
{
    private static DateTimeOffset Japan(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData(2026, 11, 20, 10, 2026, 11, 25)] // Friday: Tue 24 is the 1st business day after the holiday Monday, Wed 25 the 2nd
    [InlineData(2026, 11, 20, 23, 2026, 11, 25)] // late Friday night is still Friday in Japan
    [InlineData(2026, 12, 25, 9, 2027, 1, 4)]    // across the year-end closure: Mon 28 Dec, then Mon 4 Jan
    [InlineData(2026, 5, 1, 9, 2026, 5, 8)]      // across Golden Week
    public void TriageIsDueAtOfficeCloseOnTheSecondBusinessDay(int y, int m, int d, int h, int dy, int dm, int dd) =>
        Assert.Equal(Japan(dy, dm, dd, 17, 45), CaseClocks.TriageDue(Japan(y, m, d, h)));

    [Fact]
    public void AReceivedAtJustBeforeMidnightUtcCountsFromTheJapanDate()
    {
        // 2026-11-22 20:00 UTC is Monday 23 Nov (a holiday) 05:00 in Japan.
        var due = CaseClocks.TriageDue(new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(Japan(2026, 11, 25, 17, 45), due);
    }

    [Fact]
    public void TheConsumerHasSevenCalendarDays() =>
        Assert.Equal(Japan(2026, 12, 31, 10), CaseClocks.ConsumerReplyDue(Japan(2026, 12, 24, 10)));

    [Theory]
    [InlineData(CaseStatus.Received, true)]
    [InlineData(CaseStatus.InProgress, true)]
    [InlineData(CaseStatus.WaitingForConsumer, true)]
    [InlineData(CaseStatus.PartnerResponded, true)]
    [InlineData(CaseStatus.Forwarded, false)]
    [InlineData(CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Declined, false)]
    public void EachOpenStatusButForwardedGetsItsOwnDeadline(CaseStatus status, bool hasDeadline) =>
        Assert.Equal(hasDeadline, CaseClocks.DueOnEntering(status, TestTime.Today) is not null);
}
