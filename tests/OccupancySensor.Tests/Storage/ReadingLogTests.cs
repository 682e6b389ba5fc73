using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;

namespace OccupancySensor.Tests.Storage;

public class ReadingLogTests
{
    private readonly SimulatedClock _clock = new(0);
    private readonly FaultLog _faults = new();

    private ReadingLog Boot(PowerCutFileStore store, int segmentBytes = 400, int segments = 4)
    {
        var log = new ReadingLog(store, "readings", segmentBytes, segments, _clock, _faults);
        log.Open();
        return log;
    }

    private static Reading Make(int i) =>
        (i % 4) switch
        {
            0 => Reading.PresenceChanged(i * 1000L, i % 3, i % 2 == 0),
            1 => Reading.PeriodicCount(i * 1000L, 0, i),
            2 => Reading.Ambient(i * 1000L, 20 + (i / 100f), 40 + (i % 50), 1000 + i),
            _ => Reading.Alert(i * 1000L, 1, true, i),
        };

    private static List<Reading> Drain(ReadingLog log)
    {
        var drained = new List<Reading>();
        while (log.TryPeekOldest(out var reading))
        {
            drained.Add(reading);
            log.Release(reading.Sequence);
        }

        return drained;
    }

    private static void AssertSame(Reading expected, Reading actual)
    {
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.TimestampMilliseconds, actual.TimestampMilliseconds);
        Assert.Equal(expected.Zone, actual.Zone);
        Assert.Equal(expected.ValueA, actual.ValueA);
        Assert.Equal(expected.ValueB, actual.ValueB);
        Assert.Equal(Math.Round(expected.MeasureA, 2), Math.Round(actual.MeasureA, 2), 3);
    }

    [Fact]
    public void Readings_come_back_oldest_first_after_a_reboot_and_released_ones_never_again()
    {
        var store = new PowerCutFileStore();
        var log = Boot(store);
        var written = Enumerable.Range(1, 25).Select(i => { var r = Make(i); log.Append(ref r); return r; }).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), written.Select(r => r.Sequence));

        log = Boot(new PowerCutFileStore(store.Flash));
        Assert.Equal(25, log.Pending);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(log.TryPeekOldest(out var oldest));
            AssertSame(written[i], oldest);
            log.Release(oldest.Sequence);
        }

        log = Boot(new PowerCutFileStore(store.Flash));
        Assert.Equal(15, log.Pending);
        var rest = Drain(log);
        Assert.Equal(15, rest.Count);
        for (var i = 0; i < 15; i++)
        {
            AssertSame(written[10 + i], rest[i]);
        }
    }

    [Fact]
    public void Numbering_continues_after_a_reboot_even_when_everything_was_delivered()
    {
        // Five readings fill a segment; the release marks of the last ones roll into a segment of their own. With 3
        // slots, the ring then reuses the oldest (delivered) segment's slot: the numbering survives in the newer
        // segments' headers.
        var store = new PowerCutFileStore();
        var log = Boot(store, segmentBytes: 200, segments: 3);
        for (var i = 1; i <= 9; i++)
        {
            var r = Make(i);
            log.Append(ref r);
        }

        Assert.Equal(9, Drain(log).Count);
        Assert.Equal(0, log.Dropped);
        Assert.InRange(store.Flash.FileCount, 2, 3);
        log = Boot(new PowerCutFileStore(store.Flash), segmentBytes: 200, segments: 3);
        Assert.Equal(0, log.Pending);
        Assert.False(log.TryPeekOldest(out _));
        var next = Make(10);
        Assert.Equal(10, log.Append(ref next));
    }

    [Fact]
    public void Delivered_segments_stay_as_history_and_make_room_before_any_undelivered_reading_goes()
    {
        // Six segments of five readings: 20 delivered readings stay on flash as history; 40 more, undelivered, reuse
        // the delivered segments' slots first, so filling the ring costs no undelivered reading until history is gone.
        var store = new PowerCutFileStore();
        const int segmentBytes = LogRecord.SegmentLength + (5 * LogRecord.ReadingLength) + (4 * LogRecord.ReleaseLength);
        var log = Boot(store, segmentBytes: segmentBytes, segments: 6);
        for (var i = 1; i <= 20; i++)
        {
            var r = Make(i);
            log.Append(ref r);
        }

        Drain(log);
        var filesAfterDelivery = store.Flash.FileCount;
        Assert.True(filesAfterDelivery >= 4);
        Assert.Equal(1, log.OldestStoredSequence);

        var taken = 0;
        while (log.Dropped == 0)
        {
            var r = Make(100 + taken);
            log.Append(ref r);
            taken++;
        }

        // History went first: by the time an undelivered reading was dropped, the oldest stored reading is undelivered.
        Assert.True(taken > 20, $"only {taken} readings fitted before one was dropped");
        Assert.True(log.OldestStoredSequence > 20);
        Assert.True(store.Flash.FileCount <= 6);
    }

    [Fact]
    public void A_history_walk_returns_stored_readings_from_a_sequence_number_delivered_or_not_and_releases_nothing()
    {
        var store = new PowerCutFileStore();
        var log = Boot(store, segmentBytes: 400, segments: 4);
        for (var i = 1; i <= 12; i++)
        {
            var r = Make(i);
            log.Append(ref r);
        }

        for (var i = 0; i < 8; i++)
        {
            Assert.True(log.TryPeekOldest(out var oldest));
            log.Release(oldest.Sequence);
        }

        Assert.Equal(12, log.BeginHistory(5));
        var walked = new List<long>();
        while (log.TryPeekHistory(out var reading))
        {
            walked.Add(reading.Sequence);
            log.AdvanceHistory();
        }

        Assert.Equal(Enumerable.Range(5, 8).Select(i => (long)i), walked);
        Assert.False(log.HistoryActive);
        Assert.Equal(8, log.ReleasedThrough);
        Assert.Equal(4, log.Pending);
        Assert.Equal(0, log.BeginHistory(13)); // nothing stored from there on
    }

    [Fact]
    public void A_full_log_drops_the_oldest_unsent_readings_counts_them_and_keeps_the_newest()
    {
        var store = new PowerCutFileStore();
        const int segmentBytes = LogRecord.SegmentLength + (5 * LogRecord.ReadingLength);
        var log = Boot(store, segmentBytes, segments: 3);
        var written = new List<Reading>();
        for (var i = 1; i <= 40; i++)
        {
            var r = Make(i);
            log.Append(ref r);
            written.Add(r);
        }

        Assert.True(store.Flash.UsedBytes <= log.CapacityBytes);
        var kept = Drain(log);
        Assert.True(log.Dropped > 0);
        Assert.Equal(40, log.Dropped + kept.Count);
        Assert.Equal(written.TakeLast(kept.Count).Select(r => r.Sequence), kept.Select(r => r.Sequence));
        Assert.Contains(Enumerable.Range(0, _faults.RecentCount).Select(_faults.GetRecent), f => f.Source == FaultSource.Storage && f.Code == FaultCode.Overflow);
    }

    [Fact]
    public void Flash_that_fills_up_before_the_log_bound_gives_up_the_oldest_segment_and_counts_it()
    {
        var store = new PowerCutFileStore(new InMemoryFileStore(600));
        var log = Boot(store, segmentBytes: 300, segments: 8);
        for (var i = 1; i <= 60; i++)
        {
            var r = Make(i);
            Assert.True(log.Append(ref r) > 0, $"reading {i} not stored");
        }

        var kept = Drain(log);
        Assert.Equal(60, log.Dropped + kept.Count);
        Assert.Equal(0, log.Unstored);
        Assert.Equal(60, kept[^1].Sequence);
    }

    [Fact]
    public void A_decayed_record_in_the_middle_is_skipped_counted_and_never_delivered()
    {
        var store = new PowerCutFileStore();
        var log = Boot(store, segmentBytes: 1000, segments: 2);
        for (var i = 1; i <= 10; i++)
        {
            var r = Make(i);
            log.Append(ref r);
        }

        // Reading 4 decays: one bit of its value flips on the flash.
        var file = new byte[store.Flash.GetLength("readings0.log")];
        store.Flash.Read("readings0.log", 0, file, 0, file.Length);
        file[LogRecord.SegmentLength + (3 * LogRecord.ReadingLength) + 17] ^= 0x10;
        store.Flash.WriteAll("readings0.log", file, 0, file.Length);
        log = Boot(new PowerCutFileStore(store.Flash), segmentBytes: 1000, segments: 2);
        var drained = Drain(log);
        Assert.Equal(new long[] { 1, 2, 3, 5, 6, 7, 8, 9, 10 }, drained.Select(r => r.Sequence));
        Assert.Equal(1, log.CorruptRecords);
    }

    [Fact]
    public void An_alert_delivered_ahead_of_the_backlog_is_not_sent_again_even_after_a_reboot()
    {
        var store = new PowerCutFileStore();
        var log = Boot(store);
        for (var i = 1; i <= 8; i++)
        {
            var r = Make(i);
            log.Append(ref r);
        }

        log.Release(7);
        Assert.Equal(7, log.Pending);
        log = Boot(new PowerCutFileStore(store.Flash));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 8 }, Drain(log).Select(r => r.Sequence));
        Assert.Equal(8, log.ReleasedThrough);
    }

    [Fact]
    public void Each_reading_costs_one_record_and_one_release_mark_of_flash_writes()
    {
        var store = new PowerCutFileStore();
        var log = Boot(store, segmentBytes: 4096, segments: 4);
        const int readings = 500;
        for (var i = 1; i <= readings; i++)
        {
            var r = Make(i);
            log.Append(ref r);
            Assert.True(log.TryPeekOldest(out var oldest));
            log.Release(oldest.Sequence);
        }

        // Appends only: a segment header per segment started, a 36-byte record and a 10-byte release per reading.
        var perSegment = (4096 - LogRecord.SegmentLength) / (LogRecord.ReadingLength + LogRecord.ReleaseLength);
        var segmentsStarted = (readings + perSegment - 1) / perSegment;
        Assert.Equal((readings * (LogRecord.ReadingLength + LogRecord.ReleaseLength)) + (segmentsStarted * LogRecord.SegmentLength), store.BytesWritten);
        Assert.Equal(store.BytesWritten, log.BytesWritten);
    }

    // The script the power-cut sweep replays: readings of every kind, the oldest delivered every second one (in a
    // ring small enough to roll and delete segments), and an alert delivered ahead of the backlog.
    private static void Script(ReadingLog log, PowerCutFileStore store, Dictionary<long, Reading> stored, HashSet<long> released)
    {
        for (var i = 1; i <= 40 && !store.IsCut; i++)
        {
            var r = Make(i);
            if (log.Append(ref r) > 0 && !store.IsCut)
            {
                stored[r.Sequence] = r;
            }

            if (store.IsCut)
            {
                return;
            }

            if (i % 2 == 0 && log.TryPeekOldest(out var oldest) && !store.IsCut)
            {
                log.Release(oldest.Sequence);
                released.Add(oldest.Sequence);
            }

            if (i == 23)
            {
                log.Release(r.Sequence);
                released.Add(r.Sequence);
            }
        }
    }

    [Fact]
    public void Power_cut_at_every_byte_never_loses_a_stored_reading_and_never_delivers_a_corrupt_one()
    {
        const int segmentBytes = 220;
        const int segments = 6;
        var whole = new PowerCutFileStore();
        var log = new ReadingLog(whole, "readings", segmentBytes, segments, _clock, _faults);
        log.Open();
        Script(log, whole, new Dictionary<long, Reading>(), new HashSet<long>());
        Assert.Equal(0, log.Dropped);
        var total = whole.BytesWritten;
        Assert.True(total > 6 * segmentBytes, "the script must roll over the ring");

        var tornSeen = 0;
        for (long cut = 0; cut <= total; cut++)
        {
            var store = new PowerCutFileStore(budget: cut);
            var stored = new Dictionary<long, Reading>();
            var released = new HashSet<long>();
            var before = new ReadingLog(store, "readings", segmentBytes, segments, _clock, _faults);
            before.Open();
            Script(before, store, stored, released);

            var after = new ReadingLog(new PowerCutFileStore(store.Flash), "readings", segmentBytes, segments, _clock, _faults);
            after.Open();
            if (after.TornBytesCut > 0)
            {
                tornSeen++;
            }

            var drained = Drain(after);
            Assert.Equal(drained.Count, drained.Select(r => r.Sequence).Distinct().Count());
            foreach (var reading in drained)
            {
                Assert.True(stored.TryGetValue(reading.Sequence, out var original), $"cut at {cut}: reading {reading.Sequence} was never stored");
                AssertSame(original, reading);
            }

            var delivered = drained.Select(r => r.Sequence).ToHashSet();
            foreach (var sequence in stored.Keys.Where(s => !released.Contains(s)))
            {
                Assert.True(delivered.Contains(sequence), $"cut at {cut}: stored reading {sequence} was lost");
            }

            Assert.Equal(0, after.Dropped);
            var next = Make(99);
            var sequenceAfter = after.Append(ref next);
            Assert.True(sequenceAfter > (stored.Count == 0 ? 0 : stored.Keys.Max()), $"cut at {cut}: numbering went back to {sequenceAfter}");

            // And it carries on: what is written after the torn tail is read back after the next boot.
            var again = new ReadingLog(new PowerCutFileStore(store.Flash), "readings", segmentBytes, segments, _clock, _faults);
            again.Open();
            var afterReboot = Drain(again);
            Assert.Single(afterReboot);
            AssertSame(next, afterReboot[0]);

            // The torn tail was cut off, not left behind to pass for a decayed record.
            Assert.Equal(0, again.CorruptRecords);
        }

        Assert.True(tornSeen > total / 2, $"only {tornSeen} of {total} cuts left a torn tail");
    }
}
