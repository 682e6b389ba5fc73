using System.Net;
using System.Net.Sockets;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// A TCP forwarder on a free 127.0.0.1 port that can be made to behave like a pulled cable. <see cref="Cut"/>:
/// bytes in both directions are read and dropped, no connection is closed (neither side gets a FIN or RST, and a
/// side closing is not passed on), new connections are accepted but never reach the target. <see cref="Restore"/>:
/// new connections are forwarded again; the black-holed ones are reset, as a NAT box that forgot them would answer
/// the next packet. <see cref="Reset"/> ends every connection abruptly (RST both ways), like a crashed router.
/// </summary>
internal sealed class CuttableTcpProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly object _gate = new();
    private readonly List<Link> _links = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private bool _cut;

    public CuttableTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = LoopbackPort.Listen();
        Port = LoopbackPort.Of(_listener);
        _accepting = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>Connections accepted so far (forwarded or not).</summary>
    public int Accepted { get; private set; }

    /// <summary>Bytes dropped while cut, both directions.</summary>
    public long Swallowed => Interlocked.Read(ref _swallowed);

    private long _swallowed;

    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            foreach (var link in _links)
            {
                link.BlackHoled = true;
            }
        }
    }

    public void Restore()
    {
        Link[] forgotten;
        lock (_gate)
        {
            _cut = false;
            forgotten = _links.Where(l => l.BlackHoled).ToArray();
        }

        foreach (var link in forgotten)
        {
            Drop(link);
        }
    }

    public void Reset()
    {
        Link[] all;
        lock (_gate)
        {
            all = _links.ToArray();
        }

        foreach (var link in all)
        {
            Drop(link);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        Reset();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends by cancellation.
        }

        _stopping.Dispose();
    }

    private static void Abort(Socket? socket)
    {
        if (socket == null)
        {
            return;
        }

        try
        {
            // Linger 0: close sends RST, the way a connection dies when a middlebox forgets it.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var link = new Link(client);
            bool cut;
            lock (_gate)
            {
                Accepted++;
                cut = _cut;
                link.BlackHoled = cut;
                _links.Add(link);
            }

            if (!cut)
            {
                try
                {
                    var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stopping.Token);
                    link.Target = target;
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    // Target down: the client sees its connection closed, as it would connecting directly.
                    Drop(link);
                    continue;
                }

                _ = Task.Run(() => Pump(link, link.Target, link.Client));
            }

            _ = Task.Run(() => Pump(link, link.Client, link.Target));
        }
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> until one side ends, dropping the bytes while the link is black-holed.</summary>
    private async Task Pump(Link link, Socket from, Socket? to)
    {
        var buffer = new byte[16 * 1024];
        var orderly = false;
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                if (read == 0)
                {
                    orderly = true;
                    break;
                }

                if (link.BlackHoled || to == null)
                {
                    Interlocked.Add(ref _swallowed, read);
                    continue;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side is gone.
        }

        // A pulled cable passes on nothing, not even the end of a connection: a black-holed link stays open to
        // the other side until Restore or Reset drops it.
        if (link.BlackHoled)
        {
            return;
        }

        if (!orderly)
        {
            Drop(link);
            return;
        }

        // FIN is passed on as FIN, so an orderly close (DISCONNECT, then close) stays orderly through the proxy;
        // the link is closed once both directions have ended.
        try
        {
            to?.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Drop(link);
            return;
        }

        if (link.DirectionEnded())
        {
            lock (_gate)
            {
                _links.Remove(link);
            }

            link.Client.Dispose();
            link.Target?.Dispose();
        }
    }

    private void Drop(Link link)
    {
        lock (_gate)
        {
            _links.Remove(link);
        }

        Abort(link.Client);
        Abort(link.Target);
    }

    private sealed class Link
    {
        private volatile bool _blackHoled;
        private int _directionsEnded;

        public Link(Socket client)
        {
            Client = client;
        }

        public Socket Client { get; }

        public Socket? Target { get; set; }

        public bool BlackHoled
        {
            get => _blackHoled;
            set => _blackHoled = value;
        }

        /// <summary>Counts one direction finished; true for the second.</summary>
        public bool DirectionEnded() => Interlocked.Increment(ref _directionsEnded) == 2;
    }
}
