using System.Text.Json.Nodes;
using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;
using OccupancySensor.Lorawan.Payload;
using OccupancySensor.Lorawan.Regions;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;
using Xunit.Abstractions;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// The Class A end device on a simulated radio channel, with lora-packet (node) as the network server: it builds the
/// join accepts and downlinks and verifies and decrypts every uplink the device put on the air.
/// </summary>
public class EndDeviceTests(ITestOutputHelper output)
{
    private const uint DevAddr = 0x260B1A2C;

    private static (int, int, int) SameAsUplink(Transmission t) => (t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz);

    private static List<Reading> Readings(int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<Reading>();
        for (var i = 0; i < count; i++)
        {
            var zone = random.Next(-1, 8);
            var r = random.Next(6) switch
            {
                0 => Reading.PresenceChanged(i, zone, random.Next(2) == 1),
                1 => Reading.PeriodicCount(i, zone, random.Next(0, 40)),
                2 => Reading.InOutTotals(i, zone, random.Next(0, 5000), random.Next(0, 5000)),
                3 => Reading.Alert(i, zone, random.Next(2) == 1, random.Next(0, 40)),
                4 => Reading.DeviceHealth(i, random.Next(0, 5), random.Next(0, 1_000_000)),
                _ => Reading.Ambient(i, (float)(random.NextDouble() * 30), (float)(random.NextDouble() * 100), (float)(950 + random.NextDouble() * 100)),
            };
            r.Sequence = i + 1;
            list.Add(r);
        }

        return list;
    }

    internal static void AssertNeverOverDutyCycle(IReadOnlyList<Transmission> sent) =>
        DutyCycleCheck.AssertNeverOver(sent.Select(t => (t.Start, t.FrequencyHz, t.AirtimeMicroseconds)));

    [Fact]
    public void A_device_joins_by_OTAA_and_sends_1000_uplinks_lora_packet_verifies_and_decrypts_to_the_readings()
    {
        var harness = new DeviceHarness(new Eu868Region());
        harness.AcceptJoins(SameAsUplink, DevAddr, LoraNetwork.TtnChannelListHex);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 60_000);
        Assert.Equal(new[] { DevAddr }, harness.Joined);
        var region = harness.Device.Region;
        Assert.Equal(new[] { 868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000 },
            Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled).Select(region.ChannelFrequency));

        // The join request's windows: RX1 5 s and RX2 6 s after its end; the accept came in RX1.
        var join = harness.Radio.Transmissions.Single();
        Assert.Equal(join.End + 5000, harness.Radio.Windows[0].OpensAt);
        Assert.Single(harness.Radio.Windows);

        var readings = Readings(1000, 42);
        var alerts = readings.Count(r => r.Kind == ReadingKind.Alert);
        var acks = new Queue<byte[]>(harness.BuildDownlinks(DevAddr, Enumerable.Range(0, alerts).Select(n => new JsonObject
        {
            ["fcnt"] = n,
            ["ack"] = true,
            ["fopts"] = "",
            ["payload"] = "",
        })));
        harness.Radio.OnTransmit = t =>
        {
            // The network acknowledges confirmed uplinks (MType 4) in RX1: 1 s after the uplink, same channel and rate.
            if (t.Bytes[0] >> 5 == 4)
            {
                harness.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, acks.Dequeue());
            }
        };

        var encoded = new List<byte[]>();
        var next = 0;
        var buffer = new byte[ReadingPayloadEncoder.MaxRecordLength];
        harness.Run(() => harness.Done.Count == readings.Count, 30L * 86_400_000, () =>
        {
            var reading = readings[next++];
            var length = ReadingPayloadEncoder.Encode(reading, 0, buffer, 0);
            encoded.Add(buffer[..length]);
            Assert.True(harness.Device.RequestUplink(buffer, 0, length, PayloadPorts.Readings, ConfirmationPolicy.IsConfirmed(reading.Kind)));
        });

        Assert.All(harness.Done, d => Assert.True(d.Sent));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (uint)i), harness.Done.Select(d => d.Counter));
        Assert.All(harness.Done.Where(d => d.Confirmed), d => Assert.True(d.Acknowledged));
        Assert.Equal(alerts, harness.Done.Count(d => d.Confirmed));

        var uplinks = harness.Radio.Transmissions.Skip(1).ToList();
        Assert.Equal(1000, uplinks.Count);
        var verified = harness.Verify(uplinks);
        var decodeInputs = new JsonArray();
        for (var i = 0; i < uplinks.Count; i++)
        {
            var frame = verified[i]!;
            Assert.True((bool)frame["micOk"]!, "lora-packet rejects the MIC of uplink " + i);
            Assert.Equal(readings[i].Kind == ReadingKind.Alert ? "Confirmed Data Up" : "Unconfirmed Data Up", (string?)frame["mtype"]);
            Assert.Equal(DevAddr.ToString("x8"), (string?)frame["devAddr"]);
            Assert.Equal(i, (int)frame["fcnt"]!);
            Assert.Equal(1, (int)frame["fport"]!);
            Assert.Equal(Hex.Of(encoded[i]), (string?)frame["payload"]);
            decodeInputs.Add(new JsonObject { ["fPort"] = 1, ["bytes"] = new JsonArray(Convert.FromHexString((string)frame["payload"]!).Select(b => (JsonNode)(int)b).ToArray()) });
        }

        var decoded = CodecTests.Call("decodeUplink", decodeInputs);
        for (var i = 0; i < readings.Count; i++)
        {
            CodecTests.AssertDecoded(readings[i], 0, decoded[i]!["data"]!["readings"]![0]!);
        }

        AssertNeverOverDutyCycle(harness.Radio.Transmissions);

        // Every uplink opened RX1 exactly 1 s after its end on its own channel and rate (downlink settings: no CRC);
        // RX2 (869.525 MHz, DR0) 1 s later only when RX1 brought nothing.
        var windows = harness.Radio.Windows.Skip(1).ToList();
        var w = 0;
        foreach (var (uplink, index) in uplinks.Select((u, i) => (u, i)))
        {
            Assert.Equal(new Window(uplink.End + 1000, uplink.FrequencyHz, uplink.SpreadingFactor, uplink.BandwidthHz, false), windows[w++]);
            if (readings[index].Kind != ReadingKind.Alert)
            {
                Assert.Equal(new Window(uplink.End + 2000, 869_525_000, 12, 125_000, false), windows[w++]);
            }
        }

        Assert.Equal(windows.Count, w);

        // Each window, the join accept's too, reached the radio ReceiveLeadMilliseconds before it opened, so the radio
        // can have its receiver listening before the downlink's preamble starts.
        Assert.All(harness.Radio.Windows.Zip(harness.Radio.HandedAt),
            window => Assert.Equal(window.First.OpensAt - ClassADevice.ReceiveLeadMilliseconds, window.Second));
        var hours = (harness.Now - join.Start) / 3_600_000.0;
        var airtime = harness.Radio.Transmissions.Sum(t => t.AirtimeMicroseconds) / 1e6;
        output.WriteLine($"1000 uplinks (DR5, 8 channels, {alerts} confirmed) took {hours:F2} h of device time, {airtime:F1} s of airtime");
    }
}

