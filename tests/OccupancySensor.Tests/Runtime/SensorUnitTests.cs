using OccupancySensor.Processing;
using OccupancySensor.Configuration;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Tests.Configuration;

namespace OccupancySensor.Tests.Runtime;

public class SensorUnitTests
{
    private readonly SimulatedClock _clock = new(1_000_000);
    private readonly SimulatedAmg8833 _thermal = new();
    private readonly SimulatedPir _pir = new();
    private readonly SimulatedBme280 _ambient = new(1);
    private readonly FaultLog _faults = new();
    private readonly List<Reading> _readings = new();

    private sealed class ListSink(List<Reading> readings) : IReadingSink
    {
        public void Accept(Reading reading) => readings.Add(reading);
    }

    private sealed class CountingSink : IReadingSink
    {
        public int Count { get; private set; }

        public void Accept(Reading reading) => Count++;
    }

    private SensorUnit NewUnit(string configuration, IReadingSink? sink = null)
    {
        var result = ConfigurationParser.Parse(configuration);
        Assert.True(result.IsValid, result.Describe());
        var hardware = new SensorHardware { Clock = _clock, ThermalBus = _thermal, Pir = _pir, Ambient = _ambient };
        FillScene(21f);
        return new SensorUnit(result.Configuration, hardware, sink ?? new ListSink(_readings), _faults);
    }

    private void FillScene(float celsius) => Array.Fill(_thermal.Scene, celsius);

    /// <summary>Runs the loop as the device does: step, sleep as long as it asks, repeat.</summary>
    private void RunFor(SensorUnit unit, long milliseconds, Action? eachStep = null)
    {
        var end = _clock.NowMilliseconds + milliseconds;
        while (_clock.NowMilliseconds < end)
        {
            eachStep?.Invoke();
            var sleep = unit.Step();
            _clock.Advance(Math.Max(1, Math.Min(sleep, end - _clock.NowMilliseconds)));
        }
    }

    private static string TenFps => SampleConfigurations.DeskWith("sensors.thermal.fps", "sensors.thermal.fps = 10");

    [Fact]
    public void Reads_frames_at_the_sensor_rate_and_ambient_at_its_period()
    {
        var unit = NewUnit(TenFps);
        RunFor(unit, 60_000);
        Assert.Equal(600, unit.Counters.FramesProcessed);
        Assert.Equal(1, unit.Counters.AmbientReadings); // ambient every 120 s in this configuration
        RunFor(unit, 60_001);
        Assert.Equal(2, unit.Counters.AmbientReadings);
        Assert.Contains(_readings, r => r.Kind == ReadingKind.Ambient && Math.Abs(r.MeasureA - 21f) < 0.5f);
        Assert.Equal(0, _faults.Total);
    }

    [Fact]
    public void A_chip_that_vanishes_is_a_fault_retried_with_backoff_and_the_loop_keeps_running()
    {
        // One zone, so the PIR alone can say where motion is.
        var unit = NewUnit(string.Join('\n', TenFps.Split('\n').Where(l => !l.StartsWith("zone."))));
        RunFor(unit, 1_000);
        var framesBefore = unit.Counters.FramesProcessed;
        _thermal.Vanished = true;
        RunFor(unit, 60_000, () => _pir.Update(_clock.NowMilliseconds));

        // Waits of 0.25, 0.5, 1, 2, 4, 8, 16 and 32 s between attempts: 7 tries in a minute, not 600.
        Assert.InRange(unit.Counters.FrameFaults, 6, 8);
        Assert.Equal(framesBefore, unit.Counters.FramesProcessed);
        Assert.Equal(FaultSource.Thermal, _faults.GetRecent(0).Source);
        Assert.Equal(FaultCode.NotAcknowledged, _faults.GetRecent(0).Code);

        // Other work goes on meanwhile: a PIR trigger still makes the zone occupied.
        _pir.Trigger(_clock.NowMilliseconds);
        RunFor(unit, 100);
        Assert.Contains(_readings, r => r.Kind == ReadingKind.PresenceChanged && r.ValueA == 1);

        // The chip comes back in its power-on state; the loop re-initialises it and frames resume.
        _thermal.Vanished = false;
        RunFor(unit, 70_000);
        Assert.True(_thermal.Initialised);
        Assert.Equal(1, unit.Counters.Recoveries);
        Assert.True(unit.Counters.FramesProcessed > framesBefore + 100);
        Assert.Equal(FaultCode.Recovered, _faults.GetRecent(0).Code);
    }

