using System.Text.Json.Nodes;
using OccupancySensor.Configuration;
using OccupancySensor.Lorawan.Payload;
using OccupancySensor.Readings;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// The compact uplink payload and the downlink commands, C# against the network servers' ES5 codec
/// (codecs/lorawan/occupancy-sensor.js) run by node in a bare context as a network server runs it: what the device
/// encodes decodes to the readings it took; commands encode and decode the same on both sides, and both sides refuse
/// the same bad ones for the same reason; acorn proves the codec ES5; js-yaml checks every Device Repository example.
/// </summary>
public class CodecTests
{
    private static string CodecPath => Repository.PathOf("codecs", "lorawan", "occupancy-sensor.js");

    private static string YamlPath => Repository.PathOf("codecs", "lorawan", "occupancy-sensor.yaml");

    internal static JsonArray Call(string function, JsonArray inputs) =>
        NodePeer.Run("codec-peer.js", new JsonObject
        {
            ["op"] = "call",
            ["codec"] = CodecPath,
            ["fn"] = function,
            ["inputs"] = inputs,
        }).AsArray();

    internal static JsonArray Bytes(byte[] buffer, int offset, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add((int)buffer[offset + i]);
        }

        return array;
    }

    /// <summary>Readings of every kind over their value ranges: boundaries, saturation, wrap, missing values, random.</summary>
    private static List<(Reading Reading, long AgeMs)> EveryKindAcrossRanges()
    {
        var random = new Random(11);
        var list = new List<(Reading, long)>();
        long[] sequences = { 0, 1, 0xFFFFFF, 0x1000000, 0x7FFFFFFF12L };
        long[] ages = { 0, 999, 32_767_999, 32_768_000, 7L * 86_400_000, 32_766L * 60_000, 32_767L * 60_000, -1, 30L * 86_400_000 };
        int[] zones = { Reading.WholeUnit, 0, 1, 7, 14 };
        var n = 0;
        void Add(Reading r)
        {
            r.Sequence = n < sequences.Length ? sequences[n] : random.NextInt64(0, 1L << 40);
            list.Add((r, n < ages.Length ? ages[n] : random.NextInt64(0, 40L * 86_400_000)));
            n++;
        }

        foreach (var zone in zones)
        {
            Add(Reading.PresenceChanged(1, zone, true));
            Add(Reading.PresenceChanged(1, zone, false));
        }

        foreach (var count in new[] { 0, 1, 255, 256, 65_535, 65_536, 1_000_000, -3 })
        {
            Add(Reading.PeriodicCount(1, zones[random.Next(zones.Length)], count));
            Add(Reading.Alert(1, zones[random.Next(zones.Length)], count % 2 == 0, count));
        }

        foreach (var total in new[] { 0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 5, int.MaxValue })
        {
            Add(Reading.InOutTotals(1, Reading.WholeUnit, total, random.Next()));
        }

        foreach (var (dropped, total) in new[] { (0, 0), (1, 1), (15, 1_000), ((1 << 20) - 1, (1 << 20) - 1), (1 << 20, int.MaxValue), (-1, -1) })
        {
            Add(Reading.ReadingsDropped(1, dropped, total));
        }

        foreach (var (faults, uptime) in new[] { (0, 0), (4095, (1 << 28) - 1), (4096, 1 << 28), (1, int.MaxValue), (-1, -1) })
        {
            Add(Reading.DeviceHealth(1, faults, uptime));
        }

        foreach (var (t, h, p) in new[]
                 {
                     (21.37f, 45.5f, 1013.25f), (-12.5f, float.NaN, float.NaN), (float.NaN, 0f, 300f), (400f, 120f, 2500f),
                     (-400f, -5f, 250f), (0f, 100f, 1938.2f), (0.005f, 0.05f, 300.05f), (float.PositiveInfinity, 50f, 1000f),
                 })
        {
            Add(Reading.Ambient(1, t, h, p));
        }

        for (var i = 0; i < 300; i++)
        {
            var zone = zones[random.Next(zones.Length)];
            switch (random.Next(6))
            {
                case 0: Add(Reading.PresenceChanged(1, zone, random.Next(2) == 1)); break;
                case 1: Add(Reading.PeriodicCount(1, zone, random.Next(0, 200))); break;
                case 2: Add(Reading.InOutTotals(1, zone, random.Next(0, 2_000_000), random.Next(0, 2_000_000))); break;
                case 3: Add(Reading.Alert(1, zone, random.Next(2) == 1, random.Next(0, 100))); break;
                case 4: Add(Reading.DeviceHealth(1, random.Next(0, 50), random.Next(0, 400_000_000))); break;
                default:
                    Add(Reading.Ambient(1, (float)(random.NextDouble() * 125 - 40), (float)(random.NextDouble() * 100),
                        (float)(random.NextDouble() * 800 + 300)));
                    break;
            }
        }

        return list;
    }

    private static string KindName(ReadingKind kind) => kind switch
    {
        ReadingKind.PresenceChanged => "presence",
        ReadingKind.PeriodicCount => "count",
        ReadingKind.InOutTotals => "inout",
        ReadingKind.Alert => "alert",
        ReadingKind.DeviceHealth => "health",
        ReadingKind.Ambient => "ambient",
        ReadingKind.ReadingsDropped => "dropped",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // The age the README promises a consumer: whole seconds below 32768 s, whole minutes up to 32766, else unknown.
    private static long? ExpectedAge(long ageMs)
    {
        if (ageMs < 0)
        {
            return null;
        }

        var seconds = ageMs / 1000;
        if (seconds < 32_768)
        {
            return seconds;
        }

        return seconds / 60 <= 32_766 ? seconds / 60 * 60 : null;
    }

    private static void AssertMeasure(float value, double lowest, double highest, double resolution, JsonNode? decoded, string context)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            Assert.True(decoded is null, context + ": a missing value decodes to null");
            return;
        }

        var clamped = Math.Clamp(value, lowest, highest);
        var actual = (double)decoded!;
        // A float holds the decimal the unit meant to within 1e-4 (the log keeps hundredths: 45.85 is 45.849998f), so
        // a value half-way between two steps may round either way.
        Assert.True(Math.Abs(actual - clamped) <= resolution / 2 + 1e-4,
            context + ": " + actual + " is not within half a step of " + clamped);
        Assert.Equal(Math.Round(actual / resolution), actual / resolution, 6);
    }

    internal static void AssertDecoded(Reading reading, long ageMs, JsonNode decoded)
    {
        var context = reading.Kind + " seq " + reading.Sequence;
        Assert.Equal(KindName(reading.Kind), (string?)decoded["kind"]);
        Assert.Equal(reading.Sequence & 0xFFFFFF, (long)decoded["seq"]!);
        Assert.Equal(reading.Zone == Reading.WholeUnit ? null : reading.Zone, (int?)decoded["zone"]);
        Assert.Equal(ExpectedAge(ageMs), (long?)decoded["age_s"]);
        switch (reading.Kind)
        {
            case ReadingKind.PresenceChanged:
                Assert.Equal(reading.ValueA != 0, (bool)decoded["occupied"]!);
                break;
            case ReadingKind.PeriodicCount:
                Assert.Equal(Math.Clamp(reading.ValueA, 0, 65_535), (int)decoded["count"]!);
                break;
            case ReadingKind.Alert:
                Assert.Equal(reading.ValueA != 0, (bool)decoded["raised"]!);
                Assert.Equal(Math.Clamp(reading.ValueB, 0, 32_767), (int)decoded["count"]!);
                break;
            case ReadingKind.InOutTotals:
                Assert.Equal(reading.ValueA % (1 << 20), (int)decoded["in"]!);
                Assert.Equal(reading.ValueB % (1 << 20), (int)decoded["out"]!);
                break;
            case ReadingKind.DeviceHealth:
                Assert.Equal(Math.Clamp(reading.ValueA, 0, 4095), (int)decoded["faults"]!);
                Assert.Equal(Math.Clamp(reading.ValueB, 0, (1 << 28) - 1), (int)decoded["uptime_s"]!);
                break;
            case ReadingKind.ReadingsDropped:
                Assert.Equal(Math.Clamp(reading.ValueA, 0, (1 << 20) - 1), (int)decoded["dropped"]!);
                Assert.Equal(Math.Clamp(reading.ValueB, 0, (1 << 20) - 1), (int)decoded["dropped_total"]!);
                break;
            case ReadingKind.Ambient:
                AssertMeasure(reading.MeasureA, -327.67, 327.67, 0.01, decoded["temperature_c"], context + " temperature");
                AssertMeasure(reading.MeasureB, 0, 100, 0.1, decoded["humidity_pct"], context + " humidity");
                AssertMeasure(reading.MeasureC, 300, 1938.2, 0.1, decoded["pressure_hpa"], context + " pressure");
                break;
        }
    }

    [Fact]
    public void Every_kind_the_device_encodes_decodes_to_the_reading_in_the_network_server_codec()
    {
        var readings = EveryKindAcrossRanges();
        var buffer = new byte[ReadingPayloadEncoder.MaxRecordLength];
        var inputs = new JsonArray();
        foreach (var (reading, age) in readings)
        {
            var length = ReadingPayloadEncoder.Encode(reading, age, buffer, 0);
            Assert.InRange(length, 7, 11);
            Assert.Equal(ReadingPayloadEncoder.RecordLength(reading.Kind), length);
            inputs.Add(new JsonObject { ["fPort"] = PayloadPorts.Readings, ["bytes"] = Bytes(buffer, 0, length) });
        }

        var outputs = Call("decodeUplink", inputs);
        Assert.Equal(readings.Count, outputs.Count);
        for (var i = 0; i < readings.Count; i++)
        {
            var output = outputs[i]!;
            Assert.Null(output["errors"]);
            var decoded = output["data"]!["readings"]!.AsArray();
            Assert.Single(decoded);
            AssertDecoded(readings[i].Reading, readings[i].AgeMs, decoded[0]!);
        }
    }

    [Fact]
    public void Records_packed_into_one_frame_decode_in_order()
    {
        var readings = EveryKindAcrossRanges();
        var frame = new byte[51];
        var inputs = new JsonArray();
        var groups = new List<List<int>>();
        var index = 0;
        while (index < readings.Count)
        {
            var length = 0;
            var group = new List<int>();
            while (index < readings.Count && length + ReadingPayloadEncoder.RecordLength(readings[index].Reading.Kind) <= frame.Length)
            {
                length += ReadingPayloadEncoder.Encode(readings[index].Reading, readings[index].AgeMs, frame, length);
                group.Add(index++);
            }

            groups.Add(group);
            inputs.Add(new JsonObject { ["fPort"] = PayloadPorts.Readings, ["bytes"] = Bytes(frame, 0, length) });
        }

        var outputs = Call("decodeUplink", inputs);
        for (var g = 0; g < groups.Count; g++)
        {
            var decoded = outputs[g]!["data"]!["readings"]!.AsArray();
            Assert.Equal(groups[g].Count, decoded.Count);
            for (var k = 0; k < decoded.Count; k++)
            {
                AssertDecoded(readings[groups[g][k]].Reading, readings[groups[g][k]].AgeMs, decoded[k]!);
            }
        }

        Assert.True(groups.Count < readings.Count / 3, "51-byte frames should carry several records each");
    }

    [Fact]
    public void Readings_the_format_cannot_carry_are_refused_clearly()
    {
        var buffer = new byte[11];
        Assert.Throws<ArgumentException>(() => ReadingPayloadEncoder.Encode(Reading.PeriodicCount(0, 15, 1), 0, buffer, 0));
        Assert.Throws<ArgumentException>(() => ReadingPayloadEncoder.Encode(Reading.PeriodicCount(0, -2, 1), 0, buffer, 0));
        Assert.Throws<ArgumentException>(() => ReadingPayloadEncoder.Encode(default, 0, buffer, 0));
        Assert.Throws<ArgumentException>(() => ReadingPayloadEncoder.Encode(Reading.Ambient(0, 1, 1, 1), 0, buffer, 1));
    }

    [Fact]
    public void The_codec_is_ES5_by_acorn_which_refuses_later_syntax()
    {
        var answer = NodePeer.Run("codec-peer.js", new JsonObject
        {
            ["op"] = "es5",
            ["codec"] = CodecPath,
            ["probes"] = new JsonArray("let a = 1;", "var f = () => 1;", "var s = `x`;", "class A {}", "var { a } = {};"),
        });
        Assert.True((bool)answer["codec"]!["ok"]!, "acorn (ecmaVersion 5) rejects the codec: " + answer["codec"]!["error"]);
        foreach (var probe in answer["probes"]!.AsArray())
        {
            Assert.False((bool)probe!["ok"]!);
        }
    }

    [Fact]
    public void Every_Device_Repository_example_equals_what_the_codec_returns()
    {
        var results = NodePeer.Run("codec-peer.js", new JsonObject { ["op"] = "examples", ["yaml"] = YamlPath }).AsArray();
        foreach (var section in new[] { "uplinkDecoder", "downlinkEncoder", "downlinkDecoder" })
        {
            Assert.Contains(results, r => (string?)r!["section"] == section && r["missing"] is null);
        }

        foreach (var result in results)
        {
            Assert.Equal("occupancy-sensor.js", (string?)result!["fileName"]);
            Assert.True((bool)result["equal"]!,
                result["section"] + " '" + result["description"] + "': expected " + result["expected"]!.ToJsonString() +
                ", the codec returns " + result["actual"]!.ToJsonString());
        }

        // The examples show every reading kind.
        var kinds = results.Where(r => (string?)r!["section"] == "uplinkDecoder")
            .SelectMany(r => r!["actual"]!["data"]?["readings"]?.AsArray() ?? new JsonArray())
            .Select(r => (string?)r!["kind"]).ToHashSet();
        foreach (ReadingKind kind in Enum.GetValues<ReadingKind>())
        {
            Assert.Contains(KindName(kind), kinds);
        }
    }

    // The codec names settings by their configuration keys, as the MQTT "config" command does.
    private static readonly string[] SettingNames = Enumerable.Range(0, RemoteSetting.Count + 1).Select(id => RemoteSetting.ConfigurationKey(id) ?? "").ToArray();

    [Fact]
    public void Commands_encoded_on_either_side_decode_the_same_on_the_other()
    {
        var buffer = new byte[32];
        var command = new DownlinkCommand();
        var random = new Random(3);

        // C# encodes, the codec's decodeDownlink reads.
        var csharpFrames = new List<(byte[] Bytes, JsonObject Expected)>();
        var length = DownlinkCommandCodec.EncodeReport(buffer, 0);
        csharpFrames.Add((buffer[..length], new JsonObject { ["cmd"] = "report" }));
        foreach (var since in new long[] { 0, 1, 1000, 0xFFFFFF, 0x1000000, 0xFFFFFFFF })
        {
            length = DownlinkCommandCodec.EncodeHistory(since, buffer, 0);
            csharpFrames.Add((buffer[..length], new JsonObject { ["cmd"] = "history", ["since"] = since }));
        }

        for (var trial = 0; trial < 40; trial++)
        {
            var ids = Enumerable.Range(1, RemoteSetting.Count).OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray();
            var values = ids.Select(id => random.Next(RemoteSetting.Minimum(id), RemoteSetting.Maximum(id) + 1)).ToArray();
            if (trial < RemoteSetting.Count * 2)
            {
                ids = new[] { trial / 2 + 1 };
                values = new[] { trial % 2 == 0 ? RemoteSetting.Minimum(ids[0]) : RemoteSetting.Maximum(ids[0]) };
            }

            length = DownlinkCommandCodec.EncodeConfig(ids, values, ids.Length, buffer, 0);
            var settings = new JsonObject();
            for (var i = 0; i < ids.Length; i++)
            {
                settings[SettingNames[ids[i]]] = values[i];
            }

            csharpFrames.Add((buffer[..length], new JsonObject { ["cmd"] = "config", ["set"] = settings }));
        }

        var inputs = new JsonArray(csharpFrames.Select(f => (JsonNode)new JsonObject
        {
            ["fPort"] = PayloadPorts.Commands,
            ["bytes"] = Bytes(f.Bytes, 0, f.Bytes.Length),
        }).ToArray());
        var decoded = Call("decodeDownlink", inputs);
        for (var i = 0; i < csharpFrames.Count; i++)
        {
            Assert.Null(decoded[i]!["errors"]);
            Assert.True(JsonNode.DeepEquals(csharpFrames[i].Expected, decoded[i]!["data"]),
                "decodeDownlink gives " + decoded[i]!.ToJsonString() + " for " + csharpFrames[i].Expected.ToJsonString());

            // And the C# decoder reads its own bytes back.
            var bytes = csharpFrames[i].Bytes;
            Assert.Equal(CommandRejection.Accepted, DownlinkCommandCodec.Decode(PayloadPorts.Commands, bytes, 0, bytes.Length, command));
        }

        // The codec's encodeDownlink writes, C# decodes.
        var encoded = Call("encodeDownlink", new JsonArray(csharpFrames.Select(f => (JsonNode)new JsonObject { ["data"] = f.Expected.DeepClone() }).ToArray()));
        for (var i = 0; i < csharpFrames.Count; i++)
        {
            Assert.Equal(PayloadPorts.Commands, (int)encoded[i]!["fPort"]!);
            var bytes = encoded[i]!["bytes"]!.AsArray().Select(b => (byte)(int)b!).ToArray();
            Assert.Equal(CommandRejection.Accepted, DownlinkCommandCodec.Decode(PayloadPorts.Commands, bytes, 0, bytes.Length, command));
            var expected = csharpFrames[i].Expected;
            switch ((string?)expected["cmd"])
            {
                case "report":
                    Assert.Equal(CommandCode.Report, command.Code);
                    break;
                case "history":
                    Assert.Equal(CommandCode.History, command.Code);
                    Assert.Equal((long)expected["since"]!, command.SinceSequence);
                    break;
                default:
                    Assert.Equal(CommandCode.Config, command.Code);
                    var settings = expected["set"]!.AsObject();
                    Assert.Equal(settings.Count, command.SettingCount);
                    for (var k = 0; k < command.SettingCount; k++)
                    {
                        Assert.Equal((int)settings[SettingNames[command.SettingIds[k]]]!, command.SettingValues[k]);
                    }

                    break;
            }
        }
    }

    private static string ReasonName(CommandRejection reason) => reason switch
    {
        CommandRejection.Empty => "empty",
        CommandRejection.UnknownCommand => "unknown_command",
        CommandRejection.WrongLength => "wrong_length",
        CommandRejection.UnknownSetting => "unknown_setting",
        CommandRejection.OutOfRange => "out_of_range",
        CommandRejection.RepeatedSetting => "repeated_setting",
        CommandRejection.WrongPort => "wrong_port",
        CommandRejection.NotApplied => "not_applied",
        _ => "accepted",
    };

    [Fact]
    public void Both_sides_refuse_the_same_bad_downlinks_for_the_same_reason()
    {
        var bad = new (int Port, byte[] Bytes, CommandRejection Reason, int Setting)[]
        {
            (2, Array.Empty<byte>(), CommandRejection.Empty, 0),
            (5, new byte[] { 1 }, CommandRejection.WrongPort, 0),
            (2, new byte[] { 0 }, CommandRejection.UnknownCommand, 0),
            (2, new byte[] { 9, 1, 2 }, CommandRejection.UnknownCommand, 0),
            (2, new byte[] { 1, 0 }, CommandRejection.WrongLength, 0),
            (2, new byte[] { 2, 0, 0, 1 }, CommandRejection.WrongLength, 0),
            (2, new byte[] { 2, 0, 0, 0, 1, 0 }, CommandRejection.WrongLength, 0),
            (2, new byte[] { 3 }, CommandRejection.WrongLength, 0),
            (2, new byte[] { 3, 1, 0, 3 }, CommandRejection.WrongLength, 0),
            (2, new byte[] { 3, 1, 0, 3, 132, 2, 0, 3, 132, 3, 0, 0, 60, 4, 0, 1, 44, 1, 0, 3, 132 }, CommandRejection.WrongLength, 0),
            (2, new byte[] { 3, 9, 0, 3, 132 }, CommandRejection.UnknownSetting, 9),
            (2, new byte[] { 3, 0, 0, 3, 132 }, CommandRejection.UnknownSetting, 0),
            (2, new byte[] { 3, 1, 0, 0, 59 }, CommandRejection.OutOfRange, 1),
            (2, new byte[] { 3, 1, 0x01, 0x51, 0x81 }, CommandRejection.OutOfRange, 1),
            (2, new byte[] { 3, 3, 0, 14, 17 }, CommandRejection.OutOfRange, 3),
            (2, new byte[] { 3, 4, 0xFF, 0xFF, 0xFF }, CommandRejection.OutOfRange, 4),
            (2, new byte[] { 3, 2, 0, 1, 44, 4, 0, 0, 9 }, CommandRejection.OutOfRange, 4),
            (2, new byte[] { 3, 2, 0, 1, 44, 2, 0, 1, 44 }, CommandRejection.RepeatedSetting, 2),
        };
        var command = new DownlinkCommand();
        var inputs = new JsonArray();
        foreach (var (port, bytes, reason, setting) in bad)
        {
            Assert.Equal(reason, DownlinkCommandCodec.Decode(port, bytes, 0, bytes.Length, command));
            Assert.Equal(setting, command.OffendingSetting);
            Assert.Equal(0, command.SettingCount);
            inputs.Add(new JsonObject { ["fPort"] = port, ["bytes"] = Bytes(bytes, 0, bytes.Length) });
        }

        var decoded = Call("decodeDownlink", inputs);
        for (var i = 0; i < bad.Length; i++)
        {
            Assert.Null(decoded[i]!["data"]);
            var error = (string?)decoded[i]!["errors"]![0];
            Assert.StartsWith(ReasonName(bad[i].Reason) + ":", error);
        }

        // The answer the device sends back names the same reason in the codec.
        var buffer = new byte[3];
        var answers = new JsonArray();
        foreach (var (_, bytes, reason, setting) in bad)
        {
            var length = DownlinkCommandCodec.EncodeAnswer(bytes.Length > 0 ? bytes[0] : 0, reason, setting, buffer, 0);
            answers.Add(new JsonObject { ["fPort"] = PayloadPorts.CommandAnswers, ["bytes"] = Bytes(buffer, 0, length) });
        }

        var decodedAnswers = Call("decodeUplink", answers);
        for (var i = 0; i < bad.Length; i++)
        {
            Assert.Equal(ReasonName(bad[i].Reason), (string?)decodedAnswers[i]!["data"]!["answer"]!["status"]);
        }
    }

    [Fact]
    public void Remote_settings_allow_exactly_what_the_configuration_file_allows()
    {
        for (var id = 1; id <= RemoteSetting.Count; id++)
        {
            var key = RemoteSetting.ConfigurationKey(id)!;
            bool FileAccepts(int value) =>
                ConfigurationParser.Parse(Configuration.SampleConfigurations.DeskWith(key, key + " = " + value)).IsValid;
            Assert.True(FileAccepts(RemoteSetting.Minimum(id)), key);
            Assert.True(FileAccepts(RemoteSetting.Maximum(id)), key);
            Assert.False(FileAccepts(RemoteSetting.Minimum(id) - 1), key);
            Assert.False(FileAccepts(RemoteSetting.Maximum(id) + 1), key);
        }

        Assert.Equal(-1, RemoteSetting.Minimum(0));
        Assert.Null(RemoteSetting.ConfigurationKey(RemoteSetting.Count + 1));
    }

    [Fact]
    public void Encoding_readings_and_decoding_commands_allocate_nothing()
    {
        var buffer = new byte[11];
        var command = new DownlinkCommand();
        var set = new byte[] { 3, 1, 0, 3, 132, 4, 0, 1, 44 };
        var ambient = Reading.Ambient(5, 21.5f, 40f, 1000f);
        var inout = Reading.InOutTotals(5, 0, 12, 10);
        ReadingPayloadEncoder.Encode(ambient, 10, buffer, 0);
        DownlinkCommandCodec.Decode(2, set, 0, set.Length, command);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            ReadingPayloadEncoder.Encode(ambient, i * 1000L, buffer, 0);
            ReadingPayloadEncoder.Encode(inout, i * 100_000L, buffer, 0);
            DownlinkCommandCodec.Decode(2, set, 0, set.Length, command);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
