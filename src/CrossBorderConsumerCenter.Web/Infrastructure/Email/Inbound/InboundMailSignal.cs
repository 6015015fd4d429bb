namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>
/// Tells whoever processes stored messages that a new one is there, so that it is processed at once rather than at
/// the next look. A notification wakes one waiter; one given while nobody waits is kept for the next wait, so a message
/// stored between two waits is never left for the whole interval. The interval stays as a safety net: rows stored by
/// another instance of the portal do not notify this one.
/// </summary>
public sealed class InboundMailSignal : IDisposable
{
    private readonly SemaphoreSlim _stored = new(0, 1);
    private readonly Lock _gate = new();

    /// <summary>A message was stored.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            if (_stored.CurrentCount == 0)
            {
                _stored.Release();
            }
        }
    }

    /// <summary>Returns when a message was stored since the last wait (or is stored now), or after <paramref name="max"/>.</summary>
    public async Task WaitAsync(TimeSpan max, CancellationToken ct) => await _stored.WaitAsync(max, ct);

    public void Dispose() => _stored.Dispose();
}
