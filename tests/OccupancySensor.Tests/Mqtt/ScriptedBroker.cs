using System.Net.Sockets;
using OccupancySensor.HostSim.Network.Mqtt;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// A stand-in broker on a free 127.0.0.1 port that plays a script against one client connection, for what a real
/// mosquitto never does: send malformed packets, refuse a CONNECT, hold back a PUBACK. Packets are framed with the
/// client's own reader; their content is checked by the script with raw bytes. Failures in the script are
/// rethrown by <see cref="Finish"/>.
/// </summary>
internal sealed class ScriptedBroker : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _script;
    private Socket? _socket;

    public ScriptedBroker(Action<ScriptedBroker> script)
    {
        _listener = LoopbackPort.Listen();
        Port = LoopbackPort.Of(_listener);

        // A thread of its own: the script blocks on reads, and pool threads are what the client's callbacks need.
        _script = Task.Factory.StartNew(() => Run(script), TaskCreationOptions.LongRunning);
    }

    public int Port { get; }

    public NetworkStream Stream { get; private set; } = null!;

    public MqttPacketReader Reader { get; private set; } = null!;

    public MqttPacket Expect(MqttPacketType type)
    {
        var packet = Reader.Read();
        if (packet.Type != type)
        {
            throw new InvalidOperationException("expected " + type + " from the client, got " + packet.Type);
        }

        return packet;
    }

    public void Send(params byte[] bytes) => Stream.Write(bytes);

    /// <summary>CONNECT/CONNACK, SUBSCRIBE/SUBACK, the "online" PUBLISH/PUBACK: what Open needs to succeed.</summary>
    public void AcceptOpen()
    {
        Expect(MqttPacketType.Connect);
        Send(0x20, 0x02, 0x00, 0x00);
        var subscribe = Expect(MqttPacketType.Subscribe);
        Send(0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x01);
        var online = MqttServerPackets.ParsePublish(Expect(MqttPacketType.Publish));
        Send(0x40, 0x02, (byte)(online.PacketId >> 8), (byte)online.PacketId);
    }

    /// <summary>Waits for the client to close its side (read returns end of stream or the connection resets).</summary>
    public bool ClientClosed()
    {
        try
        {
            var buffer = new byte[256];
            while (Stream.Read(buffer) > 0)
            {
            }

            return true;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits for the script to end and rethrows what went wrong in it.</summary>
    public void Finish()
    {
        if (!_script.Wait(TimeSpan.FromSeconds(15)))
        {
            throw new TimeoutException("the broker script did not finish");
        }
    }

    private void Run(Action<ScriptedBroker> script)
    {
        _socket = _listener.AcceptSocket();
        _socket.ReceiveTimeout = 10_000;
        Stream = new NetworkStream(_socket);
        Reader = new MqttPacketReader(Stream, 1 << 20);
        try
        {
            script(this);
        }
        finally
        {
            // The script is over: the broker closes, as mosquitto does after DISCONNECT.
            _socket.Dispose();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _socket?.Dispose();
    }
}
