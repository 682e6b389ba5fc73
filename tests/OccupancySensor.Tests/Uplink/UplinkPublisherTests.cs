using System.Text.Json;
using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Tests.Configuration;
using OccupancySensor.Uplink;

namespace OccupancySensor.Tests.Uplink;

public class UplinkPublisherTests
{
    private readonly SimulatedClock _clock = new(0);
    private readonly FaultLog _faults = new();
    private readonly DeviceConfiguration _configuration = ConfigurationParser.Parse(SampleConfigurations.Desk).Configuration;

    /// <summary>A link whose acknowledgements the test releases by hand.</summary>
    private sealed class ManualLink : IUplinkTransport
    {
        public event UplinkDeliveryHandler? Delivered;

        public event UplinkMessageHandler? MessageReceived;

        public bool Up { get; set; } = true;

        public bool Connected { get; set; }

        public List<(int Id, string Topic, string Payload)> Sent { get; } = new();

        public bool IsConnected => Connected && Up;

        public bool Open() => Connected = Up;

        public void Close() => Connected = false;

        public int Send(string channel, byte[] payload, bool confirmed, bool retain)
        {
            if (!IsConnected)
            {
                return -1;
            }

            Sent.Add((Sent.Count + 100, channel, System.Text.Encoding.UTF8.GetString(payload)));
            return Sent.Count + 99;
        }

        public void Ack(int id, bool ok) => Delivered?.Invoke(id, ok);

        public void Command(string topic) => MessageReceived?.Invoke(topic, Array.Empty<byte>());
    }

    [Fact]
    public void A_reading_leaves_the_queue_only_when_acknowledged()
    {
        var link = new ManualLink();
        var publisher = new UplinkPublisher(_configuration, link, _clock, _faults, 16);
        publisher.Accept(Reading.PresenceChanged(5, 0, true));
        publisher.Accept(Reading.PeriodicCount(6, 1, 0));

        publisher.Step();
        publisher.Step();
        Assert.Single(link.Sent); // one in flight at a time
        Assert.Equal(2, publisher.Pending);

        link.Ack(link.Sent[0].Id, false); // the broker gave up on it: sent again
        publisher.Step();
        Assert.Equal(2, link.Sent.Count);
        Assert.Equal(link.Sent[0].Payload, link.Sent[1].Payload);

        link.Ack(link.Sent[1].Id, true);
        publisher.Step();
        Assert.Equal(1, publisher.Pending);
        Assert.Equal(1, publisher.Delivered);
        Assert.Contains("\"kind\":\"count\"", link.Sent[2].Payload);
    }

    [Fact]
    public void A_link_that_is_down_is_retried_with_backoff_and_nothing_is_lost()
    {
        var link = new ManualLink { Up = false };
        var publisher = new UplinkPublisher(_configuration, link, _clock, _faults, 16);
        for (var i = 0; i < 5; i++)
        {
            publisher.Accept(Reading.PeriodicCount(i, 0, i));
        }

        var attempts = 0;
        for (var t = 0; t < 60_000; t += 100)
        {
            _clock.AdvanceTo(t);
            var before = _faults.Total;
            publisher.Step();
            attempts += _faults.Total - before;
        }

        Assert.InRange(attempts, 5, 7); // 1, 2, 4, 8, 16, 32 s apart
        link.Up = true;
        for (var t = 60_000; t < 200_000 && publisher.Pending > 0; t += 100)
        {
            _clock.AdvanceTo(t);
            publisher.Step();
            if (link.Sent.Count > publisher.Delivered)
            {
                link.Ack(link.Sent[^1].Id, true);
            }
        }

        Assert.Equal(0, publisher.Pending);
        var sequences = link.Sent.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, sequences);
    }

    [Fact]
    public void A_message_never_settled_is_sent_again_after_the_delivery_timeout()
    {
        var link = new ManualLink();
        var publisher = new UplinkPublisher(_configuration, link, _clock, _faults, 16);
        publisher.Accept(Reading.PresenceChanged(5, 0, true));
        publisher.Step();
        _clock.AdvanceTo(29_000);
        publisher.Step();
        Assert.Single(link.Sent); // still waiting

        _clock.AdvanceTo(31_000); // no PUBACK and no failure report: the client lost it
        publisher.Step();
        Assert.Equal(2, link.Sent.Count);
        Assert.Equal(link.Sent[0].Payload, link.Sent[1].Payload);
        Assert.Equal(FaultSource.Uplink, _faults.GetRecent(0).Source);

        link.Ack(link.Sent[0].Id, true); // a late acknowledgement of the first copy is not taken for the second
        publisher.Step();
        Assert.Equal(1, publisher.Pending);
        link.Ack(link.Sent[1].Id, true);
        publisher.Step();
        Assert.Equal(0, publisher.Pending);
    }

    [Fact]
    public void A_full_queue_drops_the_oldest_and_counts_it()
    {
        var publisher = new UplinkPublisher(_configuration, new ManualLink { Up = false }, _clock, _faults, 4);
        for (var i = 0; i < 10; i++)
        {
            publisher.Accept(Reading.PeriodicCount(i, 0, i));
        }

        Assert.Equal(4, publisher.Pending);
        Assert.Equal(6, publisher.Dropped);
    }

    [Fact]
    public void Payloads_are_json_with_device_sequence_tags_and_no_personal_data()
    {
        var link = new ManualLink();
        var publisher = new UplinkPublisher(_configuration, link, _clock, _faults, 16);
        publisher.Accept(Reading.PresenceChanged(1234, 1, true));
        publisher.Step();

        var (_, topic, payload) = Assert.Single(link.Sent);
        Assert.Equal("occupancy/hq/3/east/desk-3e-08/presence", topic);
        var json = JsonDocument.Parse(payload).RootElement;
        Assert.Equal("hq-f3-desk-07", json.GetProperty("device").GetString());
        Assert.Equal(1, json.GetProperty("seq").GetInt64());
        Assert.Equal(1234, json.GetProperty("uptime_ms").GetInt64());
        Assert.Equal("right", json.GetProperty("zone").GetString());
        Assert.Equal("desk-3e-08", json.GetProperty("asset").GetString());
        Assert.Equal("desk", json.GetProperty("asset_type").GetString());
        Assert.True(json.GetProperty("occupied").GetBoolean());
        Assert.Equal(
            new[] { "area", "asset", "asset_type", "building", "device", "floor", "kind", "occupied", "seq", "uptime_ms", "zone" },
            json.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Ambient_payloads_carry_numbers_and_null_for_missing_channels()
    {
        var topics = new UplinkTopics(_configuration);
        var json = JsonDocument.Parse(ReadingJson.Format(_configuration, topics, Reading.Ambient(0, 21.5f, float.NaN, 1013.25f), 7)).RootElement;
        Assert.Equal(21.5, json.GetProperty("temperature_c").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("humidity_pct").ValueKind);
        Assert.Equal(1013.25, json.GetProperty("pressure_hpa").GetDouble());
        Assert.Equal("occupancy/device/hq-f3-desk-07/status", topics.Status);
        Assert.Equal("occupancy/device/hq-f3-desk-07/cmd", topics.Commands);
    }
}
