using System.Security.Authentication;
using System.Text;
using OccupancySensor.Hardware;

namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// The host's MQTT 3.1.1 uplink, behaving as the device's M2MqttTransport does: clean session off (the broker keeps
/// the subscription and queues QoS 1 commands while the unit is away), a retained "offline" Last Will and a retained
/// "online" after connecting, confirmed messages at QoS 1 reported delivered only on PUBACK.
/// <para>
/// Threads: Open, Close and Send come from the caller; a reader thread per connection reads packets and raises
/// <see cref="Delivered"/> and <see cref="MessageReceived"/>; a keep-alive thread pings and declares a silent link
/// dead. Writes are serialized per connection. Events are raised without any lock of the transport held.
/// </para>
/// <para>
/// Messages in flight when a connection dies are reported as not delivered (Delivered(id, false)) and never resent
/// by the transport: the publisher resends them itself, with a new packet id, so a message may arrive twice (QoS 1
/// is at least once; readings carry a sequence number for that).
/// </para>
/// </summary>
public sealed class MqttTransport : IUplinkTransport, IDisposable
{
    private const byte ConnectionAccepted = 0;
    private const byte SubscriptionFailed = 0x80;

    // After an orderly DISCONNECT the broker closes its side at once; this long is waited for it, reading the
    // acknowledgements still on their way, before the socket is closed regardless.
    private static readonly TimeSpan CloseDrainLimit = TimeSpan.FromSeconds(2);

    private static readonly byte[] OnlineStatus = Encoding.UTF8.GetBytes("online");
    private static readonly byte[] OfflineStatus = Encoding.UTF8.GetBytes("offline");

    private readonly MqttOptions _options;
    private readonly MqttTlsTrust? _tls;

    // Open, Close and Dispose run one at a time.
    private readonly object _lifecycleGate = new();

    // Guards the current connection, packet ids, the ids in flight and Open's own waits.
    private readonly object _gate = new();
    private readonly MqttPacketIds _ids = new();
    private readonly HashSet<int> _inFlight = new();
    private readonly Dictionary<int, TaskCompletionSource<int>> _openWaits = new();
    private MqttConnection? _connection;
    private bool _disposed;

    private long _malformedPackets;
    private long _connectionsLost;
    private long _handlerFailures;
    private string _lastError = string.Empty;

    /// <summary>Checks the options and loads the TLS certificates; ArgumentException names what is wrong.</summary>
    public MqttTransport(MqttOptions options)
    {
        options.Validate();
        _options = options;
        _tls = options.UseTls ? new MqttTlsTrust(options) : null;
    }

    public event UplinkDeliveryHandler? Delivered;

    public event UplinkMessageHandler? MessageReceived;

    public bool IsConnected => Volatile.Read(ref _connection)?.State == MqttConnectionState.Ready;

    /// <summary>Whether the broker still had this client's session at the last successful connect (CONNACK).</summary>
    public bool SessionPresent { get; private set; }

    /// <summary>Packets from the broker that broke the protocol; each one closed its connection.</summary>
    public long MalformedPackets => Interlocked.Read(ref _malformedPackets);

    /// <summary>Connections that ended without Close: broker gone, link silent, write failed, malformed packet.</summary>
    public long ConnectionsLost => Interlocked.Read(ref _connectionsLost);

    /// <summary>Exceptions thrown by Delivered or MessageReceived handlers (caught, so the reader thread lives on).</summary>
    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    /// <summary>Why the last Open failed, the last connection ended, or the last Send was refused.</summary>
    public string LastError => Volatile.Read(ref _lastError);

