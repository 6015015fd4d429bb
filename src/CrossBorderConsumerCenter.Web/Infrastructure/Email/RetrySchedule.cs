namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// When to try a message again after a temporary failure: exponential backoff with full jitter between
/// <see cref="MinDelay"/> and a ceiling that doubles with every failed attempt up to <see cref="MaxDelay"/>,
/// so that a backlog after an outage does not hit the server all at once. After <see cref="RetryPeriod"/>
/// (counted from when the message was enqueued or sent again by staff) it gives up: the message is dead-lettered.
/// The last retry is placed at the end of the period, so the period is used in full.
/// </summary>
public sealed record RetrySchedule(TimeSpan MinDelay, TimeSpan MaxDelay, TimeSpan RetryPeriod)
{
    /// <summary>The next attempt's time, or null when the retry period is over.</summary>
    /// <param name="failedAttempts">Attempts that failed so far, this one included (1 after the first failure).</param>
    /// <param name="retryingSince">When the message was enqueued, or last sent again by staff.</param>
    /// <param name="now">When this attempt failed.</param>
    /// <param name="random">A uniformly distributed number in [0, 1): the jitter.</param>
    public DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset retryingSince, DateTimeOffset now, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(random);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(random, 1.0);

        var giveUpAt = retryingSince + RetryPeriod;
        if (now >= giveUpAt)
        {
            return null;
        }

        var next = now + MinDelay + ((Ceiling(failedAttempts) - MinDelay) * random);
        return next < giveUpAt ? next : giveUpAt;
    }

    /// <summary>The longest wait after the given number of failed attempts: MinDelay × 2^attempts, at most MaxDelay.</summary>
    public TimeSpan Ceiling(int failedAttempts)
    {
        // In double seconds: 2^attempts grows past any TimeSpan (to infinity), which simply means MaxDelay.
        var seconds = MinDelay.TotalSeconds * Math.Pow(2, failedAttempts);
        return seconds < MaxDelay.TotalSeconds ? TimeSpan.FromSeconds(seconds) : MaxDelay;
    }
}
