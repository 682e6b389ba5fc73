using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// One network connection to the broker: the socket, the stream over it (TLS or not), the lock that keeps whole
/// packets from interleaving when the caller's thread, the reader thread and the keep-alive thread all write, and
/// the times the keep-alive rule looks at. A connection is used once; reconnecting makes a new one.
/// </summary>
internal sealed class MqttConnection
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly object _writeGate = new();
    private long _lastSent;
    private long _lastReceived;
    private long _lastPing = long.MinValue;
    private int _state = (int)MqttConnectionState.Opening;

    private MqttConnection(Socket socket, Stream stream, int maximumPacketBytes)
    {
        _socket = socket;
        _stream = stream;
        Reader = new MqttPacketReader(stream, maximumPacketBytes);
        _lastSent = _lastReceived = Environment.TickCount64;
    }

    public MqttPacketReader Reader { get; }

    public Thread? ReaderThread { get; set; }

    /// <summary>Set when the connection dies, so the keep-alive thread stops waiting at once.</summary>
    public ManualResetEventSlim Stopped { get; } = new(false);

    public MqttConnectionState State => (MqttConnectionState)Volatile.Read(ref _state);

    public long LastSent => Volatile.Read(ref _lastSent);

    public long LastReceived => Volatile.Read(ref _lastReceived);

    public long LastPing => Volatile.Read(ref _lastPing);

    /// <summary>
    /// Connects TCP and, with <paramref name="tls"/>, authenticates the broker, both within the connect timeout
    /// (OperationCanceledException when it runs out). Writes then time out after the IO timeout: a socket whose
    /// send buffer never drains (the peer stopped reading) fails the write instead of blocking Send forever.
    /// Nothing here waits on the thread pool: with every core busy (20 simulated units, a test run beside them) a
    /// connect completed on a pool thread came after its own timeout. The TCP connect is a non-blocking connect and a
    /// poll; the TLS handshake is synchronous, its reads and writes limited to what is left of the connect timeout.
    /// </summary>
    public static MqttConnection Open(MqttOptions options, MqttTlsTrust? tls)
    {
        long deadline = Environment.TickCount64 + (long)options.ConnectTimeout.TotalMilliseconds;
        var socket = ConnectWithin(options.Host, options.Port, deadline);
        Stream? stream = null;
        try
        {
            socket.SendTimeout = (int)options.IoTimeout.TotalMilliseconds;
            stream = new NetworkStream(socket, ownsSocket: true);
            if (tls != null)
            {
                var secure = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = secure;
                int left = MillisecondsLeft(deadline);
                socket.ReceiveTimeout = left;
                socket.SendTimeout = left;
                try
                {
                    secure.AuthenticateAsClient(tls.ClientOptions());
                }
                catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut })
                {
                    throw new OperationCanceledException("the TLS handshake did not finish within the connect timeout", e);
                }

                socket.ReceiveTimeout = 0;
                socket.SendTimeout = (int)options.IoTimeout.TotalMilliseconds;
            }

            return new MqttConnection(socket, stream, options.MaxIncomingPacketBytes);
        }
        catch
        {
            stream?.Dispose();
            socket.Dispose();
            throw;
        }
    }

    // Each address of the host in turn (a literal address as it is), until one accepts before the deadline.
    private static Socket ConnectWithin(string host, int port, long deadline)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : Dns.GetHostAddresses(host);
        SocketException? refused = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Blocking = false;
                try
                {
                    socket.Connect(new IPEndPoint(address, port));
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
                {
                    // Connecting: writable once it is done, either way.
                }

                if (!socket.Poll(TimeSpan.FromMilliseconds(MillisecondsLeft(deadline)), SelectMode.SelectWrite))
                {
                    throw new OperationCanceledException();
                }

                var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                if (error != SocketError.Success)
                {
                    throw new SocketException((int)error);
                }

                socket.Blocking = true;
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                refused = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw refused ?? new SocketException((int)SocketError.HostNotFound);
    }

    // What is left until the deadline, in milliseconds; OperationCanceledException when nothing is.
    private static int MillisecondsLeft(long deadline)
    {
        long left = deadline - Environment.TickCount64;
        if (left <= 0)
        {
            throw new OperationCanceledException();
        }

        return (int)Math.Min(int.MaxValue, left);
    }

    /// <summary>Limit for a blocking read; 0 waits without limit.</summary>
    public void SetReadTimeout(int milliseconds) => _socket.ReceiveTimeout = milliseconds;

    /// <summary>Moves to <paramref name="next"/> unless the connection is already dead; false when it was.</summary>
    public bool MoveTo(MqttConnectionState next)
    {
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if (current == (int)MqttConnectionState.Dead)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, (int)next, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Writes one whole packet; throws IOException (or ObjectDisposedException once closed) when it cannot.</summary>
    public void Write(byte[] packet)
    {
        lock (_writeGate)
        {
            _stream.Write(packet);
            _stream.Flush();
            Volatile.Write(ref _lastSent, Environment.TickCount64);
        }
    }

    public void WritePing()
    {
        Write(MqttClientPackets.PingReq());
        Volatile.Write(ref _lastPing, Environment.TickCount64);
    }

    public void MarkReceived() => Volatile.Write(ref _lastReceived, Environment.TickCount64);

    /// <summary>
    /// Half-closes: the broker gets FIN after everything written, while packets it still sends can be read. Closing
    /// outright with acknowledgements unread in the receive buffer would make the kernel send RST instead.
    /// </summary>
    public void ShutdownSend()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone; Abort finishes the job.
        }
    }

    /// <summary>Closes the socket at once (idempotent). A read or write blocked on it in another thread fails.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _state, (int)MqttConnectionState.Dead) == (int)MqttConnectionState.Dead)
        {
            return;
        }

        Stopped.Set();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Not connected any more: nothing to shut down.
        }

        try
        {
            _stream.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // Disposing a TLS stream may try to send close_notify over a dead socket.
        }

        _socket.Dispose();
    }
}
