using System.Net;
using System.Net.Sockets;

namespace CrossBorderConsumerCenter.Testing.Smtp;

/// <summary>
/// A server that accepts TCP connections on loopback and never says a word: no greeting, no replies.
/// What a hung or firewalled mail server looks like to a client that has no timeout of its own.
/// </summary>
public sealed class SilentSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;

    public SilentSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_gate)
                {
                    _held.Add(client);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _accepting;
        _listener.Stop();
        lock (_gate)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }
}
