using OccupancySensor.Configuration;
using OccupancySensor.HostSim.Bench;
using OccupancySensor.Processing;
using OccupancySensor.Readings;
using Xunit.Abstractions;

namespace OccupancySensor.Tests.Processing;

/// <summary>
/// The engine allocates nothing per frame: after a warm-up, 12,000 frames of a busy doorway (people walking in
/// and out across the door line, up to three at once, one person sitting still, a warm monitor, PIR edges, the
/// loop's hold-time passes, periodic reports and ambient readings) move
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> by exactly 0 bytes. The frames are rendered before the
/// measurement (<see cref="BenchScene"/>, the scene of <c>hostsim bench</c>) and the sink only counts, so every
/// byte would be the engine's. The test also proves the scene drove every stage while it was measured, so it
/// cannot pass because nothing happened. Run with <c>DOTNET_JITMinOpts=1</c> to check it without the JIT's box
/// elimination and stack allocation, closer to how nanoFramework's interpreter runs the same code.
/// </summary>
public class EngineAllocationTests
{
    private const int MeasuredFrames = 12_000;

    private readonly ITestOutputHelper _output;
    private float[]? _probe;

    public EngineAllocationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Counts readings by kind; taking one allocates nothing.</summary>
    private sealed class TallySink : IReadingSink
    {
        public int Occupied;
        public int Vacant;
        public int InOutTotals;
        public int PeriodicCounts;
        public int AlertsRaised;
        public int AlertsCleared;
        public int Other;

        public void Accept(Reading reading)
        {
            switch (reading.Kind)
            {
                case ReadingKind.PresenceChanged when reading.ValueA == 1:
                    Occupied++;
                    break;
                case ReadingKind.PresenceChanged:
                    Vacant++;
                    break;
                case ReadingKind.InOutTotals:
                    InOutTotals++;
                    break;
                case ReadingKind.PeriodicCount:
                    PeriodicCounts++;
                    break;
                case ReadingKind.Alert when reading.ValueA == 1:
                    AlertsRaised++;
                    break;
                case ReadingKind.Alert:
                    AlertsCleared++;
                    break;
                default:
                    Other++;
                    break;
            }
        }

        public void Clear()
        {
            Occupied = Vacant = InOutTotals = PeriodicCounts = AlertsRaised = AlertsCleared = Other = 0;
        }
    }

    /// <summary>What the engine showed while frames ran; plain fields, filled without allocating.</summary>
    private sealed class Observed
    {
        public int MotionEdges;
        public int Reports;
        public int MostPeopleInView;
        public int SeatedFrames;
        public int SeatedFramesHeld;
    }

    [Theory]
    [InlineData(8, 8, 10)]
    [InlineData(16, 12, 8)]
    [InlineData(32, 24, 8)]
    public void A_frame_allocates_nothing_after_warm_up(int width, int height, int framesPerSecond)
    {
        var scene = BenchScene.Render(width, height, framesPerSecond, stillPerson: true);

        // Two zones: the whole view, and the desk half beyond the door line where the person sits (so presence
        // turns occupied and vacant in a zone of its own); an alert when one person is in the area behind the door.
        var desk = new ZoneConfiguration("desk", scene.DoorIndex, 0, width - scene.DoorIndex, height);
        var zones = new[] { new ZoneConfiguration("view", 0, 0, width, height), desk };
        var settings = new EngineSettings();
        Assert.Null(settings.TrySet(EngineSettings.AreaCapacityId, 1f));
        Assert.Null(settings.TrySet(EngineSettings.AlertDwellId, 1f));
        var engine = EngineBenchmark.CreateEngine(scene, settings, zones);
        var sink = new TallySink();
        var observed = new Observed();

        // Warm-up: the intro (the monitor warming up) and two loops, so every path has run and been compiled.
        var first = scene.LoopStart(2);
        RunFrames(engine, scene, sink, observed, 0, first);
        sink.Clear();
        var inBefore = engine.Door.In;
        var outBefore = engine.Door.Out;
        observed = new Observed();

        var before = GC.GetAllocatedBytesForCurrentThread();
        RunFrames(engine, scene, sink, observed, first, first + MeasuredFrames);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var counted = engine.Door.In - inBefore;
        var countedOut = engine.Door.Out - outBefore;
        var loops = MeasuredFrames / scene.Loop.Length;
        _output.WriteLine(
            $"{width}x{height}: {allocated} bytes over {MeasuredFrames} frames ({loops} loops); in {counted}, out {countedOut} " +
            $"(true: {loops * BenchScene.LoopIn} each); most people in view {observed.MostPeopleInView}; seated person held in " +
            $"{observed.SeatedFramesHeld}/{observed.SeatedFrames} frames; PIR edges {observed.MotionEdges}; readings: " +
            $"occupied {sink.Occupied}, vacant {sink.Vacant}, in/out {sink.InOutTotals}, periodic {sink.PeriodicCounts}, " +
            $"alerts {sink.AlertsRaised} raised / {sink.AlertsCleared} cleared; engine holds {engine.AllocatedBytes} bytes");

        if (allocated != 0)
        {
            Assert.Fail($"{width}x{height}: the engine allocated {allocated} bytes over {MeasuredFrames} frames; " +
                        Locate(engine, scene, sink, first + MeasuredFrames));
        }

        // The counter does see this thread's allocations (a guard against measuring nothing).
        var probe = GC.GetAllocatedBytesForCurrentThread();
        _probe = new float[64];
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - probe >= 64 * sizeof(float));