public class EndDeviceBehaviourTests(ITestOutputHelper output)
{
    private const uint DevAddr = 0x260B1A2C;

    private static (int, int, int) SameAsUplink(Transmission t) => (t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz);

    private static DeviceHarness Joined(LorawanRegion region, Func<Transmission, (int, int, int)>? rx1 = null, InMemoryFileStore? flash = null)
    {
        var harness = new DeviceHarness(region, flash);
        harness.AcceptJoins(rx1 ?? SameAsUplink, DevAddr);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 120_000);
        return harness;
    }

    private static bool Send(DeviceHarness harness, byte[] payload, bool confirmed, int port = 1)
    {
        if (!harness.Device.RequestUplink(payload, 0, payload.Length, port, confirmed))
        {
            return false;
        }

        var done = harness.Done.Count;
        harness.Run(() => harness.Done.Count > done, harness.Now + 86_400_000);
        return true;
    }

    [Fact]
    public void US915_joins_alternating_125_and_500_kHz_and_keeps_to_sub_band_2_and_the_dwell_time()
    {
        // RX1 in US915: 923.3 + 0.6 x (channel mod 8) MHz at 500 kHz; DR0 (SF10) answers at DR10 (SF10), DR4 (SF8/500) at DR13 (SF7).
        var region = new Us915Region();
        var harness = new DeviceHarness(region);
        harness.AcceptJoins(t =>
        {
            var channel = t.BandwidthHz == 500_000 ? 64 + (t.FrequencyHz - 903_000_000) / 1_600_000 : (t.FrequencyHz - 902_300_000) / 200_000;
            return (923_300_000 + channel % 8 * 600_000, t.BandwidthHz == 500_000 ? 7 : 20 - t.SpreadingFactor, 500_000);
        }, DevAddr, answer: n => n == 1);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 3_600_000);

        var joins = harness.Radio.Transmissions;
        Assert.Equal(2, joins.Count);
        Assert.Equal((10, 125_000), (joins[0].SpreadingFactor, joins[0].BandwidthHz));
        Assert.Equal((8, 500_000, 904_600_000), (joins[1].SpreadingFactor, joins[1].BandwidthHz, joins[1].FrequencyHz));
        // The unanswered first request opened RX1 (5 s) and RX2 (923.3 MHz, DR8 = SF12/500) at 6 s.
        Assert.Equal(joins[0].End + 6000, harness.Radio.Windows[1].OpensAt);
        Assert.Equal((923_300_000, 12, 500_000), (harness.Radio.Windows[1].FrequencyHz, harness.Radio.Windows[1].SpreadingFactor, harness.Radio.Windows[1].BandwidthHz));

        // Uplinks at DR0: 11-byte payloads are the most it takes, and they stay under 400 ms on the air.
        harness.Device.Mac.DataRate = 0;
        Assert.Equal(11, harness.Device.MaxApplicationPayload);
        Assert.False(harness.Device.RequestUplink(new byte[12], 0, 12, 1, false));
        var payload = new byte[11];
        for (var i = 0; i < 40; i++)
        {
            payload[0] = (byte)i;
            Assert.True(Send(harness, payload, false));
        }

        var uplinks = harness.Radio.Transmissions.Skip(2).ToList();
        Assert.All(uplinks, u =>
        {
            Assert.InRange(u.FrequencyHz, 903_900_000, 905_300_000);
            Assert.Equal((10, 125_000), (u.SpreadingFactor, u.BandwidthHz));
            Assert.True(u.AirtimeMicroseconds <= 400_000, u.AirtimeMicroseconds + " us over the dwell time");
        });
        Assert.True(uplinks.Select(u => u.FrequencyHz).Distinct().Count() >= 6, "uplinks should spread over the sub-band's channels");
        Assert.All(harness.Verify(uplinks), f => Assert.True((bool)f!["micOk"]!));
    }

    [Fact]
    public void An_unanswered_join_is_retried_with_back_off_a_new_DevNonce_and_lower_data_rates()
    {
        var harness = new DeviceHarness(new Eu868Region());
        harness.AcceptJoins(SameAsUplink, DevAddr, answer: n => n == 5);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 3_600_000);
        var joins = harness.Radio.Transmissions;
        Assert.Equal(6, joins.Count);

        var parsed = NodePeer.Run("lora-peer.js", new JsonObject
        {
            ["op"] = "join-requests",
            ["appKey"] = DeviceHarness.AppKey,
            ["frames"] = new JsonArray(joins.Select(j => (JsonNode)j.Hex).ToArray()),
        }).AsArray();
        Assert.All(parsed, p => Assert.True((bool)p!["micOk"]!));
        Assert.Equal(new[] { "0000", "0001", "0002", "0003", "0004", "0005" }, parsed.Select(p => (string?)p!["devNonce"]));

        // DR5, DR5, DR4, DR4, DR3, DR3: SF7, SF7, SF8, SF8, SF9, SF9.
        Assert.Equal(new[] { 7, 7, 8, 8, 9, 9 }, joins.Select(j => j.SpreadingFactor));
        for (var i = 1; i < joins.Count; i++)
        {
            // First hour: 1 % back-off; and not before the RX2 window of the previous request has passed.
            Assert.True((joins[i].Start - joins[i - 1].Start) * 1000 >= joins[i - 1].AirtimeMicroseconds * 100);
            Assert.True(joins[i].Start >= joins[i - 1].End + 6000);
        }

        // A reboot keeps DevNonce counting: the next join request uses 6.
        var rebooted = new DeviceHarness(new Eu868Region(), harness.Flash);
        rebooted.Device.Join();
        rebooted.Run(() => rebooted.Radio.Transmissions.Count == 1, 60_000);
        var again = NodePeer.Run("lora-peer.js", new JsonObject { ["op"] = "join-request", ["appKey"] = DeviceHarness.AppKey, ["hex"] = rebooted.Radio.Transmissions[0].Hex });
        Assert.Equal("0006", (string?)again["devNonce"]);
        output.WriteLine("6 join attempts took " + (harness.Now - joins[0].Start) / 1000.0 + " s");
    }

    [Fact]
    public void A_confirmed_alert_is_sent_again_unchanged_until_the_network_acknowledges_it()
    {
        var harness = Joined(new Eu868Region());
        var acks = harness.BuildDownlinks(DevAddr, new[] { new JsonObject { ["fcnt"] = 0, ["ack"] = true, ["fopts"] = "", ["payload"] = "" } });
        var seen = 0;
        harness.Radio.OnTransmit = t =>
        {
            // Silence for two transmissions, then an ACK in RX2 (869.525 MHz, DR0), 2 s after the third.
            if (++seen == 3)
            {
                harness.Radio.Schedule(t.End + 2000, 869_525_000, 12, 125_000, acks[0]);
            }
        };
        var buffer = new byte[11];
        var length = ReadingPayloadEncoder.Encode(Reading.Alert(5, 1, true, 12), 0, buffer, 0);
        Assert.True(Send(harness, buffer[..length], confirmed: true));

        var sent = harness.Radio.Transmissions.Skip(1).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.Equal(sent[0].Hex, s.Hex));
        for (var i = 1; i < sent.Count; i++)
        {
            // ACK_TIMEOUT: 1 to 3 s after the RX2 window of the previous attempt (2 s after its end).
            Assert.InRange(sent[i].Start - (sent[i - 1].End + 2000), 1000, 3000 + 1000);
        }

        Assert.Equal((0u, true, true, true), harness.Done.Single());
        Assert.Equal(1u, harness.Device.Session.UplinkCounter);
    }

    [Fact]
    public void A_confirmed_uplink_nobody_acknowledges_is_given_up_after_four_transmissions()
    {
        var harness = Joined(new Eu868Region());
        harness.Radio.OnTransmit = null;
        Assert.True(Send(harness, new byte[] { 1, 2, 3 }, confirmed: true));
        Assert.Equal(ClassADevice.ConfirmedAttempts, harness.Radio.Transmissions.Count - 1);
        Assert.Equal((0u, true, true, false), harness.Done.Single());

        // The next uplink moves on to the next counter.
        Assert.True(Send(harness, new byte[] { 4 }, confirmed: false));
        Assert.Equal(1u, harness.Done[1].Counter);
    }

    [Fact]
    public void MAC_commands_are_applied_and_answered_in_the_next_uplink()
    {
        var harness = Joined(new Eu868Region());
        // LinkADRReq: DR3 / TX power 2, ChMask 0x0005 (channels 0 and 2), ChMaskCntl 0, NbTrans 2; DevStatusReq;
        // DutyCycleReq MaxDCycle 3 (1/8).
        var downlinks = harness.BuildDownlinks(DevAddr, new[]
        {
            new JsonObject { ["fcnt"] = 0, ["fopts"] = "03320500020604" + "03", ["payload"] = "" },
            new JsonObject { ["fcnt"] = 1, ["fopts"] = "", ["fport"] = 0, ["payload"] = "03ff010002" + "020a03" + "03ff000102" },
        });
        var queue = new Queue<byte[]>(downlinks);
        harness.Radio.OnTransmit = t =>
        {
            if (queue.Count > 0)
            {
                harness.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, queue.Dequeue());
            }
        };
        harness.Radio.LastSnr = -5;
        harness.Device.Mac.BatteryLevel = 200;
        Assert.True(harness.Device.Mac.RequestLinkCheck());
        Assert.True(Send(harness, new byte[] { 1 }, false));
        Assert.Equal(3, harness.Device.Mac.DataRate);
        Assert.Equal(2, harness.Device.Mac.TxPowerIndex);
        Assert.Equal(2, harness.Device.Mac.Repetitions);
        Assert.Equal(3, harness.Device.Mac.DutyCycleExponent);
        Assert.Equal(new[] { 0, 2 }, Enumerable.Range(0, 16).Where(harness.Device.Region.IsChannelEnabled));

        // Second uplink: FOpts carry LinkADRAns (all ACK), DevStatusAns (battery 200, margin -5 as 6-bit), DutyCycleAns.
        Assert.True(Send(harness, new byte[] { 2 }, false));
        var frames = harness.Verify(harness.Radio.Transmissions.Skip(1));
        Assert.Equal("02", (string?)frames[0]!["fopts"]);
        Assert.Equal("0307" + "06c83b" + "04", (string?)frames[1]!["fopts"]);
        Assert.All(frames, f => Assert.True((bool)f!["micOk"]!));
        var second = harness.Radio.Transmissions[2];
        Assert.Equal(9, second.SpreadingFactor);
        Assert.Contains(second.FrequencyHz, new[] { 868_100_000, 868_500_000 });

        // The port-0 downlink answered it: a LinkADRReq keeping DR and power (0xF) with ChMask 0x0001; LinkCheckAns
        // margin 10, 3 gateways; and a LinkADRReq whose mask names empty slot 8 (0x0100: channel mask NACK, nothing
        // applied). The LinkCheckAns between them keeps the two LinkADRReq from forming one block.
        Assert.Equal((10, 3), (harness.Device.Mac.LinkMargin, harness.Device.Mac.GatewayCount));
        Assert.DoesNotContain(harness.Downlinks, d => d.Port == 0);
        Assert.Equal(new[] { 0 }, Enumerable.Range(0, 16).Where(harness.Device.Region.IsChannelEnabled));
        Assert.Equal(3, harness.Device.Mac.DataRate);

        // NbTrans 2: an unconfirmed uplink with no downlink goes out twice, unchanged, same counter; and the
        // aggregated duty cycle 1/8 spaces every transmission by 8 x its airtime.
        harness.Radio.OnTransmit = null;
        var before = harness.Radio.Transmissions.Count;
        Assert.True(Send(harness, new byte[] { 3 }, false));
        var third = harness.Radio.Transmissions.Skip(before).ToList();
        Assert.Equal(2, third.Count);
        Assert.Equal(third[0].Hex, third[1].Hex);
        Assert.True((third[1].Start - third[0].Start) * 1000 >= third[0].AirtimeMicroseconds * 8);
        var answers = harness.Verify(third.Take(1));
        Assert.Equal("0307" + "0306", (string?)answers[0]!["fopts"]);
        Assert.Equal(868_100_000, third[0].FrequencyHz);
    }

    [Fact]
    public void An_application_downlink_reaches_the_listener_and_a_confirmed_one_is_acknowledged()
    {
        var harness = Joined(new Eu868Region());
        var command = new byte[9];
        var commandLength = DownlinkCommandCodec.EncodeConfig(new[] { 1, 4 }, new[] { 900, 300 }, 2, command, 0);
        var downlink = harness.BuildDownlinks(DevAddr, new[]
        {
            new JsonObject { ["fcnt"] = 0, ["confirmed"] = true, ["fopts"] = "", ["fport"] = 2, ["payload"] = Hex.Of(command, 0, commandLength) },
        });
        harness.Radio.OnTransmit = t =>
        {
            if (harness.Radio.Transmissions.Count == 2)
            {
                harness.Radio.Schedule(t.End + 2000, 869_525_000, 12, 125_000, downlink[0]);
            }
        };
        Assert.True(Send(harness, new byte[] { 1 }, false));
        var (port, payload) = Assert.Single(harness.Downlinks);
        Assert.Equal(2, port);
        var decoded = new DownlinkCommand();
        Assert.Equal(CommandRejection.Accepted, DownlinkCommandCodec.Decode(port, payload, 0, payload.Length, decoded));
        Assert.Equal(CommandCode.Config, decoded.Code);

        // The next uplink carries ACK for the confirmed downlink; the one after does not.
        Assert.True(Send(harness, new byte[] { 2 }, false));
        Assert.True(Send(harness, new byte[] { 3 }, false));
        var frames = harness.Verify(harness.Radio.Transmissions.Skip(1));
        Assert.Equal(new[] { false, true, false }, frames.Select(f => (bool)f!["ack"]!));
    }

    [Fact]
    public void An_uplink_waiting_during_a_rejoin_goes_out_under_the_new_session()
    {
        var harness = Joined(new Eu868Region());
        Assert.True(Send(harness, new byte[] { 1 }, false));

        // The next uplink waits for the band (duty cycle); meanwhile the application rejoins.
        Assert.True(harness.Device.RequestUplink(new byte[] { 2 }, 0, 1, 1, false));
        Assert.True(harness.Device.Step(harness.Now) > harness.Now);
        const uint newAddress = 0x260B9999;
        harness.AcceptJoins(SameAsUplink, newAddress);
        harness.Device.Join();
        harness.Run(() => harness.Done.Count == 2, harness.Now + 3_600_000);

        Assert.Equal(newAddress, harness.Joined[^1]);
        var last = harness.Radio.Transmissions[^1];
        var frame = harness.Verify(new[] { last })[0]!;
        Assert.True((bool)frame["micOk"]!, "the uplink must carry the new session's MIC");
        Assert.Equal(newAddress.ToString("x8"), (string?)frame["devAddr"]);
        Assert.Equal(0, (int)frame["fcnt"]!);
        Assert.Equal("02", (string?)frame["payload"]);
    }

    [Fact]
    public void Uplinks_are_refused_or_held_back_rather_than_sent_wrong()
    {
        var harness = new DeviceHarness(new Eu868Region());
        Assert.False(harness.Device.RequestUplink(new byte[1], 0, 1, 1, false));
        harness.AcceptJoins(SameAsUplink, DevAddr);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 60_000);
        Assert.False(harness.Device.RequestUplink(new byte[1], 0, 1, 0, false));
        Assert.False(harness.Device.RequestUplink(new byte[1], 0, 1, 224, false));
        Assert.False(harness.Device.RequestUplink(new byte[243], 0, 243, 1, false));
        Assert.True(harness.Device.RequestUplink(new byte[1], 0, 1, 1, false));
        Assert.False(harness.Device.RequestUplink(new byte[1], 0, 1, 1, false));

        // A radio that fails: nothing counted as sent, retried 30 s later, the counter untouched until it goes out.
        harness.Radio.FailNextTransmit = true;
        var start = harness.Now;
        harness.Run(() => harness.Done.Count == 1, start + 3_600_000);
        Assert.Equal(2, harness.Radio.Transmissions.Count);
        Assert.True(harness.Radio.Transmissions[1].Start >= start + 30_000);
        Assert.Equal(0u, harness.Done[0].Counter);
    }

    /// <summary>Flash whose WriteAll tears after a byte budget: the prefix lands, then it throws and stays dead.</summary>
    private sealed class TearingFlash(InMemoryFileStore flash, long budget) : OccupancySensor.Hardware.IFileStore
    {
        private long _budget = budget;

        public bool IsCut { get; private set; }

        public bool Exists(string name) => Alive(() => flash.Exists(name));

        public long GetLength(string name) => Alive(() => flash.GetLength(name));

        public int Read(string name, long position, byte[] buffer, int offset, int count) => Alive(() => flash.Read(name, position, buffer, offset, count));

        public void Append(string name, byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public void WriteAll(string name, byte[] buffer, int offset, int count)
        {
            Alive(() => true);
            var fits = (int)Math.Min(count, _budget);
            _budget -= fits;
            if (fits < count)
            {
                IsCut = true;
                flash.WriteAll(name, buffer, offset, fits);
                throw new IOException("power cut");
            }

            flash.WriteAll(name, buffer, offset, count);
        }

        public void Truncate(string name, long length) => throw new NotSupportedException();

        public void Delete(string name) => throw new NotSupportedException();

        private T Alive<T>(Func<T> operation) => IsCut ? throw new IOException("no power") : operation();
    }

    /// <summary>A radio that dies with the power: after the cut nothing more goes on the air.</summary>
    private sealed class PoweredRadio(TearingFlash power, List<uint> counters) : ILoraRadio
    {
        public int LastSnr => 0;

        public bool Transmit(int frequencyHz, LoraModulation modulation, byte[] buffer, int length)
        {
            if (power.IsCut)
            {
                return false;
            }

            counters.Add((uint)(buffer[6] | (buffer[7] << 8)));
            return true;
        }

        public int Receive(int frequencyHz, LoraModulation modulation, long opensAtMilliseconds, byte[] buffer) => 0;
    }

    [Fact]
    public void A_reboot_never_reuses_a_frame_counter_even_when_power_fails_mid_write()
    {
        var nwk = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        var app = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        // Each state record of an EU868 session is 127 bytes (counters and the session's MAC state); cut the power at
        // every byte of the first 12 records' writes.
        var recordLength = LorawanStateStore.Version2HeaderLength + new MacCommandProcessor(new Eu868Region()).StateLength + 4;
        Assert.Equal(127, recordLength);
        for (var budget = 0L; budget < recordLength * 12; budget++)
        {
            var flash = new InMemoryFileStore();
            var sent = new List<uint>();
            var power = new TearingFlash(flash, budget);
            var device = new ClassADevice(new Eu868Region(), new PoweredRadio(power, sent), new LorawanStateStore(power), LoraChip.Sx127x,
                DeviceHarness.DevEui, DeviceHarness.JoinEui, Convert.FromHexString(DeviceHarness.AppKey), 1);
            device.ActivateByPersonalization(DevAddr, nwk, app);
            var now = 0L;
            for (var step = 0; step < 400 && !power.IsCut; step++)
            {
                if (!device.HasPendingUplink)
                {
                    device.RequestUplink(new byte[] { 1 }, 0, 1, 1, false);
                }

                var due = device.Step(now);
                now = Math.Max(now, due == ClassADevice.NothingScheduled ? now : due);
            }

            // Reboot on the same flash with the power back.
            var rebootSent = new List<uint>();
            var healthy = new TearingFlash(flash, long.MaxValue);
            var rebooted = new ClassADevice(new Eu868Region(), new PoweredRadio(healthy, rebootSent), new LorawanStateStore(healthy), LoraChip.Sx127x,
                DeviceHarness.DevEui, DeviceHarness.JoinEui, Convert.FromHexString(DeviceHarness.AppKey), 2);
            rebooted.ActivateByPersonalization(DevAddr, nwk, app);
            rebooted.RequestUplink(new byte[] { 1 }, 0, 1, 1, false);
            var later = 0L;
            while (rebootSent.Count == 0)
            {
                later = Math.Max(later, rebooted.Step(later));
            }

            Assert.True(sent.Count == 0 || rebootSent[0] > sent.Max(),
                "budget " + budget + ": after the reboot FCnt " + rebootSent[0] + " repeats one sent before (" + string.Join(",", sent) + ")");
        }
    }

    /// <summary>Flash that fails every operation while <see cref="Broken"/> is set.</summary>
    private sealed class FlakyFlash(InMemoryFileStore flash) : OccupancySensor.Hardware.IFileStore
    {
        public bool Broken { get; set; }

        public bool Exists(string name) => Check(() => flash.Exists(name));

        public long GetLength(string name) => Check(() => flash.GetLength(name));

        public int Read(string name, long position, byte[] buffer, int offset, int count) => Check(() => flash.Read(name, position, buffer, offset, count));

        public void Append(string name, byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public void WriteAll(string name, byte[] buffer, int offset, int count) => Check(() => { flash.WriteAll(name, buffer, offset, count); return true; });

        public void Truncate(string name, long length) => throw new NotSupportedException();

        public void Delete(string name) => throw new NotSupportedException();

        private T Check<T>(Func<T> operation) => Broken ? throw new IOException("flash error") : operation();
    }

    [Fact]
    public void Flash_that_fails_at_start_holds_uplinks_back_until_the_counters_can_be_read()
    {
        var nwk = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        var app = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        var memory = new InMemoryFileStore();
        ClassADevice Device(OccupancySensor.Hardware.IFileStore flash, ILoraRadio radio) =>
            new(new Eu868Region(), radio, new LorawanStateStore(flash), LoraChip.Sx127x, DeviceHarness.DevEui, DeviceHarness.JoinEui,
                Convert.FromHexString(DeviceHarness.AppKey), 3);

        // A first life sends three uplinks.
        var first = new SimulatedLoraRadio();
        var device = Device(memory, first);
        device.ActivateByPersonalization(DevAddr, nwk, app);
        var now = 0L;
        for (var i = 0; i < 3; i++)
        {
            device.RequestUplink(new byte[] { 1 }, 0, 1, 1, false);
            while (device.HasPendingUplink)
            {
                first.Now = now;
                now = Math.Max(now, device.Step(now));
            }
        }

        // The second boots with flash failing: no crash, nothing sent while the counters are unknown.
        var flaky = new FlakyFlash(memory) { Broken = true };
        var second = new SimulatedLoraRadio();
        var rebooted = Device(flaky, second);
        Assert.True(rebooted.FlashFailures > 0);
        rebooted.ActivateByPersonalization(DevAddr, nwk, app);
        Assert.True(rebooted.RequestUplink(new byte[] { 2 }, 0, 1, 1, false));
        var due = rebooted.Step(0);
        Assert.Equal(30_000, due);
        Assert.Empty(second.Transmissions);

        flaky.Broken = false;
        while (rebooted.HasPendingUplink)
        {
            second.Now = due;
            due = Math.Max(due, rebooted.Step(due));
        }

        var sent = Assert.Single(second.Transmissions);
        Assert.Equal(3, sent.Bytes[6] | (sent.Bytes[7] << 8));
    }

    private sealed class QuietRadio : ILoraRadio
    {
        public int Sent;

        public int LastSnr => 0;

        public bool Transmit(int frequencyHz, LoraModulation modulation, byte[] buffer, int length)
        {
            Sent++;
            return true;
        }

        public int Receive(int frequencyHz, LoraModulation modulation, long opensAtMilliseconds, byte[] buffer) => 0;
    }

    /// <summary>Two fixed files in preallocated arrays: flash that allocates nothing, so any allocation is the device's.</summary>
    private sealed class FixedFlash : OccupancySensor.Hardware.IFileStore
    {
        // A state record is at most 255 bytes.
        private readonly byte[] _a = new byte[256];
        private readonly byte[] _b = new byte[256];
        private int _aLength;
        private int _bLength;

        public bool Exists(string name) => Length(name) > 0;

        public long GetLength(string name) => Length(name);

        public int Read(string name, long position, byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Max(0, Math.Min(count, Length(name) - position));
            Array.Copy(File(name), position, buffer, offset, n);
            return n;
        }

        public void Append(string name, byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public void WriteAll(string name, byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, File(name), 0, count);
            if (name == LorawanStateStore.SlotA)
            {
                _aLength = count;
            }
            else
            {
                _bLength = count;
            }
        }

        public void Truncate(string name, long length) => throw new NotSupportedException();

        public void Delete(string name) => throw new NotSupportedException();

        private byte[] File(string name) => name == LorawanStateStore.SlotA ? _a : _b;

        private int Length(string name) => name == LorawanStateStore.SlotA ? _aLength : _bLength;
    }

    [Fact]
    public void The_uplink_cycle_allocates_nothing()
    {
        var radio = new QuietRadio();
        var flash = new FixedFlash();
        var device = new ClassADevice(new Eu868Region(), radio, new LorawanStateStore(flash), LoraChip.Sx127x,
            DeviceHarness.DevEui, DeviceHarness.JoinEui, Convert.FromHexString(DeviceHarness.AppKey), 1);
        device.ActivateByPersonalization(DevAddr, new byte[16], new byte[16]);
        device.Mac.DataRate = 5;
        var payload = new byte[11];
        var now = 0L;
        void Cycle()
        {
            device.RequestUplink(payload, 0, payload.Length, 1, false);
            while (device.HasPendingUplink)
            {
                now = Math.Max(now, device.Step(now));
            }
        }

        Cycle();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            Cycle();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(201, radio.Sent);
        Assert.Equal(0, allocated);
    }
}

/// <summary>
/// The MAC commands a network server sends after a join (The Things Stack, ChirpStack), in whole frames lora-packet
/// builds, on the simulated radio: applied, answered (sticky answers until a downlink), and used for the windows and
/// channels; the state a network set surviving a reboot.
/// </summary>
public class EndDeviceMacCommandTests(ITestOutputHelper output)
{
    private const uint DevAddr = 0x260B1A2C;
    private const string NwkSKey = "2b7e151628aed2a6abf7158809cf4f3c";
    private const string AppSKey = "000102030405060708090a0b0c0d0e0f";

    private static string F(int hz) => MacCommandTests.Frequency(hz);

    private static bool Send(DeviceHarness harness, byte value)
    {
        if (!harness.Device.RequestUplink(new[] { value }, 0, 1, 1, false))
        {
            return false;
        }

        var done = harness.Done.Count;
        harness.Run(() => harness.Done.Count > done, harness.Now + 86_400_000);
        return true;
    }

    private static int[] Enabled(LorawanRegion region) => Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled).ToArray();

    /// <summary>A downlink for the ABP session of these tests, built by lora-packet.</summary>
    private static byte[] AbpDownlink(uint devAddr, int fcnt, string fopts, int? port = null, string payload = "")
    {
        var request = new JsonObject
        {
            ["op"] = "downlink",
            ["nwkSKey"] = NwkSKey,
            ["appSKey"] = AppSKey,
            ["devAddr"] = devAddr.ToString("x8"),
            ["fcnt"] = fcnt,
            ["fopts"] = fopts,
            ["payload"] = payload,
        };
        if (port != null)
        {
            request["fport"] = port;
        }

        return Convert.FromHexString((string)NodePeer.Run("lora-peer.js", request)["hex"]!);
    }

    private static JsonArray VerifyAbp(IEnumerable<Transmission> frames, uint counterBase = 0) =>
        NodePeer.Run("lora-peer.js", new JsonObject
        {
            ["op"] = "data-frames",
            ["nwkSKey"] = NwkSKey,
            ["appSKey"] = AppSKey,
            ["frames"] = new JsonArray(frames.Select(f => (JsonNode)new JsonObject { ["hex"] = f.Hex, ["fcnt"] = counterBase }).ToArray()),
        }).AsArray();

    /// <summary>An EU868 device joined by OTAA without a CFList, RX1 on the uplink's channel and rate.</summary>
    private static DeviceHarness JoinedEu868()
    {
        var harness = new DeviceHarness(new Eu868Region());
        harness.AcceptJoins(t => (t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz), DevAddr);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 60_000);
        return harness;
    }

    [Fact]
    public void After_a_join_without_CFList_the_setup_commands_are_applied_answered_and_used_for_windows_and_channels()
    {
        var harness = JoinedEu868();
        var region = harness.Device.Region;
        Assert.Equal(new[] { 0, 1, 2 }, Enabled(region));
        harness.Device.Mac.BatteryLevel = 254;

        var downlinks = harness.BuildDownlinks(DevAddr, new[]
        {
            // In FOpts (13 bytes): RXParamSetupReq RX1DROffset 1, RX2 DR3 at 869.525 MHz; RXTimingSetupReq 2 s;
            // NewChannelReq channel 3 at 867.1 MHz, DR0..DR5.
            new JsonObject { ["fcnt"] = 0, ["fopts"] = "0513" + F(869_525_000) + "0802" + "0703" + F(867_100_000) + "50", ["payload"] = "" },
            // On FPort 0 (encrypted with NwkSKey): channels 4..7, DlChannelReq moving channel 3's RX1 to 868.9 MHz,
            // TxParamSetupReq (not an EU868 command: skipped, unanswered), DevStatusReq.
            new JsonObject
            {
                ["fcnt"] = 1,
                ["fopts"] = "",
                ["fport"] = 0,
                ["payload"] = "0704" + F(867_300_000) + "50" + "0705" + F(867_500_000) + "50" + "0706" + F(867_700_000) + "50" +
                              "0707" + F(867_900_000) + "50" + "0a03" + F(868_900_000) + "093f" + "06",
            },
            // An empty downlink: it answers nothing, but tells the device the sticky answers arrived.
            new JsonObject { ["fcnt"] = 2, ["fopts"] = "", ["payload"] = "" },
        });
        var uplinkNumber = 0;
        harness.Radio.OnTransmit = t =>
        {
            switch (++uplinkNumber)
            {
                case 1:
                    // RX1 with the join's settings: 1 s, same channel and data rate.
                    harness.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, downlinks[0]);
                    break;
                case 3:
                    // RX2 as RXParamSetupReq set it: 869.525 MHz DR3 (SF9), RX1 delay 2 s + 1 s.
                    harness.Radio.Schedule(t.End + 3000, 869_525_000, 9, 125_000, downlinks[1]);
                    break;
                case 5:
                    // RX1 2 s after the end, DR5 - offset 1 = DR4 (SF8), on the channel's RX1 frequency.
                    harness.Radio.Schedule(t.End + 2000, t.FrequencyHz == 867_100_000 ? 868_900_000 : t.FrequencyHz, 8, 125_000, downlinks[2]);
                    break;
            }
        };

        for (var i = 1; i <= 40; i++)
        {
            Assert.True(Send(harness, (byte)i));
        }

        Assert.Equal(1 + 3, harness.Radio.Delivered); // the join accept and the three downlinks
        var uplinks = harness.Radio.Transmissions.Skip(1).ToList();
        var frames = harness.Verify(uplinks);
        Assert.All(frames, f => Assert.True((bool)f!["micOk"]!));
        var fopts = frames.Select(f => (string?)f!["fopts"]).ToList();
        Assert.Equal(string.Empty, fopts[0]);
        // Sticky RXParamSetupAns and RXTimingSetupAns first, then NewChannelAns (both bits).
        Assert.Equal("0507" + "08" + "0703", fopts[1]);
        // No downlink came after the second uplink: the sticky answers go again, the NewChannelAns does not.
        Assert.Equal("0507" + "08", fopts[2]);
        // The port-0 downlink cleared them and brought new ones: DlChannelAns (sticky), four NewChannelAns, DevStatusAns.
        Assert.Equal("0a03" + "0703070307030703" + "06fe07", fopts[3]);
        Assert.Equal("0a03", fopts[4]);
        Assert.All(fopts.Skip(5), f => Assert.Equal(string.Empty, f));

        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7 }, Enabled(region));
        Assert.Equal((1, 2, 869_525_000, 3), (harness.Device.Mac.Rx1DataRateOffset, harness.Device.Mac.ReceiveDelaySeconds, region.Rx2FrequencyHz, region.Rx2DataRate));

        // Every window from the second uplink on opened with the new timing and settings: RX1 2 s after the end at
        // DR4 on the channel's RX1 frequency (868.9 MHz for channel 3 once DlChannelReq moved it), RX2 1 s later.
        var windows = harness.Radio.Windows.Skip(2).ToList();
        var w = 0;
        for (var i = 1; i < uplinks.Count; i++)
        {
            var uplink = uplinks[i];
            var rx1Frequency = i >= 3 && uplink.FrequencyHz == 867_100_000 ? 868_900_000 : uplink.FrequencyHz;
            Assert.Equal(new Window(uplink.End + 2000, rx1Frequency, 8, 125_000, false), windows[w++]);
            if (i != 4)
            {
                Assert.Equal(new Window(uplink.End + 3000, 869_525_000, 9, 125_000, false), windows[w++]);
            }
        }

        Assert.Equal(windows.Count, w);

        // The added channels are used, each within the duty cycle of its own sub-band (865-868 MHz for 867.x).
        var later = uplinks.Skip(3).Select(u => u.FrequencyHz).Distinct().OrderBy(f => f).ToList();
        Assert.Subset(new HashSet<int> { 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000, 868_100_000, 868_300_000, 868_500_000 }, later.ToHashSet());
        Assert.Contains(later, f => f < 868_000_000);
        Assert.Contains(uplinks.Skip(3), u => u.FrequencyHz == 867_100_000);
        EndDeviceTests.AssertNeverOverDutyCycle(harness.Radio.Transmissions);
        output.WriteLine("frequencies after the setup: " + string.Join(", ", later) + "; " + (harness.Now / 1000.0).ToString("F1") + " s of device time");
    }

    [Fact]
    public void An_unknown_command_between_known_ones_ends_the_frame_and_is_recorded_as_a_fault()
    {
        var harness = JoinedEu868();
        var faults = new FaultLog();
        harness.Device.Faults = faults;

        // DevStatusReq, then 0x0C (ADRParamSetupReq: LoRaWAN 1.1 only, unknown to a 1.0.4 device), then DutyCycleReq;
        // and an application payload on port 2.
        var downlink = harness.BuildDownlinks(DevAddr, new[] { new JsonObject { ["fcnt"] = 0, ["fopts"] = "06" + "0c00" + "0402", ["fport"] = 2, ["payload"] = "0102" } });
        harness.Radio.OnTransmit = t =>
        {
            if (harness.Radio.Transmissions.Count == 2)
            {
                harness.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, downlink[0]);
            }
        };
        Assert.True(Send(harness, 1));
        Assert.True(Send(harness, 2));

        var frames = harness.Verify(harness.Radio.Transmissions.Skip(1));
        Assert.Equal("06ff07", (string?)frames[1]!["fopts"]);
        Assert.Equal(0, harness.Device.Mac.DutyCycleExponent);
        Assert.Equal(1, faults.Total);
        var fault = faults.GetRecent(0);
        Assert.Equal((FaultSource.Uplink, FaultCode.Invalid, "unknown MAC command 0x0C"), (fault.Source, fault.Code, fault.Detail));
        Assert.True(fault.TimestampMilliseconds > harness.Radio.Transmissions[1].End);

        // The unknown command ends the MAC commands only: the application still gets its payload.
        var (port, payload) = Assert.Single(harness.Downlinks);
        Assert.Equal((2, "0102"), (port, Hex.Of(payload)));
    }

    [Fact]
    public void A_payload_the_data_rate_takes_alone_goes_out_when_waiting_MAC_answers_leave_it_no_room()
    {
        var harness = JoinedEu868();

        // RXTimingSetupReq (RX1 2 s after the uplink): its answer is sticky, repeated until a downlink comes.
        var downlink = harness.BuildDownlinks(DevAddr, new[] { new JsonObject { ["fcnt"] = 0, ["fopts"] = "0802", ["payload"] = "" } });
        harness.Radio.OnTransmit = t =>
        {
            if (harness.Radio.Transmissions.Count == 2)
            {
                harness.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, downlink[0]);
            }
        };
        Assert.True(Send(harness, 1));
        Assert.True(harness.Device.MaxApplicationPayload < harness.Device.PayloadLimit, "no MAC answer is waiting");

        // A payload of everything the data rate takes is queued and sent whole; the answer gives way.
        var full = Enumerable.Range(0, harness.Device.PayloadLimit).Select(i => (byte)i).ToArray();
        Assert.True(harness.Device.RequestUplink(full, 0, full.Length, 1, false));
        harness.Run(() => harness.Done.Count == 2, harness.Now + 86_400_000);
        var frame = harness.Verify(harness.Radio.Transmissions.Skip(2).Take(1))[0]!;
        Assert.True((bool)frame["micOk"]!);
        Assert.Equal(Hex.Of(full), (string?)frame["payload"]);
        Assert.Equal("", (string?)frame["fopts"]);
    }

    [Fact]
    public void A_US915_join_accept_s_CFList_channel_mask_is_applied()
    {
        // CFList type 1: ChMask0..4 (16 bits LE each), 5 RFU bytes, type. Sub-band 1 (channels 0..7) and 500 kHz channel 64.
        const string subBand1 = "ff00" + "0000" + "0000" + "0000" + "0100" + "0000000000" + "01";
        var harness = new DeviceHarness(new Us915Region());
        harness.AcceptJoins(t => (923_300_000 + ((t.FrequencyHz - 902_300_000) / 200_000) % 8 * 600_000, 20 - t.SpreadingFactor, 500_000), DevAddr, subBand1);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 600_000);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 64 }, Enabled(harness.Device.Region));

        harness.Device.Mac.DataRate = 0;
        for (var i = 0; i < 16; i++)
        {
            Assert.True(Send(harness, (byte)i));
        }

        Assert.All(harness.Radio.Transmissions.Skip(1), u => Assert.InRange(u.FrequencyHz, 902_300_000, 903_700_000));
    }

    [Fact]
    public void What_the_network_set_survives_a_reboot_of_an_ABP_device_and_a_new_join_forgets_it()
    {
        var flash = new InMemoryFileStore();
        var nwk = Convert.FromHexString(NwkSKey);
        var app = Convert.FromHexString(AppSKey);
        var first = new DeviceHarness(new Eu868Region(), flash);
        first.Device.ActivateByPersonalization(DevAddr, nwk, app);
        Assert.False(first.Device.SessionStateRestored);
        first.Device.Mac.DataRate = 5;

        // RXParamSetupReq offset 1 / RX2 DR3 869.525 MHz; RXTimingSetupReq 3 s; NewChannelReq channel 3 867.1 MHz;
        // then (port 0) LinkADRReq: DR4, power 2, channels 0..3, NbTrans 2.
        var setup = AbpDownlink(DevAddr, 0, "0513" + F(869_525_000) + "0803" + "0703" + F(867_100_000) + "50");
        var adr = AbpDownlink(DevAddr, 1, string.Empty, 0, "03420f0002");
        var number = 0;
        first.Radio.OnTransmit = t =>
        {
            if (++number == 1)
            {
                first.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, setup);
            }
            else if (number == 2)
            {
                first.Radio.Schedule(t.End + 4000, 869_525_000, 9, 125_000, adr);
            }
        };
        Assert.True(Send(first, 1));
        Assert.True(Send(first, 2));
        Assert.True(Send(first, 3));
        var answers = VerifyAbp(first.Radio.Transmissions.Skip(1));
        Assert.Equal("0507" + "08" + "0703", (string?)answers[0]!["fopts"]);
        Assert.Equal("0307", (string?)answers[1]!["fopts"]);

        // The reboot: the same session is started again on the same flash.
        var second = new DeviceHarness(new Eu868Region(), flash, seed: 2);
        second.Device.ActivateByPersonalization(DevAddr, nwk, app);
        Assert.True(second.Device.SessionStateRestored);
        var mac = second.Device.Mac;
        var region = second.Device.Region;
        Assert.Equal((4, 2, 2, 1, 3), (mac.DataRate, mac.TxPowerIndex, mac.Repetitions, mac.Rx1DataRateOffset, mac.ReceiveDelaySeconds));
        Assert.Equal((869_525_000, 3), (region.Rx2FrequencyHz, region.Rx2DataRate));
        Assert.Equal(new[] { 0, 1, 2, 3 }, Enabled(region));
        Assert.Equal(867_100_000, region.ChannelFrequency(3));

        // Its first uplink continues the counter and listens where the network will answer: RX1 3 s after the end at
        // DR4 - 1 = DR3 (SF9), RX2 at 869.525 MHz DR3; NbTrans 2 sends it twice with no downlink.
        Assert.True(Send(second, 4));
        var sent = second.Radio.Transmissions;
        Assert.Equal(2, sent.Count);
        Assert.Equal(8, sent[0].SpreadingFactor);
        Assert.Equal(3, (int)VerifyAbp(sent.Take(1))[0]!["fcnt"]!);
        Assert.Equal(new Window(sent[0].End + 3000, sent[0].FrequencyHz, 9, 125_000, false), second.Radio.Windows[0]);
        Assert.Equal(new Window(sent[0].End + 4000, 869_525_000, 9, 125_000, false), second.Radio.Windows[1]);

        // Another session's address does not take that state.
        var other = new DeviceHarness(new Eu868Region(), flash);
        other.Device.ActivateByPersonalization(0x26000001, nwk, app);
        Assert.False(other.Device.SessionStateRestored);
        Assert.Equal((0, 1, 869_525_000, 0), (other.Device.Mac.Rx1DataRateOffset, other.Device.Mac.ReceiveDelaySeconds, other.Device.Region.Rx2FrequencyHz, other.Device.Region.Rx2DataRate));
        Assert.Equal(new[] { 0, 1, 2 }, Enabled(other.Device.Region));

        // A join (here unanswered) writes a record without session state before its request goes out.
        var joining = new DeviceHarness(new Eu868Region(), flash);
        joining.Device.Join();
        joining.Run(() => joining.Radio.Transmissions.Count == 1, 60_000);
        var store = new LorawanStateStore(flash);
        store.Load();
        Assert.False(store.HasSessionState);
        var after = new DeviceHarness(new Eu868Region(), flash);
        after.Device.ActivateByPersonalization(DevAddr, nwk, app);
        Assert.False(after.Device.SessionStateRestored);
        Assert.Equal(1, after.Device.Mac.ReceiveDelaySeconds);
    }

    [Fact]
    public void A_joined_session_s_record_holds_the_join_accept_s_settings_and_CFList()
    {
        // RX1DROffset 2, RX2 DR3 (DLSettings 0x23), RxDelay 5 s, The Things Network's CFList.
        var flash = new InMemoryFileStore();
        var harness = new DeviceHarness(new Eu868Region(), flash);
        harness.AcceptJoins(t => (t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz), DevAddr, LoraNetwork.TtnChannelListHex, dlSettings: 0x23, rxDelay: 5);
        harness.Device.Join();
        harness.Run(() => harness.Device.IsJoined, 60_000);
        var store = new LorawanStateStore(flash);
        store.Load();
        Assert.True(store.HasSessionState);
        Assert.Equal(DevAddr, store.SessionAddress);

        var region = new Eu868Region();
        var mac = new MacCommandProcessor(region);
        store.Bind(mac);
        Assert.True(store.RestoreSession(DevAddr));
        Assert.Equal((2, 5, 3), (mac.Rx1DataRateOffset, mac.ReceiveDelaySeconds, region.Rx2DataRate));
        Assert.Equal(new[] { 868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000 },
            Enabled(region).Select(region.ChannelFrequency));

        // And the device uses them: RX1 5 s after the end of an uplink at DR5 - 2 = DR3 (SF9).
        Assert.True(Send(harness, 1));
        var uplink = harness.Radio.Transmissions[1];
        Assert.Equal(new Window(uplink.End + 5000, uplink.FrequencyHz, 9, 125_000, false), harness.Radio.Windows[1]);
        Assert.Equal(new Window(uplink.End + 6000, 869_525_000, 9, 125_000, false), harness.Radio.Windows[2]);
    }

    [Fact]
    public void A_version_1_record_of_earlier_firmware_still_gives_the_counters()
    {
        // "LW", version 1, reserved, generation 5, DevNonce 7, FCntUp 41, CRC-32 of the 14 bytes before.
        var record = new byte[18];
        record[0] = (byte)'L';
        record[1] = (byte)'W';
        record[2] = 1;
        LittleEndian.Put32(record, 4, 5);
        LittleEndian.Put16(record, 8, 7);
        LittleEndian.Put32(record, 10, 41);
        LittleEndian.Put32(record, 14, Crc32.Compute(record, 0, 14));
        var flash = new InMemoryFileStore();
        flash.WriteAll(LorawanStateStore.SlotA, record, 0, record.Length);

        var store = new LorawanStateStore(flash);
        Assert.True(store.Load());
        Assert.Equal((7, 41u, false), (store.NextDeviceNonce, store.NextUplinkCounter, store.HasSessionState));

        // A device on it continues at FCnt 41 and writes version 2 to the other slot (generation 6), keeping slot A.
        var harness = new DeviceHarness(new Eu868Region(), flash);
        harness.Device.ActivateByPersonalization(DevAddr, Convert.FromHexString(NwkSKey), Convert.FromHexString(AppSKey));
        Assert.False(harness.Device.SessionStateRestored);
        Assert.True(Send(harness, 1));
        Assert.Equal(41, (int)VerifyAbp(harness.Radio.Transmissions)[0]!["fcnt"]!);
        var slotB = new byte[256];
        var length = flash.Read(LorawanStateStore.SlotB, 0, slotB, 0, slotB.Length);
        Assert.Equal((2, length, 6u), (slotB[2], (int)slotB[3], LittleEndian.Get32(slotB, 4)));
        var reread = new LorawanStateStore(flash);
        reread.Load();
        Assert.Equal((42u, true, DevAddr), (reread.NextUplinkCounter, reread.HasSessionState, reread.SessionAddress));
    }
}

