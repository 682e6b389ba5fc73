using OccupancySensor.Configuration;
using OccupancySensor.Processing;
using OccupancySensor.Readings;

namespace OccupancySensor.Tests.Processing;

/// <summary>PIR and thermal fused per zone, through the engine.</summary>
public class ZonePresenceTests
{
    private const int HoldSeconds = 10;

    private static EngineSettings Hold()
    {
        var settings = new EngineSettings();
        Assert.Null(settings.TrySet(EngineSettings.VacantHoldId, HoldSeconds));
        return settings;
    }

    private static ZoneConfiguration[] Halves() => new[]
    {
        new ZoneConfiguration("left", 0, 0, 4, 8),
        new ZoneConfiguration("right", 4, 0, 4, 8),
    };

    private static void RunFramesUntil(EngineHarness run, long time)
    {
        while (run.Now + run.Period <= time)
        {
            run.Step();
        }
    }

    private static List<Reading> Presence(ReadingLog sink, int zone) =>
        sink.Readings.Where(r => r.Kind == ReadingKind.PresenceChanged && r.Zone == zone).ToList();

    [Fact]
    public void A_lone_pir_trigger_over_an_empty_thermal_view_waits_for_a_second_one()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 30), settings: Hold()).Calibrate();
        run.Steps(5);
        long first = run.Now + 7;
        run.Engine.AcceptMotion(first, run.Sink);
        Assert.False(run.Engine.Presence.IsOccupied(0), "one trigger with nobody in the thermal view booked the zone");
        Assert.Empty(Presence(run.Sink, 0));

        long second = first + ZonePresence.MotionConfirmMilliseconds;
        RunFramesUntil(run, second);
        Assert.False(run.Engine.Presence.IsOccupied(0));
        run.Engine.AcceptMotion(second, run.Sink);
        Assert.True(run.Engine.Presence.IsOccupied(0));
        Assert.True(run.Engine.ViewOccupied);
        var change = Assert.Single(Presence(run.Sink, 0));
        Assert.Equal(1, change.ValueA);
        Assert.Equal(second, change.TimestampMilliseconds);
    }

    [Fact]
    public void Triggers_further_apart_than_the_confirmation_window_stay_unconfirmed()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 37), settings: Hold()).Calibrate();
        run.Steps(5);
        long t = run.Now;
        for (int k = 0; k < 5; k++)
        {
            long trigger = t + (k * (ZonePresence.MotionConfirmMilliseconds + 1));
            RunFramesUntil(run, trigger);
            run.Engine.AcceptMotion(trigger, run.Sink);
        }

        Assert.False(run.Engine.Presence.IsOccupied(0));
        Assert.Empty(Presence(run.Sink, 0));
    }

    [Fact]
    public void While_the_thermal_view_sends_no_frames_a_lone_trigger_counts_at_once()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 40), settings: Hold()).Calibrate();
        run.Steps(5);
        long silentSince = run.Now;
        run.Engine.AcceptMotion(silentSince + ZonePresence.ThermalSilentMilliseconds, run.Sink);
        Assert.False(run.Engine.Presence.IsOccupied(0));
        long later = silentSince + ZonePresence.ThermalSilentMilliseconds + ZonePresence.MotionConfirmMilliseconds + 1;
        run.Engine.AcceptMotion(later, run.Sink);
        Assert.True(run.Engine.Presence.IsOccupied(0), "a silent thermal view cannot confirm, so the PIR decides alone");
        Assert.Equal(later, Assert.Single(Presence(run.Sink, 0)).TimestampMilliseconds);
    }

    [Fact]
    public void A_person_the_thermal_view_shows_confirms_the_zone_without_a_second_trigger()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 38), settings: Hold()).Calibrate();
        run.Steps(10);
        run.Engine.AcceptMotion(run.Now + 1, run.Sink);
        Assert.False(run.Engine.Presence.IsOccupied(0));
        run.View.Add(3.5f, 3.5f, amplitude: 3f);
        run.Steps(10);
        Assert.True(run.Engine.Presence.IsOccupied(0));
        Assert.Single(Presence(run.Sink, 0));
    }

    [Fact]
    public void Each_pir_trigger_restarts_the_hold()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 32), settings: Hold()).Calibrate();
        long t = run.Now;
        for (int k = 0; k < 6; k++)
        {
            run.Engine.AcceptMotion(t + (k * 8000), run.Sink);
            run.Engine.Evaluate(t + (k * 8000) + 7999, run.Sink);
        }

        Assert.True(run.Engine.Presence.IsOccupied(0));
        Assert.Single(Presence(run.Sink, 0));
    }

    [Fact]
    public void A_still_person_in_the_thermal_view_holds_the_zone_without_pir_and_leaving_starts_the_hold()
    {
        var settings = Hold();
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 33), settings: settings).Calibrate();
        run.Steps(10);
        var person = run.View.Add(3.5f, 3.5f, amplitude: 3f);
        run.Steps(5);
        Assert.True(run.Engine.Presence.IsOccupied(0));

        // A minute without PIR: held by the thermal view alone, far beyond the hold time.
        run.Steps(600);
        Assert.True(run.Engine.Presence.IsOccupied(0));
        Assert.Equal(1, run.Engine.Presence.PeopleIn(0));
        Assert.Single(Presence(run.Sink, 0));

        // The person leaves the view: vacant no sooner than the hold, and no later than the hold after the
        // track has been given up.
        long left = run.Now;
        run.View.Spots.Remove(person);
        while (run.Engine.Presence.IsOccupied(0) && run.Now < left + 60_000)
        {
            run.Step();
        }

        long vacantAfter = run.Now - left;
        float keep = settings.Get(EngineSettings.StillKeepId);
        Assert.InRange(vacantAfter, HoldSeconds * 1000, (long)((HoldSeconds + keep + 1) * 1000));
        Assert.Equal(0, Presence(run.Sink, 0).Last().ValueA);
    }

    [Fact]
    public void A_person_counts_in_the_zone_that_holds_their_centroid()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 34), settings: Hold(), zones: Halves()).Calibrate();
        run.Steps(10);
        run.View.Add(1.5f, 4f, amplitude: 3f);
        run.Steps(10);
        Assert.True(run.Engine.Presence.IsOccupied(0));
        Assert.False(run.Engine.Presence.IsOccupied(1));
        Assert.Equal(1, run.Engine.Presence.PeopleIn(0));
        Assert.Equal(0, run.Engine.Presence.PeopleIn(1));

        // With several zones the PIR cannot say where: it keeps the occupied zone, it does not fill the other.
        run.Engine.AcceptMotion(run.Now + 1, run.Sink);
        Assert.False(run.Engine.Presence.IsOccupied(1));
        Assert.Empty(Presence(run.Sink, 1));
    }

    [Fact]
    public void Pir_triggers_while_the_thermal_view_shows_a_person_elsewhere_do_not_hold_the_zone_of_someone_who_left()
    {
        // Two desks (the halves). Both workers sit; the right one leaves. The left one keeps fidgeting (the PIR
        // fires every 5 s): the right desk goes vacant after the hold all the same, because the triggers are the
        // left worker's, whom the thermal view shows.
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 36), settings: Hold(), zones: Halves()).Calibrate();
        run.Steps(10);
        run.View.Add(1.5f, 4f, amplitude: 3f);
        var right = run.View.Add(5.5f, 4f, amplitude: 3f);
        run.Steps(20);
        Assert.True(run.Engine.Presence.IsOccupied(0));
        Assert.True(run.Engine.Presence.IsOccupied(1));

        run.View.Spots.Remove(right);
        long left = run.Now;
        while (run.Now < left + (3 * HoldSeconds * 1000))
        {
            run.Step();
            if ((run.Now - left) % 5000 == 0)
            {
                run.Engine.AcceptMotion(run.Now, run.Sink);
            }
        }

        Assert.True(run.Engine.Presence.IsOccupied(0));
        Assert.False(run.Engine.Presence.IsOccupied(1));
    }

    [Fact]
    public void Reports_count_at_least_one_in_a_zone_occupied_on_motion_the_thermal_view_does_not_show()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 35), settings: Hold()).Calibrate();
        run.Steps(5);
        run.Engine.Report(run.Now, run.Sink);
        Assert.Equal(0, run.Sink.Readings.Last(r => r.Kind == ReadingKind.PeriodicCount).ValueA);
        run.Engine.AcceptMotion(run.Now - 3000, run.Sink);
        run.Engine.AcceptMotion(run.Now, run.Sink);
        run.Engine.Report(run.Now, run.Sink);
        var count = run.Sink.Readings.Last(r => r.Kind == ReadingKind.PeriodicCount);
        Assert.Equal(1, count.ValueA);
        Assert.Equal(0, count.Zone);
    }

    [Fact]
    public void Within_the_hold_after_the_thermal_view_saw_someone_leave_the_count_is_nobody()
    {
        var run = new EngineHarness(new ThermalScene(8, 8, seed: 39), settings: Hold()).Calibrate();
        run.Steps(10);
        var person = run.View.Add(3.5f, 3.5f, amplitude: 3f);
        run.Steps(10);
        run.Engine.AcceptMotion(run.Now, run.Sink);
        run.Engine.Report(run.Now, run.Sink);
        Assert.Equal(1, run.Sink.Readings.Last(r => r.Kind == ReadingKind.PeriodicCount).ValueA);

        // They walk out; the PIR, which sees a little wider, fires once more as they go.
        run.View.Spots.Remove(person);
        run.Steps(3);
        run.Engine.AcceptMotion(run.Now, run.Sink);
        long gone = run.Now;
        while (run.Engine.Presence.PeopleIn(0) > 0 && run.Now < gone + 30_000)
        {
            run.Step();
        }

        Assert.True(run.Engine.Presence.IsOccupied(0), "the hold was not kept");
        run.Engine.Report(run.Now, run.Sink);
        Assert.Equal(0, run.Sink.Readings.Last(r => r.Kind == ReadingKind.PeriodicCount).ValueA);

        // A trigger well after the thermal view lost everyone is somebody it does not show.
        run.Engine.AcceptMotion(run.Now + ZonePresence.UnseenMotionMarginMilliseconds + 1, run.Sink);
        run.Engine.Report(run.Now + ZonePresence.UnseenMotionMarginMilliseconds + 1, run.Sink);
        Assert.Equal(1, run.Sink.Readings.Last(r => r.Kind == ReadingKind.PeriodicCount).ValueA);
    }

    [Fact]
    public void A_unit_with_a_pir_only_is_occupied_on_motion_and_vacant_after_the_hold()
    {
        var zones = new[] { new ZoneConfiguration("desk", 0, 0, 0, 0) };
        var engine = new DetectionEngine(0, 0, zones, DoorLine.None, Hold());
        var sink = new ReadingLog();
        Assert.False(engine.HasThermal);
        engine.AcceptMotion(5000, sink);
        Assert.True(engine.Presence.IsOccupied(0));
        engine.Evaluate(5000 + (HoldSeconds * 1000) - 1, sink);
        Assert.True(engine.Presence.IsOccupied(0));
        engine.Evaluate(5000 + (HoldSeconds * 1000), sink);
        Assert.False(engine.Presence.IsOccupied(0));
        Assert.Equal(new[] { 1, 0 }, sink.Readings.Where(r => r.Kind == ReadingKind.PresenceChanged).Select(r => r.ValueA));
    }

    [Fact]
    public void The_vacant_hold_of_someone_who_got_up_and_went_runs_from_when_their_spot_went_cold()
    {
        // A seated person's spot goes cold at once (they got up and went, leaving a warm seat); the tracker takes
        // ten seconds to judge them gone. The zone's 60 s hold runs from when the spot went cold, not from the
        // judgement: the desk is reported vacant a minute after the person left, as for anyone else.
        const long hold = 60_000;
        var presence = new ZonePresence(new[] { new ZoneConfiguration("desk", 0, 0, 8, 8) }, true);
        var sink = new ReadingLog();
        var tracker = new PeopleTracker(8, 8);
        long now = 601_000;
        for (int k = 0; k < 60; k++)
        {
            now = PeopleTrackerTests.Hold(tracker, 4f, 1, now);
            presence.AcceptTracks(tracker, now, sink);
            presence.Evaluate(now, hold, sink);
        }

        Assert.True(presence.IsOccupied(0));
        long lastSeatedFrame = now;
        for (int k = 0; k < 120; k++)
        {
            now = PeopleTrackerTests.Hold(tracker, 1.5f, 1, now);
            presence.AcceptTracks(tracker, now, sink);
            presence.Evaluate(now, hold, sink);
        }

        Assert.Equal(0, tracker.People);
        var vacant = Presence(sink, 0).Last();
        Assert.Equal(0, vacant.ValueA);
        Assert.InRange(vacant.TimestampMilliseconds - lastSeatedFrame, hold, hold + 2000);
    }
}
