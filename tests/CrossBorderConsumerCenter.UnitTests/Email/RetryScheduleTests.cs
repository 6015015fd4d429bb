using CrossBorderConsumerCenter.Web.Infrastructure.Email;

namespace CrossBorderConsumerCenter.UnitTests.Email;

public class RetryScheduleTests
{
    private static readonly DateTimeOffset Enqueued = TestTime.Today;
    private static readonly RetrySchedule Default = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromHours(48));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(7, 60)]
    [InlineData(100, 60)]
    [InlineData(int.MaxValue, 60)]
    public void TheCeilingDoublesWithEveryFailureUpToTheMaximum(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Default.Ceiling(failedAttempts));

    [Fact]
    public void AHugeMinimumDelayDoesNotOverflow() =>
        Assert.Equal(TimeSpan.FromDays(30), new RetrySchedule(TimeSpan.FromDays(1), TimeSpan.FromDays(30), TimeSpan.FromDays(60)).Ceiling(1000));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(50)]
    public void WithNoJitterTheNextAttemptIsAfterTheMinimumDelay(int failedAttempts) =>
        Assert.Equal(Enqueued + TimeSpan.FromMinutes(10) + TimeSpan.FromMinutes(1), Default.NextAttempt(failedAttempts, Enqueued, Enqueued + TimeSpan.FromMinutes(10), 0));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(6, 60)]
    [InlineData(50, 60)]
    public void WithTheMostJitterTheNextAttemptApproachesTheCeiling(int failedAttempts, int ceilingMinutes)
    {
        var now = Enqueued + TimeSpan.FromMinutes(10);
        var next = Default.NextAttempt(failedAttempts, Enqueued, now, 0.999999)!.Value;
        Assert.InRange(next - now, TimeSpan.FromMinutes(ceilingMinutes) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(ceilingMinutes));
    }

    [Fact]
    public void JitterSpreadsAttemptsEvenlyBetweenTheMinimumAndTheCeiling()
    {
        var now = Enqueued + TimeSpan.FromMinutes(10);
        Assert.Equal(now + TimeSpan.FromMinutes(4.5), Default.NextAttempt(3, Enqueued, now, 0.5));
        Assert.Equal(now + TimeSpan.FromMinutes(2.75), Default.NextAttempt(3, Enqueued, now, 0.25));
    }

    [Fact]
    public void EveryDelayLiesBetweenTheMinimumAndTheCeiling()
    {
        var random = new Random(20261121);
        var now = Enqueued + TimeSpan.FromHours(1);
        for (var attempts = 1; attempts <= 20; attempts++)
        {
            for (var i = 0; i < 200; i++)
            {
                var delay = Default.NextAttempt(attempts, Enqueued, now, random.NextDouble())!.Value - now;
                Assert.InRange(delay, TimeSpan.FromMinutes(1), Default.Ceiling(attempts));
            }
        }
    }

    [Fact]
    public void TheLastRetryIsPlacedAtTheEndOfTheRetryPeriod()
    {
        var now = Enqueued + TimeSpan.FromHours(47.99);
        Assert.Equal(Enqueued + TimeSpan.FromHours(48), Default.NextAttempt(10, Enqueued, now, 0.5));
    }

    [Fact]
    public void AFailureAtTheEndOfTheRetryPeriodGivesUp()
    {
        Assert.Null(Default.NextAttempt(10, Enqueued, Enqueued + TimeSpan.FromHours(48), 0.5));
        Assert.Null(Default.NextAttempt(10, Enqueued, Enqueued + TimeSpan.FromDays(5), 0));
    }

    [Fact]
    public void ThePeriodCountsFromWhenStaffSentTheMessageAgain()
    {
        var sentAgain = Enqueued + TimeSpan.FromDays(10);
        var now = sentAgain + TimeSpan.FromHours(1);
        Assert.Equal(now + TimeSpan.FromMinutes(1), Default.NextAttempt(1, sentAgain, now, 0));
    }

    [Fact]
    public void AConfiguredPeriodIsHonoured()
    {
        var oneHour = Default with { RetryPeriod = TimeSpan.FromHours(1) };
        Assert.Null(oneHour.NextAttempt(1, Enqueued, Enqueued + TimeSpan.FromHours(1), 0));
        Assert.NotNull(oneHour.NextAttempt(1, Enqueued, Enqueued + TimeSpan.FromMinutes(59), 0));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(-1, 0.5)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.0)]
    public void RefusesArgumentsOutsideTheirRange(int failedAttempts, double random) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.NextAttempt(failedAttempts, Enqueued, Enqueued, random));
}
