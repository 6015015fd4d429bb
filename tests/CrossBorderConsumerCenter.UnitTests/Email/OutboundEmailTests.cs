using CrossBorderConsumerCenter.Web.Data.Email;

namespace CrossBorderConsumerCenter.UnitTests.Email;

/// <summary>Which messages staff may send again, and what sending again does.</summary>
public class OutboundEmailTests
{
    private static readonly DateTimeOffset Enqueued = TestTime.Today;

    [Theory]
    [InlineData(OutboundEmailState.Pending, 0, false)]
    [InlineData(OutboundEmailState.Pending, 1, true)]
    [InlineData(OutboundEmailState.Pending, 7, true)]
    [InlineData(OutboundEmailState.Sending, 0, false)]
    [InlineData(OutboundEmailState.Sending, 3, false)]
    [InlineData(OutboundEmailState.Sent, 1, false)]
    [InlineData(OutboundEmailState.Sent, 4, false)]
    [InlineData(OutboundEmailState.DeadLettered, 1, true)]
    [InlineData(OutboundEmailState.DeadLettered, 30, true)]
    public void OnlyFailingAndDeadLetteredMessagesCanBeSentAgain(OutboundEmailState state, int attempts, bool allowed)
    {
        var email = Email(state, attempts);
        Assert.Equal(allowed, email.CanBeSentAgain);
        if (!allowed)
        {
            Assert.Throws<InvalidOperationException>(() => email.SendAgain(Enqueued.AddDays(3)));
            Assert.Equal((state, attempts), (email.State, email.Attempts));
        }
    }

    [Theory]
    [InlineData(OutboundEmailState.Pending, 2)]
    [InlineData(OutboundEmailState.DeadLettered, 9)]
    public void SendingAgainMakesItDueNowWithAFreshRetryPeriod(OutboundEmailState state, int attempts)
    {
        var email = Email(state, attempts);
        email.LastError = "550 Mailbox unavailable";
        var now = Enqueued.AddDays(3);

        email.SendAgain(now);

        Assert.Equal((OutboundEmailState.Pending, 0, now, now), (email.State, email.Attempts, email.NextAttemptAt, email.RetryingSince));
        Assert.Equal("550 Mailbox unavailable", email.LastError);
        Assert.Equal(Enqueued, email.CreatedAt);
    }

    private static OutboundEmail Email(OutboundEmailState state, int attempts) =>
        new(Guid.NewGuid(), "<x@ccj.test>", ["taro@example.jp"], [], null, "件名", "本文", "<p>本文</p>", "ja", "Test", null, Enqueued)
        {
            State = state,
            Attempts = attempts,
        };
}
