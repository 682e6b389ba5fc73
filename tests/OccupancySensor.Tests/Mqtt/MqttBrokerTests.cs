using System.Diagnostics;
using System.Text;
using OccupancySensor.HostSim.Network.Mqtt;
using Xunit.Abstractions;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// The host MQTT client against a real mosquitto (plain, TLS with the pinned test CA, mutual TLS), checked by
/// independent clients (mosquitto_sub, mosquitto_pub). Each test has its own broker on its own ports.
/// </summary>
[Collection(SocketTimingTests.Name)]
public sealed class MqttBrokerTests : IDisposable
{
    private const string StatusTopic = "occupancy/device/unit-7/status";
    private const string CommandTopic = "occupancy/device/unit-7/cmd";
    private const string ReadingTopic = "occupancy/hq/3/east/desk-12/presence";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly ITestOutputHelper _output;
    private readonly MosquittoBroker _broker;

    public MqttBrokerTests(ITestOutputHelper output)
    {
        _output = output;
        _broker = new MosquittoBroker(TestPki.Shared);
    }

    public void Dispose() => _broker.Dispose();

    [Theory]
    [InlineData(BrokerListener.Plain)]
    [InlineData(BrokerListener.Tls)]
    [InlineData(BrokerListener.MutualTls)]
    public void A_confirmed_message_is_acknowledged_and_an_independent_subscriber_gets_exactly_its_bytes(BrokerListener listener)
    {
        using var subscriber = new SubscriberProcess(_broker, "occupancy/hq/#", "independent-" + listener, listener);
        subscriber.WaitForSubscriptions(1, Limit);
        using var transport = new MqttTransport(Options(listener));
        var events = new TransportEvents(transport);

        Assert.True(transport.Open(), transport.LastError);
        Assert.True(transport.IsConnected);

        // JSON as the publisher sends it, plus bytes that a text path would mangle (NUL, 0xFF, a newline).
        var confirmed = Encoding.UTF8.GetBytes("{\"seq\":41,\"present\":true,\"zone\":\"Süd\"}").Concat(new byte[] { 0x00, 0xFF, 0x0A }).ToArray();
        var id = transport.Send(ReadingTopic, confirmed, confirmed: true, retain: false);
        Assert.InRange(id, 1, 65535);
        Assert.True(events.WaitForDelivery(id, Limit), "no PUBACK reported for " + id + ": " + transport.LastError);

        var unconfirmed = Encoding.UTF8.GetBytes("{\"seq\":42}");
        var quietId = transport.Send(ReadingTopic, unconfirmed, confirmed: false, retain: false);
        Assert.InRange(quietId, 1, 65535);

        var messages = subscriber.WaitForMessages(2, Limit);
        Assert.True(messages.Count == 2, "mosquitto_sub got " + messages.Count + " messages:\n" + subscriber.Transcript);
        Assert.Equal(ReadingTopic, messages[0].Topic);
        Assert.Equal(confirmed, messages[0].Payload);
        Assert.False(messages[0].Retained);
        Assert.Equal(unconfirmed, messages[1].Payload);
        Assert.DoesNotContain(events.Deliveries, d => d.Id == quietId);
        Assert.Equal(0, transport.MalformedPackets);
    }

    [Fact]
    public void An_mqtt_js_subscriber_over_tls_gets_the_same_bytes()
    {
        using var subscriber = new MqttJsSubscriber(_broker, "occupancy/hq/#", "independent-mqttjs", BrokerListener.Tls);
        subscriber.WaitForSubscription(Limit);
        using var transport = new MqttTransport(Options(BrokerListener.Tls));
        var events = new TransportEvents(transport);
        Assert.True(transport.Open(), transport.LastError);

        var payload = Encoding.UTF8.GetBytes("{\"seq\":7,\"count\":3}");
        var id = transport.Send(ReadingTopic, payload, confirmed: true, retain: false);
        Assert.True(events.WaitForDelivery(id, Limit));

        var messages = subscriber.WaitForMessages(1, Limit);
        Assert.True(messages.Count == 1, "MQTT.js got " + messages.Count + " messages:\n" + subscriber.Transcript);
        Assert.Equal(ReadingTopic, messages[0].Topic);
        Assert.Equal(payload, messages[0].Payload);
    }

