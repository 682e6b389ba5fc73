using System.Text.Json.Nodes;
using OccupancySensor.Configuration;
using OccupancySensor.Lorawan.Payload;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Tests.Configuration;
using OccupancySensor.Uplink;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// Downlink commands over LoRaWAN run through the same CommandProcessor as MQTT commands: built by lora-packet with
/// the codec's encodeDownlink, delivered in RX1, checked whole, carried out, and answered on FPort 3 in the next
/// uplink, which lora-packet decrypts and the codec decodes.
/// </summary>
public class DownlinkCommandTests
{
    [Fact]
    public void Report_history_and_config_are_carried_out_or_refused_and_answered_in_the_next_uplink()
    {
        var rig = new PublisherRig(seed: 11);
        rig.Harness.Flash.WriteAll(ConfigurationStore.FileName, System.Text.Encoding.UTF8.GetBytes(SampleConfigurations.Desk), 0,
            System.Text.Encoding.UTF8.GetByteCount(SampleConfigurations.Desk));
        var store = new ConfigurationStore(rig.Harness.Flash, rig.Faults, rig.Clock);
        Assert.True(store.Load());
        var unit = new SensorUnit(store.Active, new SensorHardware { Clock = rig.Clock }, rig.Publisher, rig.Faults);
        var commands = new CommandProcessor(unit, rig.Log, store);
        rig.Publisher.Commands = commands;
        rig.Join(acks: 100, firstAckCounter: 100);

        // The network server encodes the commands with the codec, as The Things Stack would.
        var requests = new[]
        {
            new JsonObject { ["cmd"] = "config", ["set"] = new JsonObject { ["reporting.period_s"] = 900 } },
            new JsonObject { ["cmd"] = "report" },
            new JsonObject { ["cmd"] = "history", ["since"] = 1 },
        };
        var encoded = CodecTests.Call("encodeDownlink", new JsonArray(requests.Select(r => (JsonNode)new JsonObject { ["data"] = r }).ToArray()));
        var payloads = encoded.Select(e => e!["bytes"]!.AsArray().Select(b => (byte)(int)b!).ToArray()).ToList();

        // And one the codec would refuse, sent raw: vacant hold 5 s (out of range), so nothing may change.
        payloads.Insert(1, new byte[] { 3, 4, 0, 0, 5 });
        var downlinks = new Queue<byte[]>(rig.Harness.BuildDownlinks(PublisherRig.DevAddr, payloads.Select((p, n) => new JsonObject
        {
            ["fcnt"] = n,
            ["fport"] = PayloadPorts.Commands,
            ["fopts"] = "",
            ["payload"] = Convert.ToHexString(p),
        })));

        // Each command rides in RX1 of an unconfirmed uplink once the previous one was answered.
        var acks = rig.Harness.Radio.OnTransmit!;
        var waitingForAnswer = false;
        rig.Harness.Radio.OnTransmit = t =>
        {
            acks(t);
            var answer = t.Bytes[0] >> 5 == 2 && t.Bytes.Length > 8 && t.Bytes[8] == PayloadPorts.CommandAnswers;
            if (answer)
            {
                waitingForAnswer = false;
            }

            if (t.Bytes[0] >> 5 == 2 && !waitingForAnswer && downlinks.Count > 0)
            {
                rig.Harness.Radio.Schedule(t.End + 1000, t.FrequencyHz, t.SpreadingFactor, t.BandwidthHz, downlinks.Dequeue());
                waitingForAnswer = true;
            }
        };

        rig.Publisher.Accept(Reading.PeriodicCount(rig.Now, 0, 2));
        var storedBefore = rig.Log.NextSequence;
        rig.RunUntil(() => downlinks.Count == 0 && !waitingForAnswer && !rig.Harness.Device.HasPendingUplink && rig.Publisher.Pending == 0 &&
                           !rig.Log.HistoryActive, rig.Now + 3_600_000);

        // The answers, as the network server sees them.
        var uplinks = rig.Uplinks.GroupBy(t => t.Bytes[6] | (t.Bytes[7] << 8)).Select(g => g.First()).ToList();
        var verified = rig.Harness.Verify(uplinks);
        var answers = new JsonArray();
        var readingFrames = 0;
        foreach (var frame in verified)
        {
            Assert.True((bool)frame!["micOk"]!);
            if ((int)frame["fport"]! == PayloadPorts.CommandAnswers)
            {
                answers.Add(new JsonObject
                {
                    ["fPort"] = PayloadPorts.CommandAnswers,
                    ["bytes"] = new JsonArray(Convert.FromHexString((string)frame["payload"]!).Select(b => (JsonNode)(int)b).ToArray()),
                });
            }
            else
            {
                readingFrames++;
            }
        }

        var decoded = CodecTests.Call("decodeUplink", answers).Select(a => a!["data"]!["answer"]!).ToList();
        Assert.Equal(
            new[] { ("config", "accepted", (string?)null), ("config", "out_of_range", "thresholds.vacant_hold_s"), ("report", "accepted", null), ("history", "accepted", null) },
            decoded.Select(a => ((string)a["cmd"]!, (string)a["status"]!, (string?)a["setting"])));

        // config: stored (valid as a whole), applied by a restart; the refused one changed nothing.
        Assert.True(commands.RestartRequested);
        var file = System.Text.Encoding.UTF8.GetString(ReadAll(rig.Harness.Flash, ConfigurationStore.FileName));
        Assert.Contains("reporting.period_s = 900", file);
        Assert.Contains("thresholds.vacant_hold_s = 300", file);
        Assert.Equal(3, commands.Accepted);
        Assert.Equal(1, commands.Refused);

        // report: counts of both zones and a health reading were taken and delivered; history: everything stored was
        // sent once more after the backlog.
        Assert.True(rig.Log.NextSequence - storedBefore >= 3, "report produced no readings");
        Assert.Equal(0, rig.Log.Pending);
        Assert.True(rig.Publisher.ReadingsSent >= 2 * (rig.Log.NextSequence - 1), "history did not send the stored readings again");
    }

    private static byte[] ReadAll(OccupancySensor.Hardware.IFileStore files, string name)
    {
        var bytes = new byte[files.GetLength(name)];
        files.Read(name, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