    /// <summary>
    /// Connects, sends CONNECT (clean session off, keep-alive, retained "offline" Will at QoS 1) and waits for
    /// CONNACK, subscribes to the command topic at QoS 1 and publishes a retained "online" at QoS 1, waiting for
    /// each acknowledgement. False, never an exception, when any step fails or times out.
    /// </summary>
    public bool Open()
    {
        lock (_lifecycleGate)
        {
            if (_disposed)
            {
                return false;
            }

            if (IsConnected)
            {
                return true;
            }

            MqttConnection? connection = null;
            try
            {
                connection = MqttConnection.Open(_options, _tls);
                connection.SetReadTimeout(Milliseconds(_options.IoTimeout));
                connection.Write(MqttClientPackets.Connect(ConnectRequest()));
                var ack = MqttServerPackets.ParseConnAck(connection.Reader.Read());
                connection.MarkReceived();
                if (ack.ReturnCode != ConnectionAccepted)
                {
                    connection.Abort();
                    return Failed("broker refused the connection: " + DescribeConnAck(ack.ReturnCode));
                }

                SessionPresent = ack.SessionPresent;

                // From here the reader thread reads; the keep-alive thread, not a read timeout, decides when a silent
                // link is dead (after 1.5 x keep-alive). The read timeout stays as a backstop at three times it.
                connection.SetReadTimeout(_options.KeepAliveSeconds * 3000);
                lock (_gate)
                {
                    _connection = connection;
                }

                StartReader(connection);
                StartKeepAlive(connection);

                var granted = Request(connection, id => MqttClientPackets.Subscribe(id, _options.CommandTopic, 1), "SUBACK");
                if (granted == SubscriptionFailed)
                {
                    Lose(connection, "broker refused the subscription to " + _options.CommandTopic, unexpected: false);
                    return Failed("broker refused the subscription to " + _options.CommandTopic);
                }

                Request(connection, id => MqttClientPackets.Publish(_options.StatusTopic, OnlineStatus, 1, true, id), "PUBACK of the online status");
                if (!connection.MoveTo(MqttConnectionState.Ready))
                {
                    return Failed("connection lost while opening: " + LastError);
                }

                Report("connected to " + _options.Host + ":" + _options.Port + (SessionPresent ? " (session resumed)" : " (new session)"));
                return true;
            }
            catch (Exception e)
            {
                var reason = DescribeOpenFailure(e);
                if (e is MqttProtocolException)
                {
                    Interlocked.Increment(ref _malformedPackets);
                }

                if (connection != null)
                {
                    Lose(connection, reason, unexpected: false);
                }

                return Failed(reason);
            }
        }
    }

    /// <summary>
    /// Publishes a retained "offline" (an orderly DISCONNECT suppresses the Will, so it is said explicitly), sends
    /// DISCONNECT and closes. Acknowledgements that arrive before the broker closes its side still count.
    /// </summary>
    public void Close()
    {
        lock (_lifecycleGate)
        {
            var connection = Volatile.Read(ref _connection);
            if (connection == null || !connection.MoveTo(MqttConnectionState.Closing))
            {
                return;
            }

            try
            {
                connection.Write(MqttClientPackets.Publish(_options.StatusTopic, OfflineStatus, 0, true, 0));
                connection.Write(MqttClientPackets.Disconnect());
                connection.ShutdownSend();
                var reader = connection.ReaderThread;
                if (reader != null && reader != Thread.CurrentThread)
                {
                    reader.Join(CloseDrainLimit);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                Report("close: " + e.Message);
            }

            Lose(connection, "closed", unexpected: false);
        }
    }

    /// <summary>
    /// PUBLISH at QoS 1 when <paramref name="confirmed"/> (Delivered follows on PUBACK), else QoS 0. Returns the
    /// packet id (1..65535, also for QoS 0), or -1 when not connected, too many are in flight, the topic cannot be
    /// published to, or the write failed (the connection is then dropped).
    /// </summary>
    public int Send(string channel, byte[] payload, bool confirmed, bool retain)
    {
        var connection = Volatile.Read(ref _connection);
        if (connection == null || connection.State != MqttConnectionState.Ready)
        {
            return -1;
        }

        int id;
        lock (_gate)
        {
            if (_connection != connection || (confirmed && _inFlight.Count >= _options.MaxInFlight))
            {
                return -1;
            }

            id = _ids.Next(IdInUse);
            if (id == 0)
            {
                return -1;
            }

            if (confirmed)
            {
                _inFlight.Add(id);
            }
        }

        byte[] packet;
        try
        {
            packet = MqttClientPackets.Publish(channel, payload, confirmed ? 1 : 0, retain, id);
        }
        catch (ArgumentException e)
        {
            Forget(id);
            Failed("send refused: " + e.Message);
            return -1;
        }

        try
        {
            connection.Write(packet);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The id is withdrawn first: the caller learns of this message from the -1, not from a Delivered(false).
            Forget(id);
            Lose(connection, "write failed: " + e.Message, unexpected: true);
            return -1;
        }

        return id;
    }

    public void Dispose()
    {
        Close();
        lock (_lifecycleGate)
        {
            _disposed = true;
            var connection = Volatile.Read(ref _connection);
            if (connection != null)
            {
                Lose(connection, "disposed", unexpected: false);
            }
        }
    }

    private static int Milliseconds(TimeSpan span) => (int)Math.Min(int.MaxValue, span.TotalMilliseconds);

    private static string DescribeConnAck(byte code) => code switch
    {
        1 => "1, unacceptable protocol version",
        2 => "2, client identifier rejected",
        3 => "3, server unavailable",
        4 => "4, bad user name or password",
        5 => "5, not authorized",
        _ => code + ", a reserved return code",
    };

    private string DescribeOpenFailure(Exception e) => e switch
    {
        OperationCanceledException => "connect to " + _options.Host + ":" + _options.Port + " timed out after " + _options.ConnectTimeout.TotalSeconds + " s",
        AuthenticationException => "TLS handshake failed: " + e.Message + (e.InnerException != null ? " (" + e.InnerException.Message + ")" : string.Empty),
        MqttProtocolException => "malformed answer from the broker: " + e.Message,
        TimeoutException => e.Message,
        IOException io when io.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.TimedOut }
            => "no answer from the broker within " + _options.IoTimeout.TotalSeconds + " s",
        _ => e.GetType().Name + ": " + e.Message + (e.InnerException != null ? " (" + e.InnerException.Message + ")" : string.Empty),
    };