    [Fact]
    public void The_mutual_tls_listener_takes_the_client_certificate_as_identity_and_refuses_a_client_without_one()
    {
        using (var withCertificate = new MqttTransport(Options(BrokerListener.MutualTls)))
        {
            Assert.True(withCertificate.Open(), withCertificate.LastError);
            withCertificate.Close();
        }

        Assert.Contains("as unit-7", _broker.Log);
        Assert.Contains("u'" + TestPki.Shared.ClientCommonName + "'", _broker.Log);

        using var without = new MqttTransport(Options(BrokerListener.MutualTls, clientCertificate: false, clientId: "unit-8"));
        Assert.False(without.Open());
        Assert.False(without.IsConnected);
        Assert.NotEqual(string.Empty, without.LastError);
        _output.WriteLine("without a client certificate: " + without.LastError);
        Assert.DoesNotContain("as unit-8", _broker.Log);
    }

    [Fact]
    public void Tls_fails_when_the_broker_certificate_is_not_signed_by_the_pinned_ca()
    {
        using var transport = new MqttTransport(Options(BrokerListener.Tls, caFile: TestPki.Shared.OtherCaCertificate));

        Assert.False(transport.Open());
        Assert.False(transport.IsConnected);
        Assert.Contains("TLS", transport.LastError);
        _output.WriteLine(transport.LastError);

        // Nothing reached MQTT: no session, no "online".
        Assert.Null(MosquittoClients.ReadRetained(_broker, StatusTopic));
        Assert.DoesNotContain("as unit-7", _broker.Log);
    }

    [Fact]
    public void Tls_fails_when_the_broker_certificate_does_not_name_the_host()
    {
        using var transport = new MqttTransport(Options(BrokerListener.Tls, serverName: "broker.example.org"));

        Assert.False(transport.Open());
        Assert.Contains("TLS", transport.LastError);
    }

    [Fact]
    public void Status_is_online_after_open_offline_from_the_will_when_the_socket_dies_and_offline_after_close()
    {
        using var proxy = new CuttableTcpProxy(_broker.PlainPort);
        using var transport = new MqttTransport(Options(BrokerListener.Plain, port: proxy.Port));

        Assert.True(transport.Open(), transport.LastError);
        Assert.Equal("online", MosquittoClients.ReadRetained(_broker, StatusTopic));

        // The connection dies without DISCONNECT (RST both ways): the broker publishes the Will.
        proxy.Reset();
        Assert.True(TransportEvents.Eventually(() => !transport.IsConnected, Limit), "the client did not notice the reset");
        Assert.Equal("offline", MosquittoClients.WaitForRetained(_broker, StatusTopic, "offline", Limit));
        Assert.Equal(1, transport.ConnectionsLost);

        Assert.True(transport.Open(), transport.LastError);
        Assert.Equal("online", MosquittoClients.ReadRetained(_broker, StatusTopic));

        // Orderly: the broker drops the Will on DISCONNECT, so "offline" here is the client's own retained publish.
        transport.Close();
        Assert.False(transport.IsConnected);
        Assert.Equal("offline", MosquittoClients.WaitForRetained(_broker, StatusTopic, "offline", Limit));
        Assert.Equal(1, transport.ConnectionsLost);
        Assert.Equal(-1, transport.Send(ReadingTopic, [1], confirmed: true, retain: false));
    }

    [Fact]
    public void A_command_from_mosquitto_pub_arrives_through_MessageReceived()
    {
        using var transport = new MqttTransport(Options(BrokerListener.Plain));
        var events = new TransportEvents(transport);
        Assert.True(transport.Open(), transport.LastError);

        MosquittoClients.Publish(_broker, CommandTopic, "{\"cmd\":\"recalibrate\",\"id\":\"c-17\"}");

        var messages = events.WaitForMessages(1, Limit);
        Assert.Single(messages);
        Assert.Equal(CommandTopic, messages[0].Topic);
        Assert.Equal("{\"cmd\":\"recalibrate\",\"id\":\"c-17\"}", Encoding.UTF8.GetString(messages[0].Payload));
    }

