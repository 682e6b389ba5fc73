using System.Text.Json.Nodes;
using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Lorawan.Regions;
using OccupancySensor.Lorawan.Uplink;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// A unit's LoRaWAN uplink as the device runs it: readings go to the publisher, which stores them in the flash log and
/// feeds the Class A device; lora-packet (node) is the network server: it builds the join accept and the ACKs, and
/// afterwards verifies and decrypts every uplink the gateway heard, and the ES5 codec decodes the payloads.
/// </summary>
internal sealed class PublisherRig
{
    public const uint DevAddr = 0x260B1A2C;

    private readonly Random _random;
    private readonly Queue<byte[]> _acks = new();
    private readonly Dictionary<long, Reading> _produced = new();
    private int _joinTransmissions;
    private int _zones;

    public PublisherRig(int seed = 1, int zones = 3)
    {
        _random = new Random(seed);
        _zones = zones;
        Harness = new DeviceHarness(new Eu868Region(), seed: seed);
        Clock = new SimulatedClock(Harness.Now);
        Log = new ReadingLog(Harness.Flash, ReadingLog.FileStem, 16 * 1024, 16, Clock, Faults);
        Log.Open();
        Publisher = new LorawanUplinkPublisher(Harness.Device, Log, Faults);
    }

    public DeviceHarness Harness { get; }

    public SimulatedClock Clock { get; }

    public FaultLog Faults { get; } = new();

    public ReadingLog Log { get; }

    public LorawanUplinkPublisher Publisher { get; }

    public long Now => Harness.Now;

    /// <summary>Whether the gateway hears a transmission (false: a coverage loss; nothing is answered).</summary>
    public Func<Transmission, bool> Heard { get; set; } = _ => true;

    /// <summary>Runs after each minute's readings with the minute's number: a test adds readings of its own.</summary>
    public Action<int>? EveryMinute { get; set; }

    /// <summary>Readings produced, in the order produced, with the sequence numbers the log gave them.</summary>
    public List<Reading> Produced { get; } = new();

    /// <summary>Uplinks since the join (every transmission, repeats included).</summary>
    public IReadOnlyList<Transmission> Uplinks => Harness.Radio.Transmissions.Skip(_joinTransmissions).ToList();

