using System.Text.Json.Nodes;
using OccupancySensor.HostSim.Cli;
using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;
using OccupancySensor.Readings;
using OccupancySensor.Tests.Lorawan;
using Xunit.Abstractions;

namespace OccupancySensor.Tests.Cli;

/// <summary>
/// <c>simulate --lora-capture FILE</c>: the units of a simulated floor send over LoRaWAN to the simulated gateway, and
/// the capture file alone (frames, times, data rates, frequencies, keys) lets an independent network server,
/// lora-packet, check every join and every uplink; the ES5 codec turns the payloads back into exactly the readings the
/// units produced, and the captured times and airtimes keep every EU868 sub-band within its duty cycle.
/// </summary>
public class LoraCaptureTests(ITestOutputHelper output)
{
    private sealed record Capture(List<JsonObject> Devices, List<JsonObject> Sessions, List<JsonObject> Uplinks, List<JsonObject> Downlinks);

    private static Capture Read(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal("capture", (string?)lines[0]["type"]);
        Assert.Equal(LoraCaptureFile.Format, (string?)lines[0]["format"]);
        List<JsonObject> Of(string type) => lines.Where(l => (string?)l["type"] == type).ToList();
        return new Capture(Of("device"), Of("session"), Of("uplink"), Of("downlink"));
    }

    /// <summary>
    /// Checks one unit's capture with lora-packet: its join requests' MICs with its AppKey, that lora-packet builds
    /// byte for byte the join accept the simulated network sent, and every heard uplink's MIC and decryption with the
    /// session keys of the capture. Returns each decoded reading with the time its frame was first sent.
    /// </summary>
    private static List<(JsonNode Decoded, long SentAt)> VerifyUnit(Capture capture, string deviceId)
    {
        var device = capture.Devices.Single(d => (string?)d["device_id"] == deviceId);
        var appKey = (string)device["app_key"]!;
        var uplinks = capture.Uplinks.Where(u => (string?)u["device_id"] == deviceId).ToList();
        var joins = uplinks.Where(u => Convert.FromHexString((string)u["phy"]!)[0] == 0x00).ToList();
        var requests = NodePeer.Run("lora-peer.js", new JsonObject
        {
            ["op"] = "join-requests",
            ["appKey"] = appKey,
            ["frames"] = new JsonArray(joins.Select(j => (JsonNode)(string)j["phy"]!).ToArray()),
        }).AsArray();
        Assert.All(requests, r => Assert.True((bool)r!["micOk"]!, "lora-packet rejects a join request MIC"));
        Assert.All(requests, r => Assert.Equal((string?)device["dev_eui"], (string?)r!["devEui"]));

        var sessions = capture.Sessions.Where(s => (string?)s["device_id"] == deviceId).OrderBy(s => (long)s["time_ms"]!).ToList();
        Assert.NotEmpty(sessions);
        var accepts = capture.Downlinks.Where(d => (string?)d["device_id"] == deviceId && Convert.FromHexString((string)d["phy"]!)[0] == 0x20).ToList();
        Assert.Equal(sessions.Count, accepts.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            // The join request this session answered: sent at its time, with its DevNonce.
            var request = requests[joins.FindIndex(j => (long)j["time_ms"]! == (long)sessions[i]["time_ms"]!)]!;
            Assert.Equal((string?)sessions[i]["dev_nonce"], (string?)request["devNonce"]);
            var plain = Convert.FromHexString((string)accepts[i]["phy"]!);
            var byLoraPacket = NodePeer.Run("lora-peer.js", new JsonObject
            {
                ["op"] = "join-accept",
                ["appKey"] = appKey,
                ["appNonce"] = (string)sessions[i]["app_nonce"]!,
                ["netId"] = LoraNetwork.NetId.ToString("x6"),
                ["devAddr"] = (string)sessions[i]["dev_addr"]!,
                ["dlSettings"] = 0,
                ["rxDelay"] = 1,
                ["cfList"] = LoraNetwork.TtnChannelListHex,
                ["devNonce"] = (string)request["devNonce"]!,
            });
            Assert.Equal((string)byLoraPacket["hex"]!, Convert.ToHexString(plain).ToLowerInvariant());
            Assert.Equal((string)byLoraPacket["nwkSKey"]!, (string?)sessions[i]["nwk_s_key"]);
            Assert.Equal((string)byLoraPacket["appSKey"]!, (string?)sessions[i]["app_s_key"]);
        }

        // Data frames: the session of each is the last one started before it; a repeat of a counter is the same frame.
        var received = new List<(JsonNode, long)>();
        foreach (var group in uplinks.Where(u => Convert.FromHexString((string)u["phy"]!)[0] != 0x00)
                     .GroupBy(u => sessions.Last(s => (long)s["time_ms"]! <= (long)u["time_ms"]!)))
        {
            var firstSent = new Dictionary<int, long>();
            var heard = new List<JsonObject>();
            foreach (var u in group)
            {
                var phy = Convert.FromHexString((string)u["phy"]!);
                var counter = phy[6] | (phy[7] << 8);
                firstSent.TryAdd(counter, (long)u["time_ms"]!);
                if ((bool)u["heard"]! && !heard.Any(h => (string?)h["phy"] == (string?)u["phy"]))
                {
                    heard.Add(u);
                }
            }

            var verified = NodePeer.Run("lora-peer.js", new JsonObject
            {
                ["op"] = "data-frames",
                ["nwkSKey"] = (string)group.Key["nwk_s_key"]!,
                ["appSKey"] = (string)group.Key["app_s_key"]!,
                ["frames"] = new JsonArray(heard.Select(h => (JsonNode)new JsonObject { ["hex"] = (string)h["phy"]!, ["fcnt"] = 0 }).ToArray()),
            }).AsArray();
            var inputs = new JsonArray();
            foreach (var frame in verified)
            {
                Assert.True((bool)frame!["micOk"]!, "lora-packet rejects the MIC of an uplink of " + deviceId);
                Assert.Equal((string?)group.Key["dev_addr"], (string?)frame["devAddr"]);
                inputs.Add(new JsonObject
                {
                    ["fPort"] = (int)frame["fport"]!,
                    ["bytes"] = new JsonArray(Convert.FromHexString((string)frame["payload"]!).Select(b => (JsonNode)(int)b).ToArray()),
                });
            }

            var decoded = CodecTests.Call("decodeUplink", inputs);
            for (var i = 0; i < heard.Count; i++)
            {
                Assert.Null(decoded[i]!["errors"]);
                var counter = (int)verified[i]!["fcnt"]!;
                foreach (var reading in decoded[i]!["data"]!["readings"]!.AsArray())
                {
                    received.Add((reading!, firstSent[counter]));
                }
            }
        }

        return received;
    }

