using FsCheck;
using FsCheck.Fluent;
using OccupancySensor.Readings;
using OccupancySensor.Storage;

namespace OccupancySensor.Tests.Storage;

public class LogRecordTests
{
    // A bit-by-bit CRC-32 written from the definition, independent of the table the firmware uses.
    private static uint BitwiseCrc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value_and_a_bitwise_reference()
    {
        var check = "123456789"u8.ToArray();
        Assert.Equal(0xCBF43926u, Crc32.Compute(check, 0, check.Length));
        var random = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            Assert.Equal(BitwiseCrc32(data), Crc32.Compute(data, 0, data.Length));
        }
    }

    public static IEnumerable<object[]> EveryKind() =>
        new[]
        {
            Reading.PresenceChanged(1_700_000_000_123, 3, true),
            Reading.PeriodicCount(42, 0, 17),
            Reading.InOutTotals(long.MaxValue / 3, Reading.WholeUnit, 123456, 123400),
            Reading.Alert(5, 2, true, 9),
            Reading.DeviceHealth(6, 2, 86_400),
            Reading.Ambient(7, 21.37f, 45.5f, 1013.25f),
            Reading.Ambient(8, -12.5f, float.NaN, float.NaN),
        }.Select((r, i) => new object[] { r, (long)(i + 1) });

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void A_reading_of_every_kind_survives_the_record(Reading reading, long sequence)
    {
        reading.Sequence = sequence;
        var buffer = new byte[LogRecord.MaxLength];
        var length = LogRecord.WriteReading(buffer, reading);
        Assert.Equal(LogRecord.ReadingLength, LogRecord.Check(buffer, 0, length));
        var back = LogRecord.ReadReading(buffer, 0);
        Assert.Equal(reading.Sequence, back.Sequence);
        Assert.Equal(reading.TimestampMilliseconds, back.TimestampMilliseconds);
        Assert.Equal(reading.Kind, back.Kind);
        Assert.Equal(reading.Zone, back.Zone);
        Assert.Equal(reading.ValueA, back.ValueA);
        Assert.Equal(reading.ValueB, back.ValueB);
        AssertMeasure(reading.MeasureA, back.MeasureA);
        AssertMeasure(reading.MeasureB, back.MeasureB);
        AssertMeasure(reading.MeasureC, back.MeasureC);
    }

    private static void AssertMeasure(float expected, float actual)
    {
        if (float.IsNaN(expected))
        {
            Assert.True(float.IsNaN(actual));
            return;
        }

        // Two decimals are kept: what the payload carries.
        Assert.Equal(Math.Round(expected, 2), Math.Round(actual, 2), 3);
    }

    [Fact]
    public void Every_single_bit_flip_and_every_cut_short_record_is_refused()
    {
        var property = Prop.ForAll(
            Arb.From(Gen.Choose(0, 1_000_000)),
            Arb.From(Gen.Choose(-1, 30)),
            Arb.From(Gen.Choose(0, 1000)),
            (value, zone, bit) =>
            {
                var reading = Reading.InOutTotals(value * 1000L, zone, value, value / 2);
                reading.Sequence = value + 1;
                var buffer = new byte[LogRecord.MaxLength];
                var length = LogRecord.WriteReading(buffer, reading);
                var flipped = (byte[])buffer.Clone();
                flipped[bit % (length * 8) / 8] ^= (byte)(1 << (bit % 8));
                return LogRecord.Check(flipped, 0, length) == 0 &&
                       Enumerable.Range(0, length).All(cut => LogRecord.Check(buffer, 0, cut) == 0);
            });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void Release_and_segment_records_check_and_carry_their_numbers()
    {
        var buffer = new byte[LogRecord.MaxLength];
        var length = LogRecord.WriteRelease(buffer, LogRecord.Released, 4_000_000_000);
        Assert.Equal(LogRecord.ReleaseLength, LogRecord.Check(buffer, 0, length));
        Assert.Equal(4_000_000_000u, LogRecord.SequenceAt(buffer, 0));
        length = LogRecord.WriteSegment(buffer, 77, 1234);
        Assert.Equal(LogRecord.SegmentLength, LogRecord.Check(buffer, 0, length));
        Assert.Equal(77u, LogRecord.SequenceAt(buffer, 0));
        Assert.Equal(1234u, LogRecord.NextSequenceAt(buffer, 0));
        buffer[1] = 99;
        Assert.Equal(0, LogRecord.Check(buffer, 0, length));
    }
}