    private MqttConnectRequest ConnectRequest() => new()
    {
        ClientId = _options.ClientId,
        CleanSession = false,
        KeepAliveSeconds = _options.KeepAliveSeconds,
        WillTopic = _options.StatusTopic,
        WillMessage = OfflineStatus,
        WillQos = 1,
        WillRetain = true,
        Username = _options.Username,
        Password = _options.Password,
    };

    /// <summary>Sends one of Open's own packets and waits for its acknowledgement; returns what it carried (SUBACK: the granted QoS).</summary>
    private int Request(MqttConnection connection, Func<int, byte[]> packet, string answer)
    {
        var wait = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            if (_connection != connection)
            {
                throw new IOException("connection lost while opening: " + LastError);
            }

            id = _ids.Next(IdInUse);
            _openWaits[id] = wait;
        }

        connection.Write(packet(id));
        if (!wait.Task.Wait(_options.IoTimeout))
        {
            throw new TimeoutException("no " + answer + " within " + _options.IoTimeout.TotalSeconds + " s");
        }

        if (wait.Task.Result < 0)
        {
            throw new IOException("connection lost while waiting for " + answer + ": " + LastError);
        }

        return wait.Task.Result;
    }

    private bool IdInUse(int id) => _inFlight.Contains(id) || _openWaits.ContainsKey(id);

    private void Forget(int id)
    {
        lock (_gate)
        {
            _inFlight.Remove(id);
        }
    }

    private void StartReader(MqttConnection connection)
    {
        var thread = new Thread(() => ReadLoop(connection))
        {
            IsBackground = true,
            Name = "mqtt-reader " + _options.ClientId,
        };
        connection.ReaderThread = thread;
        thread.Start();
    }

    private void StartKeepAlive(MqttConnection connection)
    {
        if (_options.KeepAliveSeconds == 0)
        {
            return;
        }

        // A thread of its own, not a thread-pool timer: with the pool starved by blocking callers (a busy test run,
        // a simulator with twenty units) timer callbacks came late enough that the 2 x keep-alive read-timeout
        // backstop fired first. Checks never overlap, and the thread ends when the connection dies.
        var interval = MqttKeepAlive.CheckIntervalMilliseconds(_options.KeepAliveSeconds * 1000L);
        var thread = new Thread(() => KeepAliveLoop(connection, interval))
        {
            IsBackground = true,
            Name = "mqtt-keepalive " + _options.ClientId,
        };
        thread.Start();
    }

    private void KeepAliveLoop(MqttConnection connection, int interval)
    {
        try
        {
            while (!connection.Stopped.Wait(interval))
            {
                var action = MqttKeepAlive.Decide(
                    Environment.TickCount64, _options.KeepAliveSeconds * 1000L, connection.LastSent, connection.LastReceived, connection.LastPing);
                if (action == MqttKeepAliveAction.Dead)
                {
                    Lose(connection, "nothing from the broker for 1.5 x keep-alive (" + _options.KeepAliveSeconds * 1.5 + " s): link dead", unexpected: true);
                    return;
                }

                if (action == MqttKeepAliveAction.Ping)
                {
                    connection.WritePing();
                }
            }
        }
        catch (Exception e)
        {
            // A failed ping ends only the connection, never the process.
            Lose(connection, "keep-alive ping failed: " + e.Message, unexpected: true);
        }
    }

    private void ReadLoop(MqttConnection connection)
    {
        try
        {
            while (true)
            {
                var packet = connection.Reader.Read();
                connection.MarkReceived();
                Dispatch(connection, packet);
            }
        }
        catch (MqttProtocolException e)
        {
            Interlocked.Increment(ref _malformedPackets);
            Lose(connection, "malformed packet from the broker, connection closed: " + e.Message, unexpected: true);
        }
        catch (Exception e)
        {
            // EOF, reset, read timeout, or the socket closed under the read by Close or the keep-alive check.
            var closing = connection.State is MqttConnectionState.Closing or MqttConnectionState.Dead;
            Lose(connection, "connection ended: " + e.Message, unexpected: !closing);
        }
    }

    private void Dispatch(MqttConnection connection, MqttPacket packet)
    {
        switch (packet.Type)
        {
            case MqttPacketType.PubAck:
                Acknowledged(connection, MqttServerPackets.ParsePubAck(packet), 0);
                break;
            case MqttPacketType.SubAck:
                var subAck = MqttServerPackets.ParseSubAck(packet);
                Acknowledged(connection, subAck.PacketId, subAck.ReturnCodes[0]);
                break;
            case MqttPacketType.Publish:
                var message = MqttServerPackets.ParsePublish(packet);
                if (message.Qos == 2)
                {
                    throw new MqttProtocolException("PUBLISH at QoS 2 on a QoS 1 subscription");
                }

                RaiseMessageReceived(message.Topic, message.Payload);

                // Acknowledged after the handler ran: a command is at least once, also if the process dies here.
                if (message.Qos == 1)
                {
                    connection.Write(MqttClientPackets.PubAck(message.PacketId));
                }

                break;
            case MqttPacketType.PingResp:
                MqttServerPackets.ParsePingResp(packet);
                break;
            default:
                throw new MqttProtocolException("the broker sent " + packet.Type + ", which this client never asked for");
        }
    }

    private void Acknowledged(MqttConnection connection, int id, int result)
    {
        TaskCompletionSource<int>? wait;
        bool delivered;
        lock (_gate)
        {
            if (_connection != connection)
            {
                return;
            }

            if (_openWaits.Remove(id, out wait))
            {
                delivered = false;
            }
            else
            {
                delivered = _inFlight.Remove(id);
            }
        }

        if (wait != null)
        {
            wait.TrySetResult(result);
        }
        else if (delivered)
        {
            RaiseDelivered(id, true);
        }
        else
        {
            // A duplicate or stale acknowledgement: the spec lets a broker repeat one; nothing is waiting for it.
            Report("acknowledgement for packet id " + id + ", which is not in flight");
        }
    }

    /// <summary>Ends <paramref name="connection"/> (idempotent); messages in flight on it are reported not delivered.</summary>
    private void Lose(MqttConnection connection, string reason, bool unexpected)
    {
        int[] unsettled;
        TaskCompletionSource<int>[] waits;
        lock (_gate)
        {
            if (_connection != connection)
            {
                connection.Abort();
                return;
            }

            // Counted and explained before the connection is let go: whoever sees IsConnected turn false (a
            // waiting caller, a test) must find ConnectionsLost and LastError already saying why.
            if (unexpected)
            {
                Interlocked.Increment(ref _connectionsLost);
                Volatile.Write(ref _lastError, reason);
            }

            _connection = null;
            unsettled = _inFlight.ToArray();
            _inFlight.Clear();
            waits = _openWaits.Values.ToArray();
            _openWaits.Clear();
        }

        connection.Abort();
        Report(reason);

        foreach (var wait in waits)
        {
            wait.TrySetResult(-1);
        }

        foreach (var id in unsettled)
        {
            RaiseDelivered(id, false);
        }
    }

    private bool Failed(string reason)
    {
        Volatile.Write(ref _lastError, reason);
        Report(reason);
        return false;
    }

    private void Report(string message)
    {
        try
        {
            _options.Log?.Invoke(message);
        }
        catch (Exception)
        {
            // Logging must not take the link down.
        }
    }

    private void RaiseDelivered(int id, bool delivered)
    {
        try
        {
            Delivered?.Invoke(id, delivered);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _handlerFailures);
            Report("Delivered handler threw: " + e);
        }
    }

    private void RaiseMessageReceived(string topic, byte[] payload)
    {
        try
        {
            MessageReceived?.Invoke(topic, payload);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _handlerFailures);
            Report("MessageReceived handler threw: " + e);
        }
    }
}