    /// <summary>Joins with a join accept lora-packet builds, then answers confirmed uplinks with ACKs it built.</summary>
    public void Join(int acks = 600, int firstAckCounter = 0)
    {
        Harness.AcceptJoins(t => (t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz), DevAddr, LoraNetwork.TtnChannelListHex);
        Harness.Device.Join();
        while (!Harness.Device.IsJoined)
        {
            Step(long.MaxValue);
            Assert.True(Harness.Now < 600_000, "not joined within 10 minutes");
        }

        _joinTransmissions = Harness.Radio.Transmissions.Count;
        foreach (var ack in Harness.BuildDownlinks(DevAddr, Enumerable.Range(firstAckCounter, acks).Select(n => new JsonObject
                 {
                     ["fcnt"] = n,
                     ["ack"] = true,
                     ["fopts"] = "",
                     ["payload"] = "",
                 })))
        {
            _acks.Enqueue(ack);
        }

        Harness.Radio.OnTransmit = t =>
        {
            // Confirmed data up (MType 4) heard by the gateway: acknowledged in RX1, 1 s after its end.
            if (t.Bytes[0] >> 5 == 4 && Heard(t))
            {
                Harness.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, _acks.Dequeue());
            }
        };
    }

    /// <summary>
    /// Runs the unit: every minute a count of each zone; every 5 minutes in/out totals, health and ambient; now and
    /// then a presence change or an alert; until <paramref name="stop"/> holds, then until the log is drained.
    /// </summary>
    public void Run(Func<bool> stop, long limitMilliseconds)
    {
        var nextMinute = Harness.Now;
        var minute = 0;
        var producing = true;
        while (producing || Publisher.Pending > 0 || Harness.Device.HasPendingUplink)
        {
            Assert.True(Harness.Now <= limitMilliseconds, "not done by " + limitMilliseconds + " ms");
            if (producing && stop())
            {
                producing = false;
            }

            if (producing && Harness.Now >= nextMinute)
            {
                ProduceMinute(minute++);
                nextMinute += 60_000;
            }

            var due = Step(producing ? nextMinute : long.MaxValue);
            Assert.False(!producing && due == long.MaxValue && Publisher.Pending > 0, "readings left with nothing scheduled");
        }
    }

    /// <summary>Steps the publisher until <paramref name="until"/> holds (no readings produced meanwhile).</summary>
    public void RunUntil(Func<bool> until, long limitMilliseconds)
    {
        while (!until())
        {
            Assert.True(Harness.Now <= limitMilliseconds, "not done by " + limitMilliseconds + " ms");
            Step(long.MaxValue);
        }
    }

    private long Step(long cap)
    {
        Harness.Radio.Now = Harness.Now;
        Clock.AdvanceTo(Harness.Now);
        var due = Publisher.Step(Harness.Now);
        var next = Math.Min(due, cap);
        Assert.True(next >= Harness.Now, "Step asked to run in the past");
        Harness.Now = next == long.MaxValue ? Harness.Now + 60_000 : Math.Max(next, Harness.Now);
        return due;
    }

    private void ProduceMinute(int minute)
    {
        var now = Harness.Now;
        if (_random.Next(5) == 0)
        {
            Produce(Reading.PresenceChanged(now, _random.Next(_zones), _random.Next(2) == 1));
        }

        for (var zone = 0; zone < _zones; zone++)
        {
            Produce(Reading.PeriodicCount(now, zone, _random.Next(0, 12)));
        }

        if (_random.Next(30) == 0)
        {
            Produce(Reading.Alert(now, _random.Next(_zones), _random.Next(2) == 1, _random.Next(5, 40)));
        }

        if (minute % 5 == 0)
        {
            Produce(Reading.InOutTotals(now, Reading.WholeUnit, minute * 3, Math.Max(0, (minute * 3) - _random.Next(3))));
            Produce(Reading.DeviceHealth(now, _random.Next(3), minute * 60));
            // On the flash log's 0.01 grid: the log keeps hundredths, and the payload rounds what the log kept.
            Produce(Reading.Ambient(now, _random.Next(2000, 2400) / 100f, _random.Next(3000, 6000) / 100f, _random.Next(95000, 105000) / 100f));
        }

        EveryMinute?.Invoke(minute);
    }

    /// <summary>Hands a reading to the publisher as the unit would, numbered by the log.</summary>
    public void Produce(Reading reading)
    {
        reading.Sequence = Log.NextSequence;
        Publisher.Accept(reading);
        Produced.Add(reading);
        _produced[reading.Sequence] = reading;
    }

    /// <summary>
    /// What the network server received: every distinct uplink the gateway heard (a repeat of a frame counter is
    /// the same frame), checked and decrypted by lora-packet, its payload decoded by the codec; each decoded reading
    /// with the time its frame was first sent (the ages count from it).
    /// </summary>
    public List<(JsonNode Decoded, long SentAt, int FrameIndex)> Received(out int frames)
    {
        var uplinks = Uplinks;
        var firstSent = new Dictionary<int, long>();
        var heard = new List<(Transmission T, int Counter)>();
        foreach (var t in uplinks)
        {
            var counter = t.Bytes[6] | (t.Bytes[7] << 8);
            firstSent.TryAdd(counter, t.Start);
            if (Heard(t) && heard.All(h => h.Counter != counter))
            {
                heard.Add((t, counter));
            }
        }

        frames = heard.Count;
        var verified = Harness.Verify(heard.Select(h => h.T));
        var inputs = new JsonArray();
        for (var i = 0; i < heard.Count; i++)
        {
            var frame = verified[i]!;
            Assert.True((bool)frame["micOk"]!, "lora-packet rejects the MIC of uplink " + i);
            Assert.Equal(DevAddr.ToString("x8"), (string?)frame["devAddr"]);
            Assert.Equal(heard[i].Counter, (int)frame["fcnt"]!);
            inputs.Add(new JsonObject
            {
                ["fPort"] = (int)frame["fport"]!,
                ["bytes"] = new JsonArray(Convert.FromHexString((string)frame["payload"]!).Select(b => (JsonNode)(int)b).ToArray()),
            });
        }

        var decoded = CodecTests.Call("decodeUplink", inputs);
        var result = new List<(JsonNode, long, int)>();
        for (var i = 0; i < heard.Count; i++)
        {
            Assert.Null(decoded[i]!["errors"]);
            foreach (var reading in decoded[i]!["data"]!["readings"]!.AsArray())
            {
                result.Add((reading!, firstSent[heard[i].Counter], i));
            }
        }

        return result;
    }

    /// <summary>
    /// Asserts the decoded readings are exactly those produced, each once (or, with <paramref name="repeatsAllowed"/>,
    /// repeated identically): every value, zone, sequence and age as the codec documents them.
    /// </summary>
    public void AssertExactly(List<(JsonNode Decoded, long SentAt, int FrameIndex)> received, bool repeatsAllowed)
    {
        var seen = new HashSet<long>();
        foreach (var (decoded, sentAt, _) in received)
        {
            var sequence = (long)decoded["seq"]!;
            Assert.True(_produced.TryGetValue(sequence, out var reading), "a reading nobody produced: seq " + sequence);
            Assert.True(seen.Add(sequence) || repeatsAllowed, "reading " + sequence + " arrived twice");
            CodecTests.AssertDecoded(reading, sentAt - reading.TimestampMilliseconds, decoded);
        }

        Assert.Equal(Produced.Select(r => r.Sequence).OrderBy(s => s), seen.OrderBy(s => s));
    }
}
