using System.Diagnostics;

namespace CrossBorderConsumerCenter.Testing;

/// <summary>Waits for something that happens in the background (a message arriving, a row changing state).</summary>
public static class Eventually
{
    /// <summary>Checks <paramref name="condition"/> every 100 ms until it holds; fails with <paramref name="failure"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException(failure());
            }

            await Task.Delay(100);
        }
    }
}
