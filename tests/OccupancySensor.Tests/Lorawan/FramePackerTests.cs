using System.Text.Json.Nodes;
using OccupancySensor.Lorawan.Payload;
using OccupancySensor.Readings;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// The backlog packer: the oldest readings in log order, as many as the payload limit takes, counts of a zone folded
/// into runs only where the run format carries them exactly; the ES5 codec decodes every frame back to the readings.
/// </summary>
public class FramePackerTests
{
    private static Reading Count(long sequence, long at, int zone, int count)
    {
        var r = Reading.PeriodicCount(at, zone, count);
        r.Sequence = sequence;
        return r;
    }

    private static List<JsonNode> Decode(byte[] frame, int length)
    {
        var decoded = CodecTests.Call("decodeUplink", new JsonArray(new JsonObject { ["fPort"] = 1, ["bytes"] = CodecTests.Bytes(frame, 0, length) }));
        Assert.Null(decoded[0]!["errors"]);
        return decoded[0]!["data"]!["readings"]!.AsArray().Select(r => r!).ToList();
    }

    [Fact]
    public void Counts_fold_into_runs_only_where_the_run_carries_them_exactly_and_decode_to_every_reading()
    {
        const long now = 10_000_000;
        var seq = 0xFFFFF0L; // the low 24 bits wrap inside the first run
        var readings = new List<Reading>();
        for (var i = 0; i < 6; i++)
        {
            readings.Add(Count(seq, 1_000_000 + (i * 300_000L), 1, i * 7));
            var presence = Reading.PresenceChanged(1_000_000 + (i * 300_000L), 2, i % 2 == 0);
            presence.Sequence = seq + 1;
            readings.Add(presence);
            seq += i == 2 ? 16 : 3; // a step of 16 cannot be carried: the run ends there
        }

        readings.Add(Count(seq, 2_800_000, 1, 5000)); // above 4095: a count record
        readings.Add(Count(seq + 1, 3_100_000, 1, 4)); // starts a new run ...
        readings.Add(Count(seq + 2, 3_400_500, 1, 4)); // ... that this one cannot follow (not whole seconds)
        readings.Add(Count(seq + 3, 3_400_500, 3, 9)); // another zone, alone: a count record
        var packer = new ReadingFramePacker();
        var buffer = new byte[242];
        var length = packer.Pack(readings.ToArray(), readings.Count, now, 0, buffer, buffer.Length);
        Assert.Equal(readings.Count, packer.ReadingsPacked);
        Assert.Equal(2, packer.RunsWritten);
        var decoded = Decode(buffer, length);
        Assert.Equal(readings.Count, decoded.Count);
        foreach (var reading in readings)
        {
            var match = decoded.Single(d => (long)d["seq"]! == (reading.Sequence & 0xFFFFFF));
            CodecTests.AssertDecoded(reading, now - reading.TimestampMilliseconds, match);
        }

        // Against count records alone: 12 counts at 8 bytes, 6 presences at 7.
        Assert.True(length < (12 * 8) + (6 * 7), "no saving: " + length + " bytes");
    }

    [Fact]
    public void The_frame_takes_the_oldest_readings_in_order_up_to_the_payload_limit()
    {
        var readings = Enumerable.Range(1, 10).Select(i =>
        {
            var r = Reading.DeviceHealth(i * 1000L, 0, i);
            r.Sequence = i;
            return r;
        }).ToArray();
        var packer = new ReadingFramePacker();
        var buffer = new byte[242];

        // 11 bytes (US915 DR0): one health record; 51 bytes (EU868 DR0): four.
        Assert.Equal(11, packer.Pack(readings, readings.Length, 20_000, 1, buffer, 11));
        Assert.Equal(1, packer.ReadingsPacked);
        var length = packer.Pack(readings, readings.Length, 20_000, 1, buffer, 51);
        Assert.Equal(44, length);
        Assert.Equal(4, packer.ReadingsPacked);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, Decode(buffer, length).Select(d => (long)d["seq"]!));

        // Taken before the restart (below sequence 3): age unknown, and never folded.
        var counts = Enumerable.Range(1, 4).Select(i => Count(i, i * 60_000L, 0, i)).ToArray();
        length = packer.Pack(counts, counts.Length, 300_000, 3, buffer, 242);
        Assert.Equal(1, packer.RunsWritten);
        var ages = Decode(buffer, length).Select(d => (long?)d["age_s"]).ToList();
        Assert.Equal(new long?[] { null, null, 120, 60 }, ages);
    }
}
