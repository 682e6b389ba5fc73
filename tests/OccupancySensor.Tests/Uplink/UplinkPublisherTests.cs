using System.Text.Json;
using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;
using OccupancySensor.Tests.Configuration;
using OccupancySensor.Uplink;

namespace OccupancySensor.Tests.Uplink;

public class UplinkPublisherTests
{
    private readonly SimulatedClock _clock = new(0);
    private readonly FaultLog _faults = new();
    private readonly DeviceConfiguration _configuration = ConfigurationParser.Parse(SampleConfigurations.Desk).Configuration;
    private readonly InMemoryFileStore _flash = new();

    /// <summary>A publisher over a log on <see cref="_flash"/> (a reboot: call again with the same flash).</summary>
    private UplinkPublisher Publisher(IUplinkTransport link, int segmentBytes = 4096, int segments = 4, DeviceConfiguration? configuration = null)
    {
        var log = new ReadingLog(_flash, "readings", segmentBytes, segments, _clock, _faults);
        log.Open();
        return new UplinkPublisher(configuration ?? _configuration, link, _clock, _faults, log);
    }

    private static long Seq(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("seq").GetInt64();

    /// <summary>Steps the publisher, acknowledging every message, until nothing is pending or waiting.</summary>
    private void DrainAll(UplinkPublisher publisher, ManualLink link, long from)
    {
        for (var t = from; t < from + 600_000; t += 100)
        {
            _clock.AdvanceTo(t);
            publisher.Step();
            if (link.Sent.Count > 0 && !link.Acked.Contains(link.Sent[^1].Id))
            {
                link.Ack(link.Sent[^1].Id, true);
            }
            else if (publisher.Pending == 0 && !publisher.Log.HistoryActive && !publisher.ResponsePending)
            {
                return;
            }
        }
    }

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

        public HashSet<int> Acked { get; } = new();

        public void Ack(int id, bool ok)
        {
            if (ok)
            {
                Acked.Add(id);
            }

            Delivered?.Invoke(id, ok);
        }

        public void Command(string topic, string json) => MessageReceived?.Invoke(topic, System.Text.Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void A_reading_is_on_flash_before_it_is_sent_and_released_only_when_acknowledged()
    {
        var link = new ManualLink();
        var publisher = Publisher(link);
        publisher.Accept(Reading.PresenceChanged(5, 0, true));
        var written = _flash.BytesWritten;
        Assert.True(written >= LogRecord.SegmentLength + LogRecord.ReadingLength); // stored before any send
        publisher.Accept(Reading.PeriodicCount(6, 1, 0));

        publisher.Step();
        publisher.Step();
        Assert.Single(link.Sent); // one in flight at a time
        Assert.Equal(2, publisher.Pending);

        link.Ack(link.Sent[0].Id, false); // the broker gave up on it: sent again, not released
        publisher.Step();
        Assert.Equal(2, link.Sent.Count);
        Assert.Equal(link.Sent[0].Payload, link.Sent[1].Payload);
        Assert.Equal(0, publisher.Log.ReleasedThrough);

        link.Ack(link.Sent[1].Id, true);
        publisher.Step();
        Assert.Equal(1, publisher.Pending);
        Assert.Equal(1, publisher.Delivered);
        Assert.Equal(1, publisher.Log.ReleasedThrough);
        Assert.Contains("\"kind\":\"count\"", link.Sent[2].Payload);
    }

    [Fact]
    public void After_a_reboot_unacknowledged_readings_are_sent_again_with_their_numbers_and_numbering_goes_on()
    {
        var link = new ManualLink();
        var publisher = Publisher(link);
        for (var i = 0; i < 4; i++)
        {
            publisher.Accept(Reading.PeriodicCount(i, 0, i));
        }

        publisher.Step();
        link.Ack(link.Sent[0].Id, true);
        publisher.Step(); // 1 released, 2 in flight: the power goes now

        var rebooted = new ManualLink();
        var again = Publisher(rebooted);
        again.Accept(Reading.PeriodicCount(10, 0, 9));
        Assert.Equal(4, again.Pending);
        DrainAll(again, rebooted, 1000);
        Assert.Equal(new long[] { 2, 3, 4, 5 }, rebooted.Sent.Select(m => Seq(m.Payload)));
    }

    [Fact]
    public void A_link_that_is_down_is_retried_with_jittered_backoff_and_the_backlog_drains_oldest_first()
    {
        var link = new ManualLink { Up = false };
        var publisher = Publisher(link);
        for (var i = 0; i < 5; i++)
        {
            publisher.Accept(Reading.PeriodicCount(i, 0, i));
        }

        var attemptTimes = new List<long>();
        for (var t = 0; t < 60_000; t += 100)
        {
            _clock.AdvanceTo(t);
            var before = publisher.FailedConnects;
            publisher.Step();
            if (publisher.FailedConnects > before)
            {
                attemptTimes.Add(t);
            }
        }

        // Waits of 1, 2, 4, 8, 16, 32 s, each cut to between half and all of it by the jitter.
        Assert.InRange(attemptTimes.Count, 6, 7);
        for (var i = 1; i < attemptTimes.Count; i++)
        {
            long full = 1000L << (i - 1);
            Assert.InRange(attemptTimes[i] - attemptTimes[i - 1], full / 2, full + 100);
        }

        link.Up = true;
        publisher.Accept(Reading.PeriodicCount(70_000, 0, 7)); // new readings keep being stored behind the backlog
        DrainAll(publisher, link, 70_000);
        Assert.Equal(0, publisher.Pending);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6 }, link.Sent.Select(m => Seq(m.Payload)));
    }

