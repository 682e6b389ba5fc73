using System.Net;
using System.Net.Sockets;
using OccupancySensor.HostSim.Network.Mqtt;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// The client against a scripted broker doing what mosquitto never does: malformed packets close the connection
/// and are counted (the process lives on), a refused CONNECT fails Open, and Delivered waits for the PUBACK.
/// </summary>
[Collection(SocketTimingTests.Name)]
public sealed class MqttProtocolFaultTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static TheoryData<string, byte[]> MalformedPackets => new()
    {
        { "reserved packet type 15", [0xF0, 0x00] },
        { "reserved packet type 0", [0x00, 0x00] },
        { "Remaining Length of five bytes", [0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        { "Remaining Length of 268,435,455 (over the client's limit)", [0x30, 0xFF, 0xFF, 0xFF, 0x7F] },
        { "PUBACK of three bytes", [0x40, 0x03, 0x00, 0x01, 0x00] },
        { "PUBACK with header flags set", [0x42, 0x02, 0x00, 0x01] },
        { "PUBACK for packet id 0", [0x40, 0x02, 0x00, 0x00] },
        { "PUBLISH at QoS 3", [0x36, 0x05, 0x00, 0x01, 0x41, 0x00, 0x01] },
        { "PUBLISH with a topic of ill-formed UTF-8", [0x30, 0x05, 0x00, 0x02, 0xC3, 0x28, 0x41] },
        { "PUBLISH whose topic length runs past the packet", [0x30, 0x03, 0x00, 0x09, 0x41] },
        { "PUBLISH with a wildcard topic", [0x30, 0x03, 0x00, 0x01, 0x23] },
        { "PINGRESP with a body", [0xD0, 0x01, 0x00] },
        { "a second CONNACK", [0x20, 0x02, 0x00, 0x00] },
        { "SUBSCRIBE, which only clients send", [0x82, 0x06, 0x00, 0x02, 0x00, 0x01, 0x41, 0x01] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public void A_malformed_packet_closes_the_connection_and_is_counted(string what, byte[] packet)
    {
        var closed = false;
        using var opened = new ManualResetEventSlim();
        using var broker = new ScriptedBroker(b =>
        {
            b.AcceptOpen();

            // Sent once Open has returned: a packet that ends the connection while Open still runs fails Open instead.
            opened.Wait(Limit);
            b.Send(packet);
            closed = b.ClientClosed();
        });
        using var transport = new MqttTransport(Options(broker.Port));
        var events = new TransportEvents(transport);

        Assert.True(transport.Open(), transport.LastError);
        opened.Set();
        Assert.True(TransportEvents.Eventually(() => !transport.IsConnected, Limit), what + ": still connected");
        broker.Finish();

        Assert.True(closed, what + ": the client did not close its socket");
        Assert.Equal(1, transport.MalformedPackets);
        Assert.Equal(1, transport.ConnectionsLost);
        Assert.Contains("malformed", transport.LastError);
        Assert.Empty(events.Messages);
        Assert.Equal(-1, transport.Send("occupancy/x", [1], confirmed: true, retain: false));
    }

    [Theory]
    [InlineData(5, "not authorized")]
    [InlineData(4, "bad user name or password")]
    [InlineData(2, "client identifier rejected")]
    public void A_refused_connect_fails_open_with_the_reason(byte returnCode, string reason)
    {
        using var broker = new ScriptedBroker(b =>
        {
            b.Expect(MqttPacketType.Connect);
            b.Send(0x20, 0x02, 0x00, returnCode);
            b.ClientClosed();
        });
        using var transport = new MqttTransport(Options(broker.Port));

        Assert.False(transport.Open());
        Assert.False(transport.IsConnected);
        Assert.Contains(reason, transport.LastError);
        broker.Finish();
    }

    [Fact]
    public void A_malformed_connack_fails_open_and_is_counted()
    {
        using var broker = new ScriptedBroker(b =>
        {
            b.Expect(MqttPacketType.Connect);
            b.Send(0x20, 0x03, 0x00, 0x00, 0x00);
            b.ClientClosed();
        });
        using var transport = new MqttTransport(Options(broker.Port));

        Assert.False(transport.Open());
        Assert.Equal(1, transport.MalformedPackets);
        Assert.Contains("CONNACK", transport.LastError);
        broker.Finish();
    }

    [Fact]
    public void A_broker_that_never_answers_connect_fails_open_within_the_io_timeout()
    {
        using var broker = new ScriptedBroker(b =>
        {
            b.Expect(MqttPacketType.Connect);
            b.ClientClosed();
        });
        using var transport = new MqttTransport(Options(broker.Port));

        Assert.False(transport.Open());
        Assert.Contains("no answer", transport.LastError);
        broker.Finish();
    }

    [Fact]
    public void A_broker_whose_tcp_connect_never_completes_fails_open_with_the_connect_timeout()
    {
        // A listener that never accepts, its queue filled first: the kernel drops further SYNs, so the TCP connect
        // hangs as it does towards a broker behind a dead route. Open must give up at the connect timeout and say so.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        var queued = new List<Socket>();
        try
        {
            for (int i = 0; i < 4; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                queued.Add(socket);
                try
                {
                    socket.Connect(endpoint);
                }
                catch (SocketException)
                {
                    // In progress: it fills the queue or waits in it.
                }
            }

            Thread.Sleep(300);
            using var transport = new MqttTransport(Options(endpoint.Port));
            Assert.False(transport.Open());
            Assert.Contains("timed out after 2 s", transport.LastError);
            Assert.Equal(0, transport.ConnectionsLost);
        }
        finally
        {
            foreach (var socket in queued)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public void Delivered_is_raised_on_the_puback_and_not_before_and_a_stray_puback_is_ignored()
    {
        using var publishSeen = new ManualResetEventSlim();
        using var releaseAck = new ManualResetEventSlim();
        var connect = Array.Empty<byte>();
        using var broker = new ScriptedBroker(b =>
        {
            connect = b.Expect(MqttPacketType.Connect).Body;
            b.Send(0x20, 0x02, 0x00, 0x00);
            var subscribe = b.Expect(MqttPacketType.Subscribe);
            b.Send(0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x01);
            var online = MqttServerPackets.ParsePublish(b.Expect(MqttPacketType.Publish));
            b.Send(0x40, 0x02, (byte)(online.PacketId >> 8), (byte)online.PacketId);

            var reading = b.Expect(MqttPacketType.Publish);
            var parsed = MqttServerPackets.ParsePublish(reading);
            publishSeen.Set();
            releaseAck.Wait(Limit);

            // An acknowledgement for an id that is not in flight first, then the real one.
            var stray = parsed.PacketId == 999 ? 998 : 999;
            b.Send(0x40, 0x02, (byte)(stray >> 8), (byte)stray);
            b.Send(0x40, 0x02, (byte)(parsed.PacketId >> 8), (byte)parsed.PacketId);
            b.Expect(MqttPacketType.Publish);
            b.Expect(MqttPacketType.Disconnect);
        });
        using var transport = new MqttTransport(Options(broker.Port));
        var events = new TransportEvents(transport);
        Assert.True(transport.Open(), transport.LastError);

        var id = transport.Send("occupancy/hq/3/east/desk-12/presence", [0x7B, 0x7D], confirmed: true, retain: false);
        Assert.True(publishSeen.Wait(Limit));
        Thread.Sleep(200);
        Assert.Empty(events.Deliveries);

        releaseAck.Set();
        Assert.True(events.WaitForDelivery(id, Limit));
        Assert.Equal([(id, true)], events.Deliveries);
        transport.Close();
        broker.Finish();

        // CONNECT as sent: clean session off, Will retained at QoS 1, keep-alive as configured (section 3.1.2).
        Assert.Equal(new byte[] { 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0x2C, 0x00, 0x05 }, connect[..10]);
    }

    private static MqttOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = "unit-7",
        KeepAliveSeconds = 5,
        StatusTopic = "occupancy/device/unit-7/status",
        CommandTopic = "occupancy/device/unit-7/cmd",
        ConnectTimeout = TimeSpan.FromSeconds(2),
        IoTimeout = TimeSpan.FromSeconds(1),
    };
}