    [Fact]
    public void The_pir_is_ignored_while_it_settles_after_power_up()
    {
        var unit = NewUnit(string.Join('\n', TenFps.Split('\n').Where(l => !l.StartsWith("zone."))));
        _pir.Trigger(_clock.NowMilliseconds + 1000);
        RunFor(unit, 59_000, () => _pir.Update(_clock.NowMilliseconds));
        Assert.Equal(0, unit.Counters.MotionEvents);
        Assert.DoesNotContain(_readings, r => r.Kind == ReadingKind.PresenceChanged);

        // Settled: someone walking in fires the PIR twice within the confirmation window.
        RunFor(unit, 10_000, () => _pir.Update(_clock.NowMilliseconds));
        _pir.Trigger(_clock.NowMilliseconds);
        RunFor(unit, 5_000, () => _pir.Update(_clock.NowMilliseconds));
        _pir.Trigger(_clock.NowMilliseconds);
        RunFor(unit, 100);
        Assert.Equal(2, unit.Counters.MotionEvents);
        Assert.Contains(_readings, r => r.Kind == ReadingKind.PresenceChanged && r.ValueA == 1);
    }

    [Fact]
    public void Corrupt_transfers_are_faults_not_frames()
    {
        var unit = NewUnit(TenFps);
        RunFor(unit, 1_000);
        _thermal.CorruptTransfersPending = 3;
        RunFor(unit, 5_000);
        Assert.Equal(3, unit.Counters.FrameFaults);
        Assert.Equal(3, _faults.CountRecent(FaultSource.Thermal) - 1); // three faults and one recovery
    }

    [Fact]
    public void A_missing_ambient_sensor_is_recorded_and_retried()
    {
        _ambient.Vanished = true;
        var unit = NewUnit(TenFps);
        RunFor(unit, 10_000);
        Assert.True(unit.Counters.AmbientFaults >= 3);
        Assert.Equal(FaultSource.Ambient, _faults.GetRecent(0).Source);
        Assert.True(unit.Counters.FramesProcessed >= 99);
    }

    [Fact]
    public void Presence_follows_a_still_person_and_vacates_after_the_hold_time()
    {
        var unit = NewUnit(TenFps);
        RunFor(unit, 10_000); // learn the empty scene

        // A person sits at the left desk: +4 °C on two pixels, never moving enough for the PIR.
        _thermal.Scene[(4 * 8) + 1] = 25f;
        _thermal.Scene[(4 * 8) + 2] = 25f;
        RunFor(unit, 2 * 3600_000);
        var left = _readings.Where(r => r.Kind == ReadingKind.PresenceChanged && r.Zone == 0).ToList();
        Assert.Single(left);
        Assert.Equal(1, left[0].ValueA);
        Assert.DoesNotContain(_readings, r => r.Kind == ReadingKind.PresenceChanged && r.Zone == 1);

        // They leave: vacant only after the 300 s hold.
        FillScene(21f);
        var leftAt = _clock.NowMilliseconds;
        RunFor(unit, 600_000);
        var vacated = _readings.Single(r => r.Kind == ReadingKind.PresenceChanged && r.Zone == 0 && r.ValueA == 0);
        // The hold counts from the last frame that still showed them. Their track is kept through a fade of up to
        // still_keep_s (a turned head, noise), but a spot that vanished at once is judged as one gone cold: while the
        // track waits, it no longer stands for someone there.
        Assert.InRange(vacated.TimestampMilliseconds - leftAt, 299_900, 301_000);
    }

    [Fact]
    public void Periodic_counts_and_health_reports_are_emitted()
    {
        var unit = NewUnit(TenFps);
        RunFor(unit, 3600_000 + 1);
        Assert.Equal(6 * 2, _readings.Count(r => r.Kind == ReadingKind.PeriodicCount)); // every 600 s, two zones
        Assert.Single(_readings, r => r.Kind == ReadingKind.DeviceHealth);
    }

    [Fact]
    public void A_step_allocates_nothing_after_start()
    {
        var sink = new CountingSink();
        var unit = NewUnit(TenFps, sink);
        RunFor(unit, 5_000);
        _thermal.Scene[20] = 26f; // a person, so the blob and presence stages do real work
        RunFor(unit, 5_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            unit.Step();
            _clock.Advance(100);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(unit.Counters.FramesProcessed > 10_000);
        Assert.True(sink.Count > 0);
    }
}