    [Fact]
    public void Units_with_different_ids_back_off_differently_so_a_floor_does_not_reconnect_in_step()
    {
        var other = ConfigurationParser.Parse(SampleConfigurations.DeskWith("device.id", "device.id = hq-f3-desk-09")).Configuration;
        var times = new List<long>[2];
        for (var u = 0; u < 2; u++)
        {
            var clock = new SimulatedClock(0);
            var log = new ReadingLog(new InMemoryFileStore(), "readings", 4096, 4, clock, _faults);
            log.Open();
            var publisher = new UplinkPublisher(u == 0 ? _configuration : other, new ManualLink { Up = false }, clock, _faults, log);
            times[u] = new List<long>();
            for (var t = 0; t < 120_000; t += 10)
            {
                clock.AdvanceTo(t);
                var before = publisher.FailedConnects;
                publisher.Step();
                if (publisher.FailedConnects > before)
                {
                    times[u].Add(t);
                }
            }
        }

        Assert.NotEqual(times[0], times[1]);
    }

    [Fact]
    public void A_message_never_settled_is_sent_again_after_the_delivery_timeout()
    {
        var link = new ManualLink();
        var publisher = Publisher(link);
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
    public void Alerts_go_before_the_backlog_and_are_not_sent_again_with_it()
    {
        var link = new ManualLink { Up = false };
        var publisher = Publisher(link);
        for (var i = 0; i < 3; i++)
        {
            publisher.Accept(Reading.PeriodicCount(i, 0, i));
        }

        publisher.Accept(Reading.Alert(3, 0, true, 3));
        publisher.Accept(Reading.PeriodicCount(4, 0, 3));
        link.Up = true;
        DrainAll(publisher, link, 0);

        Assert.Equal(new long[] { 4, 1, 2, 3, 5 }, link.Sent.Select(m => Seq(m.Payload)));
        Assert.EndsWith("/alert", link.Sent[0].Topic);
        Assert.Equal(0, publisher.Pending);
        Assert.Equal(5, publisher.Log.ReleasedThrough);
    }

    [Fact]
    public void A_full_flash_drops_the_oldest_unsent_readings_counts_them_and_says_so_upstream_first()
    {
        // Two segments of five readings each: the ring holds ten, the 25 readings taken while offline push 15 out.
        var link = new ManualLink { Up = false };
        var publisher = Publisher(link, segmentBytes: LogRecord.SegmentLength + (5 * LogRecord.ReadingLength), segments: 2);
        for (var i = 0; i < 25; i++)
        {
            publisher.Accept(Reading.PeriodicCount(i, 0, i));
        }

        Assert.True(publisher.Dropped >= 15);
        link.Up = true;
        DrainAll(publisher, link, 0);

        // The reports go first. Storing a report in the full ring can push out one more segment, which the next
        // report counts: together they account for every reading lost, and the last one carries the total.
        var reports = link.Sent.TakeWhile(m => m.Topic.EndsWith("/dropped", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal("dropped", r.GetProperty("kind").GetString()));
        Assert.Equal(publisher.Dropped, reports.Sum(r => r.GetProperty("dropped").GetInt64()));
        Assert.Equal(publisher.Dropped, reports[^1].GetProperty("dropped_total").GetInt64());

        // What was kept is the newest readings, in order, each exactly once.
        var counts = link.Sent.Skip(reports.Length).Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("count").GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(25 - counts.Length, counts.Length), counts);
        Assert.Equal(25, counts.Length + publisher.Dropped);
        Assert.Equal(0, publisher.Pending);
    }

    [Fact]
    public void A_reading_the_flash_refuses_is_still_sent_from_ram_under_its_own_number()
    {
        var link = new ManualLink { Up = false };
        var publisher = Publisher(link);
        publisher.Accept(Reading.PeriodicCount(0, 0, 0));
        _flash.CapacityBytes = _flash.UsedBytes; // the flash is full from now on
        publisher.Accept(Reading.PeriodicCount(1, 0, 1));
        _flash.CapacityBytes = long.MaxValue;
        publisher.Accept(Reading.PeriodicCount(2, 0, 2));

        Assert.Equal(1, publisher.Log.Unstored);
        Assert.Equal(3, publisher.Pending);
        link.Up = true;
        DrainAll(publisher, link, 0);
        Assert.Equal(new long[] { 2, 1, 3 }, link.Sent.Select(m => Seq(m.Payload)));
        Assert.Equal(0, publisher.Pending);
    }

    [Fact]
    public void Payloads_are_json_with_device_sequence_tags_and_no_personal_data()
    {
        var link = new ManualLink();
        var publisher = Publisher(link);
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
        var json = JsonDocument.Parse(ReadingJson.Format(_configuration, topics, Reading.Ambient(0, 21.5f, float.NaN, 1013.25f), 7, false)).RootElement;
        Assert.Equal(21.5, json.GetProperty("temperature_c").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("humidity_pct").ValueKind);
        Assert.Equal(1013.25, json.GetProperty("pressure_hpa").GetDouble());
        Assert.Equal("occupancy/device/hq-f3-desk-07/status", topics.Status);
        Assert.Equal("occupancy/device/hq-f3-desk-07/cmd", topics.Commands);
    }
}