    [Fact]
    public void A_command_sent_while_the_unit_was_away_is_queued_by_its_persistent_session_and_arrives_on_reconnect()
    {
        using var transport = new MqttTransport(Options(BrokerListener.Plain));
        var events = new TransportEvents(transport);
        Assert.True(transport.Open(), transport.LastError);
        Assert.False(transport.SessionPresent);
        transport.Close();

        MosquittoClients.Publish(_broker, CommandTopic, "{\"cmd\":\"reboot\"}");
        Assert.Empty(events.Messages);

        Assert.True(transport.Open(), transport.LastError);
        Assert.True(transport.SessionPresent, "clean session is off, so the broker kept the session");
        var messages = events.WaitForMessages(1, Limit);
        Assert.Single(messages);
        Assert.Equal("{\"cmd\":\"reboot\"}", Encoding.UTF8.GetString(messages[0].Payload));
    }

    [Fact]
    public void While_the_broker_is_stopped_the_link_is_down_and_after_a_restart_it_opens_and_delivers_again()
    {
        using var subscriber = new SubscriberProcess(_broker, "occupancy/hq/#", "independent-restart");
        subscriber.WaitForSubscriptions(1, Limit);
        using var transport = new MqttTransport(Options(BrokerListener.Plain, connectTimeout: 2));
        var events = new TransportEvents(transport);
        Assert.True(transport.Open(), transport.LastError);

        _broker.Stop();
        Assert.True(TransportEvents.Eventually(() => !transport.IsConnected, Limit), "still connected after the broker stopped");
        Assert.Equal(-1, transport.Send(ReadingTopic, [1, 2, 3], confirmed: true, retain: false));
        Assert.False(transport.Open());
        _output.WriteLine("open while stopped: " + transport.LastError);

        _broker.Start();
        Assert.True(transport.Open(), transport.LastError);
        Assert.True(transport.SessionPresent, "the session was saved in the persistence file and restored");
        var id = transport.Send(ReadingTopic, Encoding.UTF8.GetBytes("after restart"), confirmed: true, retain: false);
        Assert.True(events.WaitForDelivery(id, Limit), "no PUBACK after the restart");

        // mosquitto_sub reconnected by itself (see SubscriberProcess) and got the message.
        subscriber.WaitForSubscriptions(2, Limit);
        var messages = subscriber.WaitForMessages(1, Limit);
        Assert.False(subscriber.HasExited);
        Assert.Equal(["after restart"], messages.Select(m => m.Text));
    }

    [Fact]
    public void Messages_queued_for_an_absent_subscriber_survive_a_broker_restart()
    {
        using (var first = new SubscriberProcess(_broker, "occupancy/hq/#", "independent-away"))
        {
            first.WaitForSubscriptions(1, Limit);
        }

        using (var transport = new MqttTransport(Options(BrokerListener.Plain)))
        {
            var events = new TransportEvents(transport);
            Assert.True(transport.Open(), transport.LastError);
            var id = transport.Send(ReadingTopic, Encoding.UTF8.GetBytes("queued"), confirmed: true, retain: false);
            Assert.True(events.WaitForDelivery(id, Limit));
            transport.Close();
        }

        _broker.Stop();
        _broker.Start();

        using var back = new SubscriberProcess(_broker, "occupancy/hq/#", "independent-away");
        var messages = back.WaitForMessages(1, Limit);
        Assert.True(messages.Count == 1, "nothing queued after the restart:\n" + back.Transcript + "\n" + _broker.Log);
        Assert.Equal("queued", messages[0].Text);
    }

