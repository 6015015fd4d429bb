using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.UnitTests.Accounts;

/// <summary>
/// When the owner of an account is told that its password was accepted and wrong codes followed: once per counting window,
/// at the third wrong code or when the per-account hold-back starts if that comes first; windows are the rate counters'.
/// </summary>
public class SecondFactorAlertTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void TheThirdWrongCodeOfAWindowTellsTheOwnerAndNoneBefore(int wrongCodes, bool due) =>
        Assert.Equal(due, SecondFactorAlert.IsDue(wrongCodes, failuresPerAccount: 10, toldInThisWindow: false));

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(50)]
    public void OnceToldInAWindowLaterWrongCodesAndTheHoldBackDoNotTellAgain(int wrongCodes) =>
        Assert.False(SecondFactorAlert.IsDue(wrongCodes, failuresPerAccount: 10, toldInThisWindow: true));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(10, 3)]
    [InlineData(1000, 3)]
    public void WhenTheHoldBackStartsBeforeTheThirdTheOwnerIsToldWhenItStarts(int failuresPerAccount, int alertAt)
    {
        Assert.Equal(alertAt, SecondFactorAlert.AlertAt(failuresPerAccount));
        Assert.False(SecondFactorAlert.IsDue(alertAt - 1, failuresPerAccount, toldInThisWindow: false));
        Assert.True(SecondFactorAlert.IsDue(alertAt, failuresPerAccount, toldInThisWindow: false));
    }

    [Fact]
    public void WindowsStartAtMultiplesOfTheirLengthSoInstancesAgree()
    {
        var clock = new FakeTimeProvider();
        var start = CountingWindow.StartOf(clock.GetUtcNow(), Window);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(0, start.Minute % 15);
        Assert.Equal(0, start.Second);
        Assert.True(start <= clock.GetUtcNow() && clock.GetUtcNow() < start + Window);

        clock.SetUtcNow(start + Window - TimeSpan.FromTicks(1));
        Assert.Equal(start, CountingWindow.StartOf(clock.GetUtcNow(), Window));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(start + Window, CountingWindow.StartOf(clock.GetUtcNow(), Window));
        Assert.Equal(start + Window, CountingWindow.StartOf(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)), Window));
    }

    [Fact]
    public void WrongCodesEitherSideOfAWindowsEndAreCountedApartAndEachWindowTellsOnce()
    {
        var clock = new FakeTimeProvider();
        var windowEnds = CountingWindow.StartOf(clock.GetUtcNow(), Window) + Window;

        // Two just before the end, two just after: no window reaches three.
        clock.SetUtcNow(windowEnds - TimeSpan.FromSeconds(20));
        var told = WrongCodes(clock, 2, TimeSpan.FromSeconds(5));
        clock.SetUtcNow(windowEnds + TimeSpan.FromSeconds(1));
        told.AddRange(WrongCodes(clock, 2, TimeSpan.FromSeconds(5)));
        Assert.Empty(told);

        // Eight more in the new window: told once, at its third.
        told.AddRange(WrongCodes(clock, 8, TimeSpan.FromSeconds(5)));
        Assert.Equal([3], told);
    }

    private readonly Dictionary<DateTimeOffset, (int WrongCodes, bool Told)> _windows = [];

    /// <summary>What the portal does at each wrong code: count it in its window, tell the owner if due. Returns the counts at which the owner was told.</summary>
    private List<int> WrongCodes(FakeTimeProvider clock, int count, TimeSpan apart)
    {
        var told = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var window = CountingWindow.StartOf(clock.GetUtcNow(), Window);
            var (wrong, alreadyTold) = _windows.GetValueOrDefault(window);
            wrong++;
            var due = SecondFactorAlert.IsDue(wrong, failuresPerAccount: 10, alreadyTold);
            if (due)
            {
                told.Add(wrong);
            }

            _windows[window] = (wrong, alreadyTold || due);
            clock.Advance(apart);
        }

        return told;
    }
}
