namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>Wakes the processor when a message has been stored, so it is processed at once rather than at the next look.</summary>
public sealed class InboundMailSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up processes everything due.
        }
    }

    /// <summary>Returns when notified, or after <paramref name="max"/>.</summary>
    public Task WaitAsync(TimeSpan max, CancellationToken ct) => signal.WaitAsync(max, ct);

    public void Dispose() => signal.Dispose();
}