    [Fact]
    public void A_cut_link_is_found_dead_by_keep_alive_its_message_is_not_delivered_and_open_fails_until_restored()
    {
        const int keepAliveSeconds = 1;
        using var proxy = new CuttableTcpProxy(_broker.PlainPort);
        using var transport = new MqttTransport(Options(BrokerListener.Plain, port: proxy.Port, keepAlive: keepAliveSeconds, connectTimeout: 1, ioTimeout: 1));
        var events = new TransportEvents(transport);
        Assert.True(transport.Open(), transport.LastError);

        proxy.Cut();
        var sinceCut = Stopwatch.StartNew();
        var id = transport.Send(ReadingTopic, Encoding.UTF8.GetBytes("into the void"), confirmed: true, retain: false);
        Assert.InRange(id, 1, 65535);

        Assert.True(TransportEvents.Eventually(() => !transport.IsConnected, Limit), "a silent link was never found dead");
        var detected = sinceCut.Elapsed;
        _output.WriteLine("dead link detected " + detected.TotalMilliseconds.ToString("F0") + " ms after the cut (keep-alive " + keepAliveSeconds + " s)");
        Assert.Contains("1.5 x keep-alive", transport.LastError);
        Assert.False(events.WaitForDelivery(id, Limit), "a message the broker never got must not be reported delivered");
        Assert.DoesNotContain((id, true), events.Deliveries);
        Assert.Equal(-1, transport.Send(ReadingTopic, [1], confirmed: true, retain: false));

        // The broker's side of the same rule: no packet for 1.5 keep-alives, so it publishes the Will.
        Assert.Equal("offline", MosquittoClients.WaitForRetained(_broker, StatusTopic, "offline", Limit));

        var attempt = Stopwatch.StartNew();
        Assert.False(transport.Open());
        _output.WriteLine("open while cut failed after " + attempt.ElapsedMilliseconds + " ms: " + transport.LastError);
        Assert.True(proxy.Swallowed > 0);

        proxy.Restore();
        Assert.True(transport.Open(), transport.LastError);
        Assert.Equal("online", MosquittoClients.ReadRetained(_broker, StatusTopic));
        var again = transport.Send(ReadingTopic, Encoding.UTF8.GetBytes("through again"), confirmed: true, retain: false);
        Assert.True(events.WaitForDelivery(again, Limit));
    }

    [Fact]
    public void A_topic_that_cannot_be_published_to_is_refused_and_the_link_stays_up()
    {
        using var transport = new MqttTransport(Options(BrokerListener.Plain));
        Assert.True(transport.Open(), transport.LastError);

        Assert.Equal(-1, transport.Send("occupancy/hq/+/presence", [1], confirmed: true, retain: false));
        Assert.Contains("wildcard", transport.LastError);
        Assert.True(transport.IsConnected);
    }

    private MqttOptions Options(
        BrokerListener listener,
        int? port = null,
        int keepAlive = 5,
        string? caFile = null,
        bool clientCertificate = true,
        string? serverName = null,
        string clientId = "unit-7",
        int connectTimeout = 5,
        int ioTimeout = 5)
    {
        var pki = TestPki.Shared;
        var tls = listener != BrokerListener.Plain;
        var mutual = listener == BrokerListener.MutualTls && clientCertificate;
        return new MqttOptions
        {
            Host = "127.0.0.1",
            Port = port ?? listener switch
            {
                BrokerListener.Tls => _broker.TlsPort,
                BrokerListener.MutualTls => _broker.MutualTlsPort,
                _ => _broker.PlainPort,
            },
            ClientId = clientId,
            KeepAliveSeconds = keepAlive,
            StatusTopic = StatusTopic,
            CommandTopic = CommandTopic,
            CaCertificateFile = tls ? caFile ?? pki.CaCertificate : null,
            ClientCertificateFile = mutual ? pki.ClientCertificate : null,
            ClientKeyFile = mutual ? pki.ClientKey : null,
            TlsServerName = serverName,
            ConnectTimeout = TimeSpan.FromSeconds(connectTimeout),
            IoTimeout = TimeSpan.FromSeconds(ioTimeout),
            Log = line => _output.WriteLine("[mqtt] " + line),
        };
    }
}