    private static Dictionary<int, double> AssertDutyCycle(Capture capture, string deviceId) =>
        DutyCycleCheck.AssertNeverOver(capture.Uplinks.Where(u => (string?)u["device_id"] == deviceId)
            .Select(u => ((long)u["time_ms"]!, (int)u["frequency_hz"]!, (long)u["airtime_us"]!)));

    /// <summary>The readings a unit stored, as its flash log holds them (the log keeps ambient values in hundredths).</summary>
    private static Dictionary<long, Reading> Stored(FloorUnit unit)
    {
        var stored = new Dictionary<long, Reading>();
        unit.Log.BeginHistory(1);
        while (unit.Log.TryPeekHistory(out var reading))
        {
            stored[reading.Sequence] = reading;
            unit.Log.AdvanceHistory();
        }

        return stored;
    }

    private (FloorSimulation Simulation, Dictionary<string, List<Reading>> Produced, Capture Capture) Simulate(string scenarioPath, int devices, string? until)
    {
        var scenario = ScenarioCatalog.Load(scenarioPath, out var name);
        if (until is not null)
        {
            scenario.End = until;
        }

        var network = new LoraNetwork();
        var simulation = new FloorSimulation(FloorBuilder.Build(scenario, name, devices, 1), lora: network);
        var produced = simulation.Units.ToDictionary(u => u.Site.DeviceId, _ => new List<Reading>());
        foreach (var unit in simulation.Units)
        {
            var list = produced[unit.Site.DeviceId];
            unit.Produced = list.Add;
        }

        simulation.Run(2);
        var path = Path.Combine(Path.GetTempPath(), "lora-capture-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            LoraCaptureFile.Write(path, network);
            return (simulation, produced, Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private void AssertExactlyProduced(FloorUnit unit, List<Reading> produced, List<(JsonNode Decoded, long SentAt)> received, bool repeatsAllowed)
    {
        var stored = Stored(unit);
        var seen = new HashSet<long>();
        foreach (var (decoded, sentAt) in received)
        {
            var sequence = (long)decoded["seq"]!;
            Assert.True(stored.TryGetValue(sequence, out var reading), unit.Site.DeviceId + ": a reading it never stored: seq " + sequence);
            Assert.True(seen.Add(sequence) || repeatsAllowed, unit.Site.DeviceId + ": reading " + sequence + " arrived twice");
            CodecTests.AssertDecoded(reading, sentAt - reading.TimestampMilliseconds, decoded);
        }

        Assert.Equal(produced.Select(r => r.Sequence).OrderBy(s => s), seen.OrderBy(s => s));
        Assert.All(produced, p => Assert.Equal(p.Kind, stored[p.Sequence].Kind));
    }

    [Fact]
    public void The_capture_lets_lora_packet_check_every_frame_and_decodes_to_exactly_the_readings_the_units_produced()
    {
        var (simulation, produced, capture) = Simulate("office-day", 3, "09:00");
        Assert.Equal(3, capture.Devices.Count);
        foreach (var unit in simulation.Units)
        {
            var id = unit.Site.DeviceId;
            var received = VerifyUnit(capture, id);
            AssertExactlyProduced(unit, produced[id], received, repeatsAllowed: false);

            // Log order, apart from alerts and drop reports, which go ahead of the backlog.
            var kinds = produced[id].ToDictionary(r => r.Sequence, r => r.Kind);
            var backlog = received.Select(r => (long)r.Decoded["seq"]!)
                .Where(s => kinds[s] is not (ReadingKind.Alert or ReadingKind.ReadingsDropped)).ToList();
            Assert.Equal(backlog.OrderBy(s => s), backlog);

            var use = AssertDutyCycle(capture, id);
            var uplinks = capture.Uplinks.Where(u => (string?)u["device_id"] == id).ToList();
            output.WriteLine($"{id}: {produced[id].Count} readings in {uplinks.Count} uplinks ({(double)produced[id].Count / uplinks.Count:F2} a frame), " +
                $"{uplinks.Average(u => (long)u["airtime_us"]!) / 1000.0:F1} ms airtime each; duty cycle per sub-band: " +
                string.Join(", ", use.OrderBy(u => u.Key).Select(u => $"{u.Key}: {u.Value * 100:F3} %")));
        }
    }

    [Fact]
    public void Readings_taken_while_the_gateway_was_deaf_arrive_afterwards()
    {
        // The outage scenario's network fault is a coverage loss on LoRaWAN: here 08:00-08:40 of a day ending 09:15.
        var json = File.ReadAllText(Path.Combine(ScenarioCatalog.Folder, "outage.json"))
            .Replace("\"from\": \"10:00\", \"to\": \"15:00\"", "\"from\": \"08:00\", \"to\": \"08:40\"", StringComparison.Ordinal);
        Assert.Contains("\"08:40\"", json);
        var path = Path.Combine(Path.GetTempPath(), "lora-outage-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        try
        {
            var (simulation, produced, capture) = Simulate(path, 3, "09:15");
            var deafFrom = 8 * 3_600_000L;
            var deafUntil = deafFrom + (40 * 60_000L);
            Assert.Contains(capture.Uplinks, u => !(bool)u["heard"]!);
            Assert.DoesNotContain(capture.Uplinks, u => (bool)u["heard"]! && (long)u["time_ms"]! >= deafFrom && (long)u["time_ms"]! < deafUntil);
            foreach (var unit in simulation.Units)
            {
                var id = unit.Site.DeviceId;
                var received = VerifyUnit(capture, id);
                AssertExactlyProduced(unit, produced[id], received, repeatsAllowed: true);
                var takenWhileDeaf = produced[id].Count(r => r.TimestampMilliseconds >= deafFrom && r.TimestampMilliseconds < deafUntil);
                Assert.True(takenWhileDeaf > 0, id + " took no readings while the gateway was deaf");
                AssertDutyCycle(capture, id);
                output.WriteLine($"{id}: {takenWhileDeaf} readings taken while deaf, all arrived; {received.Count - produced[id].Count} repeated; " +
                    $"{unit.LoraPublisher!.Unacknowledged} unacknowledged probes");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_run_writes_the_same_capture_on_threads_and_whichever_unit_runs_first()
    {
        // Besides the threads as they fall, the two extremes of their timing: each unit runs its whole day before the
        // next one starts, in floor order and in reverse.
        string Run(Action<FloorSimulation> run)
        {
            var scenario = ScenarioCatalog.Load("office-day", out var name);
            scenario.End = "08:00";
            var network = new LoraNetwork();
            var simulation = new FloorSimulation(FloorBuilder.Build(scenario, name, 3, 1), lora: network);
            run(simulation);
            Assert.Equal(3, network.Sessions.Count);
            var text = new StringWriter();
            LoraCaptureFile.Write(text, network);
            return text.ToString();
        }

        var threaded = Run(simulation => simulation.Run(2));
        Assert.Equal(threaded, Run(simulation => simulation.Units.ToList().ForEach(unit => unit.Run())));
        Assert.Equal(threaded, Run(simulation => Enumerable.Reverse(simulation.Units).ToList().ForEach(unit => unit.Run())));
    }

    [Fact]
    public void The_CLI_writes_the_capture_with_the_keys_and_says_what_it_captured()
    {
        var path = Path.Combine(Path.GetTempPath(), "lora-cli-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(0, SimulateCommand.Run(new[] { "--scenario", "office-day", "--devices", "3", "--until", "08:00", "--lora-capture", path }, stdout, stderr));
            Assert.Contains("LoRaWAN: ", stdout.ToString());
            Assert.Contains("captured in " + path, stdout.ToString());
            var capture = Read(path);
            Assert.Equal(3, capture.Devices.Count);
            Assert.All(capture.Devices, d => Assert.Equal(32, ((string)d["app_key"]!).Length));
            Assert.Equal(3, capture.Sessions.Select(s => (string?)s["dev_addr"]).Distinct().Count());
            Assert.All(capture.Uplinks, u => Assert.InRange((int)u["dr"]!, 0, 5));
            Assert.All(capture.Uplinks, u => Assert.InRange((int)u["frequency_hz"]!, 863_000_000, 870_000_000));
            Assert.Contains("readings", stdout.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_capture_option_is_refused_together_with_mqtt()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, SimulateCommand.Run(new[] { "--mqtt", "localhost:1883", "--lora-capture", "x.jsonl" }, new StringWriter(), stderr));
        Assert.Contains("--lora-capture and --mqtt", stderr.ToString());
    }
}