        // The measured frames really exercised the chain: door crossings both ways, several people at once, the still
        // person held in the desk zone, presence turning both ways, totals, periodic counts, alerts and PIR edges.
        Assert.True(counted >= loops * BenchScene.LoopIn / 2, $"in crossings counted: {counted}");
        Assert.True(countedOut >= loops * BenchScene.LoopOut / 2, $"out crossings counted: {countedOut}");
        Assert.True(observed.MostPeopleInView >= 2, $"most people in view: {observed.MostPeopleInView}");
        Assert.True(observed.SeatedFrames > 0);
        Assert.True(observed.SeatedFramesHeld >= observed.SeatedFrames / 2,
            $"seated person held in {observed.SeatedFramesHeld} of {observed.SeatedFrames} frames");
        Assert.True(sink.Occupied >= loops, $"occupied readings: {sink.Occupied}");
        Assert.True(sink.Vacant >= loops, $"vacant readings: {sink.Vacant}");
        Assert.True(sink.InOutTotals >= counted, $"in/out readings: {sink.InOutTotals}");
        Assert.True(sink.PeriodicCounts > 0);
        Assert.True(sink.AlertsRaised > 0 && sink.AlertsCleared > 0, $"alerts: {sink.AlertsRaised} / {sink.AlertsCleared}");
        Assert.True(observed.MotionEdges >= loops);
        Assert.True(observed.Reports > 0);
    }

    /// <summary>
    /// After a failure: runs more loops with each engine call measured on its own, and names the calls that
    /// allocated, when in the scene, and how much (a starting point for finding the boxing, string or closure).
    /// </summary>
    private static string Locate(DetectionEngine engine, BenchScene scene, TallySink sink, long from)
    {
        var found = new List<string>();
        long minute = 60L * scene.FramesPerSecond;
        long half = scene.FrameMilliseconds / 2;
        var to = from + (5L * scene.Loop.Length);
        for (var k = from; k < to && found.Count < 8; k++)
        {
            var frame = scene.FrameAt(k);
            var now = frame.TimestampMilliseconds;
            var at = $"frame {k} (second {(k - scene.Intro.Length) % scene.Loop.Length / (double)scene.FramesPerSecond:0.0} of the loop, " +
                     $"{scene.PeopleAt(k)} in view)";
            var before = GC.GetAllocatedBytesForCurrentThread();
            if (scene.MotionAt(k))
            {
                engine.AcceptMotion(now - half, sink);
                Note(found, "AcceptMotion", at, ref before);
            }

            if (k % minute == 0)
            {
                engine.AcceptAmbient(scene.RoomCelsiusAt(k));
                Note(found, "AcceptAmbient", at, ref before);
                engine.Report(now, sink);
                Note(found, "Report", at, ref before);
            }

            engine.AcceptFrame(frame, sink);
            Note(found, "AcceptFrame", at, ref before);
            engine.Evaluate(now + half, sink);
            Note(found, "Evaluate", at, ref before);
        }

        return found.Count == 0
            ? "no single call allocated in 5 more loops (look for allocation that depends on state or timing)"
            : "allocating calls: " + string.Join("; ", found);
    }

    private static void Note(List<string> found, string call, string at, ref long before)
    {
        var after = GC.GetAllocatedBytesForCurrentThread();
        if (after != before)
        {
            found.Add($"{call} allocated {after - before} bytes at {at}");
        }

        // Restart after the note itself, whose strings are the test's own.
        before = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>
    /// Frames <paramref name="from"/> to <paramref name="to"/> as the unit's loop feeds them: a PIR edge between
    /// frames when there is one, the ambient temperature and the periodic report once a minute, the frame, and a
    /// loop pass (hold times, alerts) half a frame later.
    /// </summary>
    private static void RunFrames(DetectionEngine engine, BenchScene scene, TallySink sink, Observed observed, long from, long to)
    {
        long minute = 60L * scene.FramesPerSecond;
        long half = scene.FrameMilliseconds / 2;
        for (var k = from; k < to; k++)
        {
            var frame = scene.FrameAt(k);
            var now = frame.TimestampMilliseconds;
            if (scene.MotionAt(k))
            {
                engine.AcceptMotion(now - half, sink);
                observed.MotionEdges++;
            }

            if (k % minute == 0)
            {
                engine.AcceptAmbient(scene.RoomCelsiusAt(k));
                engine.Report(now, sink);
                observed.Reports++;
            }

            engine.AcceptFrame(frame, sink);
            engine.Evaluate(now + half, sink);
            if (engine.Presence.ViewPeople > observed.MostPeopleInView)
            {
                observed.MostPeopleInView = engine.Presence.ViewPeople;
            }

            if (scene.SeatedOnlyAt(k))
            {
                observed.SeatedFrames++;
                if (engine.Presence.PeopleIn(1) >= 1)
                {
                    observed.SeatedFramesHeld++;
                }
            }
        }
    }
}
