using OccupancySensor.Processing;
using OccupancySensor.Readings;

namespace OccupancySensor.Tests.Processing;

/// <summary>
/// Tracks, person judgement and door crossings, driven through the whole engine with synthetic frames: a
/// calibrated 8x8 (or 16x12) view at 10 frames a second, people as 4 °C Gaussians on 0.1 °C noise.
/// </summary>
public class PeopleTrackerTests
{
    private static EngineHarness Doorway(string door, int seed, int width = 8, int height = 8)
    {
        var run = new EngineHarness(new ThermalScene(width, height, seed), door);
        run.Calibrate();
        run.Steps(10);
        return run;
    }

    /// <summary>Walks a person from (x0, y0) to (x1, y1) at about a quarter pixel a frame, then out of view.</summary>
    private static void WalkThrough(EngineHarness run, float x0, float y0, float x1, float y1)
    {
        var person = run.View.Add(x0, y0);
        int frames = (int)(MathF.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0))) / 0.25f);
        run.Walk(person, x1, y1, frames);
        person.Visible = false;
        run.Steps(20);
        run.View.Spots.Remove(person);
    }

    private static void AssertDoor(EngineHarness run, int expectedIn, int expectedOut)
    {
        Assert.Equal(expectedIn, run.Engine.Door.In);
        Assert.Equal(expectedOut, run.Engine.Door.Out);
        var totals = run.Sink.Readings.Where(r => r.Kind == ReadingKind.InOutTotals).ToList();
        if (expectedIn + expectedOut > 0)
        {
            Assert.Equal(expectedIn, totals.Last().ValueA);
            Assert.Equal(expectedOut, totals.Last().ValueB);
        }
        else
        {
            Assert.Empty(totals);
        }
    }

    [Fact]
    public void A_person_walking_left_to_right_across_x4_counts_one_in()
    {
        var run = Doorway("x=4", seed: 11);
        WalkThrough(run, -1.5f, 3.5f, 8.5f, 3.5f);
        AssertDoor(run, 1, 0);
        Assert.Equal(1, run.Engine.Door.People);
        Assert.Equal(1, run.Engine.PeopleCount);
    }

    [Fact]
    public void A_person_walking_right_to_left_counts_one_out()
    {
        var run = Doorway("x=4", seed: 12);
        WalkThrough(run, 8.5f, 4f, -1.5f, 4f);
        AssertDoor(run, 0, 1);
        Assert.Equal(0, run.Engine.Door.People);
        Assert.Equal(1, run.Engine.Door.ClampedOuts);
    }

    [Fact]
    public void In_minus_reverses_the_direction()
    {
        var run = Doorway("x=4,in=-", seed: 13);
        WalkThrough(run, -1.5f, 3.5f, 8.5f, 3.5f);
        AssertDoor(run, 0, 1);
        WalkThrough(run, 8.5f, 3.5f, -1.5f, 3.5f);
        AssertDoor(run, 1, 1);
    }

    [Fact]
    public void A_line_between_rows_counts_people_walking_down_and_up()
    {
        var run = Doorway("y=6", seed: 14, width: 16, height: 12);
        WalkThrough(run, 7f, -1.5f, 8f, 12.5f);
        AssertDoor(run, 1, 0);
        WalkThrough(run, 9f, 12.5f, 9f, -1.5f);
        AssertDoor(run, 1, 1);
        Assert.Equal(0, run.Engine.Door.People);
        Assert.Equal(0, run.Engine.Door.ClampedOuts);
    }

    [Fact]
    public void A_turn_back_inside_the_margin_counts_nothing_one_beyond_it_counts_in_and_out()
    {
        var run = Doorway("x=4", seed: 15);
        float line = 3.5f;
        float margin = new EngineSettings().Get(EngineSettings.DoorMarginId);

        // Crosses the line by less than the margin and turns back.
        var person = run.View.Add(-1.5f, 3.5f);
        run.Walk(person, line + (margin * 0.4f), 3.5f, 20);
        run.Walk(person, -1.5f, 3.5f, 20);
        person.Visible = false;
        run.Steps(20);
        AssertDoor(run, 0, 0);

        // The same walk, but a full pixel past the margin before turning back: in, then out.
        person.X = -1.5f;
        person.Visible = true;
        run.Walk(person, line + margin + 1f, 3.5f, 24);
        run.Walk(person, -1.5f, 3.5f, 24);
        person.Visible = false;
        run.Steps(20);
        AssertDoor(run, 1, 1);
        Assert.Equal(0, run.Engine.Door.People);
    }

    [Fact]
    public void Two_people_side_by_side_crossing_together_count_two()
    {
        var run = Doorway("x=4", seed: 16);
        var upper = run.View.Add(-1.5f, 1.5f);
        var lower = run.View.Add(-1.5f, 5f);
        for (int i = 1; i <= 40; i++)
        {
            upper.X = lower.X = -1.5f + (i * 0.25f);
            run.Step();
        }

        upper.Visible = lower.Visible = false;
        run.Steps(20);
        AssertDoor(run, 2, 0);
        Assert.Equal(2, run.Engine.Door.People);
    }

    [Fact]
    public void People_walking_one_after_another_are_each_counted()
    {
        var run = Doorway("x=8", seed: 17, width: 16, height: 12);
        for (int n = 0; n < 5; n++)
        {
            WalkThrough(run, -1.5f, 4f + n, 17.5f, 6f);
        }

        WalkThrough(run, 17.5f, 6f, -1.5f, 6f);
        AssertDoor(run, 5, 1);
        Assert.Equal(4, run.Engine.PeopleCount);
    }

    [Fact]
    public void A_warm_body_that_appears_suddenly_is_a_person()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 18));
        run.Calibrate();
        run.Steps(20);
        Assert.Equal(0, run.Engine.PeopleCount);
        Assert.False(run.Engine.ViewOccupied);

        run.View.Add(4.2f, 3.6f, amplitude: 3f);
        float onset = new EngineSettings().Get(EngineSettings.OnsetId);
        run.Steps((int)(onset * 10));
        Assert.Equal(1, run.Engine.Tracker.People);
        Assert.Equal(1, run.Engine.PeopleCount);
        Assert.True(run.Engine.ViewOccupied);

        // Sitting still for ten minutes, the person stays (still_limit is hours).
        run.Steps(6000);
        Assert.Equal(1, run.Engine.PeopleCount);
    }

    [Fact]
    public void A_heat_source_that_warms_slowly_over_minutes_without_moving_is_no_person()
    {
        // A monitor warming up: 0 to 5 °C over five minutes at one frame a second, then on for ten minutes more.
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 19), periodMilliseconds: 1000);
        run.Calibrate();
        run.Steps(10);
        var monitor = run.View.Add(2.3f, 5.4f, amplitude: 0f, radius: 1f);
        bool everTracked = false;
        for (int s = 1; s <= 900; s++)
        {
            monitor.Amplitude = Math.Min(5f, s / 60f);
            run.Step();
            Assert.Equal(0, run.Engine.Tracker.People);
            Assert.Equal(0, run.Engine.PeopleCount);
            Assert.False(run.Engine.ViewOccupied);
            everTracked |= Enumerable.Range(0, PeopleTracker.MaxTracks).Any(run.Engine.Tracker.IsLive);
        }

        // It was warm enough to be seen (so this is the person judgement at work, not a blind spot).
        Assert.True(everTracked, "the monitor should have been tracked as a blob at some point");
        Assert.Equal(0, run.Sink.CountOf(ReadingKind.PresenceChanged));
    }

    [Fact(Skip = "Engine finding, not fixed: two neighbouring heat sources warming up make a phantom person. " +
                 "Their regions merge and split from frame to frame (peaks about equal, the saddle near the split " +
                 "threshold), so a track's centroid jumps by more than person_move_px; noise alone makes a pixel of " +
                 "a 15-pixel blob 'jump' every few frames at 1 fps, so the jump check passes and the track becomes a " +
                 "person that stays for still_limit_s (8 h). Remove the Skip to reproduce.")]
    public void Two_neighbouring_heat_sources_warming_up_slowly_are_no_people()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 40), periodMilliseconds: 1000);
        run.Calibrate();
        run.Steps(10);
        var first = run.View.Add(2f, 3.2f, amplitude: 0f, radius: 0.9f);
        var second = run.View.Add(4.2f, 3.4f, amplitude: 0f, radius: 0.9f);
        for (int s = 1; s <= 900; s++)
        {
            // A monitor warms to 4 °C over four minutes, then the one beside it to 6 °C over ten.
            first.Amplitude = Math.Min(4f, s / 60f);
            second.Amplitude = s < 240 ? 0 : Math.Min(6f, (s - 240) / 100f);
            run.Step();
            Assert.True(run.Engine.Tracker.People == 0, $"a person after {s} s");
        }
    }

    [Fact]
    public void A_heat_source_that_starts_to_move_becomes_a_person()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 20), periodMilliseconds: 1000);
        run.Calibrate();
        run.Steps(10);
        var body = run.View.Add(2f, 2f, amplitude: 0f, radius: 1f);
        for (int s = 1; s <= 240; s++)
        {
            body.Amplitude = Math.Min(4f, s / 60f);
            run.Step();
        }

        Assert.Equal(0, run.Engine.PeopleCount);
        Assert.Contains(Enumerable.Range(0, PeopleTracker.MaxTracks), run.Engine.Tracker.IsLive);

        // It gets up and walks off across the view for a few seconds, at 10 frames a second, and stays there.
        run.Period = 100;
        float move = new EngineSettings().Get(EngineSettings.PersonMoveId);
        Assert.True(move < 3f);
        run.Walk(body, 5.5f, 5f, 40);
        run.Steps(20);
        Assert.Equal(1, run.Engine.Tracker.People);
    }

    [Fact]
    public void Tracks_follow_the_blob_and_never_exceed_the_track_limit()
    {
        // 20 separate warm spots on a 16x12 view: more than MaxTracks.
        var run = new EngineHarness(new ThermalScene(16, 12, seed: 21));
        run.Calibrate();
        for (int n = 0; n < 20; n++)
        {
            run.View.Add(1 + ((n % 5) * 3.4f), 1 + ((n / 5) * 3f), amplitude: 4f, radius: 0.6f);
        }

        run.Steps(30);
        int live = Enumerable.Range(0, PeopleTracker.MaxTracks).Count(run.Engine.Tracker.IsLive);
        Assert.Equal(PeopleTracker.MaxTracks, live);
        Assert.Equal(BlobFinder.MaxBlobs, run.Engine.Blobs.Count);
        Assert.InRange(run.Engine.PeopleCount, 1, PeopleTracker.MaxTracks);

        // Every live track sits on one of the spots.
        for (int t = 0; t < PeopleTracker.MaxTracks; t++)
        {
            float x = run.Engine.Tracker.ColumnOf(t);
            float y = run.Engine.Tracker.RowOf(t);
            Assert.Contains(run.View.Spots, s => MathF.Abs(s.X - x) < 0.5f && MathF.Abs(s.Y - y) < 0.5f);
        }
    }

    // Direct stage tests: the tracker given blobs and the steady filter's per-pixel "last quiet" and "last jumped"
    // times (long.MinValue: never).
    private static BlobFinder BlobAt(float x, float y)
    {
        var blobs = Spots((x, y, 4f));
        Assert.Equal(1, blobs.Count);
        return blobs;
    }

    internal static long[] Times(long value) => Enumerable.Repeat(value, 64).ToArray();

    [Fact]
    public void A_blob_whose_warmest_pixel_was_quiet_moments_ago_is_a_person_one_warm_for_minutes_is_not()
    {
        var settings = new EngineSettings();
        var blobs = BlobAt(3.2f, 4.1f);

        var arrived = new PeopleTracker(8, 8);
        arrived.Update(blobs, Times(900), Times(900), 1000, 0.1f, 6f, 2.5f, settings);
        arrived.Update(blobs, Times(900), Times(900), 1100, 0.1f, 6f, 2.5f, settings);
        Assert.Equal(1, arrived.People);

        // Warm for ten minutes before its blob was first seen: a heat source that grew, not a sudden arrival.
        long now = 600_000 + 1000;
        var grown = new PeopleTracker(8, 8);
        grown.Update(blobs, Times(1000), Times(1000), now, 0.1f, 6f, 2.5f, settings);
        grown.Update(blobs, Times(1000), Times(1000), now + 100, 0.1f, 6f, 2.5f, settings);
        Assert.True(grown.IsConfirmed(0));
        Assert.Equal(0, grown.People);
    }

    [Fact]
    public void A_track_settled_in_one_place_does_not_leap_onto_a_blob_three_pixels_away_at_one_frame_a_second()
    {
        // At 1 fps the gate is 4 pixels (half an 8x8 view): a walker crosses the view in a few frames. A warm object
        // that has sat in one place for a minute does not; when its blob fades for a frame and another blob shows
        // three pixels away (a monitor, a radiator's glow), its track must not jump there.
        var settings = new EngineSettings();
        var longAgo = Times(1000);
        var never = Times(long.MinValue);
        const float gate = 4f;
        var tracker = new PeopleTracker(8, 8);
        long now = 601_000;
        for (int k = 0; k < 60; k++)
        {
            tracker.Update(BlobAt(2f, 3f), longAgo, never, now += 1000, 1f, 6f, gate, settings);
        }

        Assert.True(tracker.IsConfirmed(0));
        tracker.Update(BlobAt(5f, 3f), longAgo, never, now += 1000, 1f, 6f, gate, settings);

        // The blob there is a newcomer's (not yet confirmed), not the settled track moved on.
        var onIt = Enumerable.Range(0, PeopleTracker.MaxTracks).Where(t => tracker.IsLive(t) && tracker.ColumnOf(t) > 4.5f).ToArray();
        Assert.Single(onIt);
        Assert.False(tracker.IsConfirmed(onIt[0]));

        // A track that has just been moving keeps the full gate: a walker three pixels on is still the walker.
        var walker = new PeopleTracker(8, 8);
        now = 601_000;
        walker.Update(BlobAt(1f, 3f), Times(now), Times(now), now, 1f, 6f, gate, settings);
        walker.Update(BlobAt(1f, 3f), Times(now), Times(now), now += 1000, 1f, 6f, gate, settings);
        Assert.True(walker.IsConfirmed(0));
        walker.Update(BlobAt(4f, 3f), Times(now), Times(now), now += 1000, 1f, 6f, gate, settings);
        Assert.InRange(walker.ColumnOf(0), 3.5f, 4.5f);
        Assert.DoesNotContain(Enumerable.Range(1, PeopleTracker.MaxTracks - 1), walker.IsLive);
    }

    internal static BlobFinder Spots(params (float X, float Y, float Amplitude)[] spots)
    {
        var excess = new float[64];
        for (int i = 0; i < 64; i++)
        {
            foreach (var spot in spots)
            {
                float dx = (i % 8) - spot.X;
                float dy = (i / 8) - spot.Y;
                excess[i] += spot.Amplitude * MathF.Exp(-((dx * dx) + (dy * dy)) / 1.28f);
            }
        }

        var blobs = new BlobFinder(8, 8);
        blobs.Find(excess, 0.3f, 1f, 0.7f, 0.2f, new bool[64]);
        return blobs;
    }

    // At 1 fps the gate is 4 pixels, half an 8x8 view.
    private const float OneFpsGate = 4f;

    /// <summary>
    /// <paramref name="seconds"/> frames at 1 fps of the spot at (3, 3) at <paramref name="amplitude"/> °C, whose pixels
    /// were last quiet at 600.5 s and last jumped at <paramref name="jumpedAt"/> (then too unless given); returns the
    /// time of the last frame.
    /// </summary>
    internal static long Hold(PeopleTracker tracker, float amplitude, int seconds, long now, long jumpedAt = 600_500)
    {
        var settings = new EngineSettings();
        for (int k = 0; k < seconds; k++)
        {
            tracker.Update(Spots((3f, 3f, amplitude)), Times(600_500), Times(jumpedAt), now += 1000, 1f, 6f, OneFpsGate, settings);
        }

        return now;
    }

    /// <summary>
    /// <paramref name="seconds"/> frames at 1 fps (ten minutes unless given) in which the spot at (3, 3) goes evenly
    /// from <paramref name="from"/> to <paramref name="to"/> °C, as a sun patch or a monitor changes; returns the time.
    /// </summary>
    internal static long Drift(PeopleTracker tracker, float from, float to, long now, int seconds = 600)
    {
        for (int k = 1; k <= seconds; k++)
        {
            now = Hold(tracker, from + ((to - from) * k / seconds), 1, now);
        }

        return now;
    }

    /// <summary>A person (+4 °C, arrived suddenly at 600.5 s) seated at (3, 3) for a minute; returns the time.</summary>
    internal static long SeatForAMinute(PeopleTracker tracker)
    {
        long now = Hold(tracker, 4f, 60, 601_000);
        Assert.Equal(1, tracker.People);
        return now;
    }

    [Fact]
    public void A_person_who_leaves_the_warm_patch_they_sat_on_leaves_a_heat_source_behind()
    {
        // After a minute the person gets up and goes; the sun patch or warm seat under them (+1.5 °C) stays. Their
        // spot lost most of its warmth at once: within seconds after the ten the judgement takes, it is no person.
        var tracker = new PeopleTracker(8, 8);
        long now = Hold(tracker, 1.5f, 9, SeatForAMinute(tracker));
        Assert.Equal(1, tracker.People);
        Hold(tracker, 1.5f, 5, now);
        Assert.Equal(0, tracker.People);
        Assert.True(tracker.IsConfirmed(0));

        // A person whose blob loses a quarter of its mass (a monitor beside them switched off) is still there.
        var stays = new PeopleTracker(8, 8);
        Hold(stays, 3f, 60, SeatForAMinute(stays));
        Assert.Equal(1, stays.People);
    }

    [Fact]
    public void A_person_who_fades_slowly_is_still_there_one_who_fades_at_once_has_gone()
    {
        // The same loss of warmth (+4 °C to +1.6 °C), once over 40 s (a person at the edge of the view leaning back,
        // half out of it) and once from one frame to the next (a person getting up and walking off). Only the
        // sudden one is a departure.
        var leaning = new PeopleTracker(8, 8);
        long now = SeatForAMinute(leaning);
        for (int k = 1; k <= 40; k++)
        {
            now = Hold(leaning, 4f - (2.4f * k / 40f), 1, now);
        }

        Hold(leaning, 1.6f, 60, now);
        Assert.Equal(1, leaning.People);

        var gone = new PeopleTracker(8, 8);
        Hold(gone, 1.6f, 60, SeatForAMinute(gone));
        Assert.Equal(0, gone.People);
    }

    [Fact]
    public void A_person_who_fidgets_for_a_few_seconds_is_not_taken_for_gone()
    {
        // The spot dips to a third of its warmth for five frames (an arm over the face, a turn away) and comes back.
        var tracker = new PeopleTracker(8, 8);
        long now = SeatForAMinute(tracker);
        for (int round = 0; round < 5; round++)
        {
            now = Hold(tracker, 4f, 30, Hold(tracker, 1.3f, 5, now));
        }

        Assert.Equal(1, tracker.People);
    }

    [Fact]
    public void Settled_tracks_sharing_a_blob_for_a_moment_get_their_own_blobs_back()
    {
        // A monitor (+4 °C, warm long before) at column 5.5 is tracked first; then a person (+6 °C, arrived
        // suddenly) sits at column 2. Both settle. For three frames a faint bridge joins them into one blob, then it
        // is gone: the person's track must be back on the person, not on the monitor.
        var settings = new EngineSettings();
        const float gate = 4f;
        long now = 601_000;
        var tracker = new PeopleTracker(8, 8);
        for (int k = 0; k < 30; k++)
        {
            tracker.Update(Spots((5.5f, 3f, 4f)), Times(1000), Times(1000), now += 1000, 1f, 6f, gate, settings);
        }

        var quiet = Times(1000);
        quiet[(3 * 8) + 2] = now + 500;
        var jumped = Times(now + 500);
        for (int k = 0; k < 30; k++)
        {
            tracker.Update(Spots((2f, 3f, 6f), (5.5f, 3f, 4f)), quiet, jumped, now += 1000, 1f, 6f, gate, settings);
        }

        string Dump() => string.Join(" ", Enumerable.Range(0, PeopleTracker.MaxTracks).Where(tracker.IsLive).Select(t => $"{t}:{tracker.ColumnOf(t):F1}{(tracker.IsPerson(t) ? "P" : "")}{(tracker.IsConfirmed(t) ? "C" : "")}"));
        var log = Dump();
        Assert.Equal(1, tracker.People);
        for (int k = 0; k < 3; k++)
        {
            var merged = Spots((2f, 3f, 6f), (3.75f, 3f, 4.5f), (5.5f, 3f, 4f));
            Assert.Equal(1, merged.Count);
            tracker.Update(merged, quiet, jumped, now += 1000, 1f, 6f, gate, settings);
            log += " | " + Dump();
        }

        tracker.Update(Spots((2f, 3f, 6f), (5.5f, 3f, 4f)), quiet, jumped, now += 1000, 1f, 6f, gate, settings);
        log += " | " + Dump();
        int person = Enumerable.Range(0, PeopleTracker.MaxTracks).Single(tracker.IsPerson);
        Assert.True(tracker.ColumnOf(person) > 1.5f && tracker.ColumnOf(person) < 2.5f, log);
    }

    [Fact]
    public void At_one_frame_a_second_someone_whose_edge_pixels_warmed_for_five_seconds_before_stepping_in_is_a_person()
    {
        // Walking in along the view's edge, the person half covers the edge pixels for a few seconds (their average
        // creeps above the quiet band), then steps in: the warmest pixel jumps. It was last quiet five frames before
        // the blob was born.
        var settings = new EngineSettings();
        long born = 601_000;
        var quiet = Times(born - 5000);
        var jumped = Times(born);
        var tracker = new PeopleTracker(8, 8);
        tracker.Update(Spots((0.5f, 5f, 4f)), quiet, jumped, born, 1f, 6f, 4f, settings);
        tracker.Update(Spots((1f, 5f, 4f)), quiet, jumped, born + 1000, 1f, 6f, 4f, settings);
        Assert.Equal(1, tracker.People);

        // A warm spot whose pixels were last quiet a minute before it jumped is no newcomer.
        var old = new PeopleTracker(8, 8);
        old.Update(Spots((0.5f, 5f, 4f)), Times(born - 60_000), jumped, born, 1f, 6f, 4f, settings);
        old.Update(Spots((1f, 5f, 4f)), Times(born - 60_000), jumped, born + 1000, 1f, 6f, 4f, settings);
        Assert.Equal(0, old.People);
    }

    [Fact]
    public void A_heat_source_whose_centroid_shifts_without_any_pixel_ever_jumping_stays_a_heat_source()
    {
        // Warm for ten minutes (last quiet long ago), so not a sudden arrival: a heat source once confirmed.
        var settings = new EngineSettings();
        var longAgo = Times(1000);
        var never = Times(long.MinValue);
        var tracker = new PeopleTracker(8, 8);
        long now = 601_000;
        tracker.Update(BlobAt(2f, 3f), longAgo, never, now, 0.1f, 6f, 2.5f, settings);
        tracker.Update(BlobAt(2f, 3f), longAgo, never, now += 100, 0.1f, 6f, 2.5f, settings);
        Assert.True(tracker.IsConfirmed(0));
        Assert.Equal(0, tracker.People);

        // Its centroid slides 2 pixels and stays there for 10 s, but no pixel ever jumped: outline churn.
        for (int k = 1; k <= 100; k++)
        {
            tracker.Update(BlobAt(2f + (Math.Min(k, 20) * 0.1f), 3f), longAgo, never, now += 100, 0.1f, 6f, 2.5f, settings);
        }

        Assert.Equal(0, tracker.People);

        // The same slide with pixels jumping all along is a person moving.
        var jumping = new PeopleTracker(8, 8);
        now = 601_000;
        jumping.Update(BlobAt(2f, 3f), longAgo, never, now, 0.1f, 6f, 2.5f, settings);
        jumping.Update(BlobAt(2f, 3f), longAgo, never, now += 100, 0.1f, 6f, 2.5f, settings);
        Assert.Equal(0, jumping.People);
        for (int k = 1; k <= 100; k++)
        {
            now += 100;
            jumping.Update(BlobAt(2f + (Math.Min(k, 20) * 0.1f), 3f), longAgo, Times(now), now, 0.1f, 6f, 2.5f, settings);
        }

        Assert.Equal(1, jumping.People);
    }
}
