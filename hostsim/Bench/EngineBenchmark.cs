using System.Diagnostics;
using System.Runtime.CompilerServices;
using OccupancySensor.Configuration;
using OccupancySensor.Processing;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;

namespace OccupancySensor.HostSim.Bench;

/// <summary>One frame size and rate to measure.</summary>
public sealed record BenchCase(int Width, int Height, int FramesPerSecond)
{
    /// <summary>The sizes the firmware supports: AMG8833 (8x8), MLX90641 (16x12), MLX90640 (32x24).</summary>
    public static readonly BenchCase[] Standard =
    {
        new(8, 8, 10),
        new(16, 12, 8),
        new(32, 24, 8),
    };

    public string Size => $"{Width}x{Height}";
}

/// <summary>What one case measured. Times are whole-engine nanoseconds per frame.</summary>
public sealed record BenchResult(
    string Size,
    int Width,
    int Height,
    int FramesPerSecond,
    int Rounds,
    int FramesPerRound,
    long WarmUpFrames,
    double WarmUpSeconds,
    double NsPerFrameMedian,
    double NsPerFrameMin,
    double NsPerFrameMax,
    double[] RoundNsPerFrame,
    double HarnessNsPerFrame,
    double BytesAllocatedPerFrame,
    long BytesAllocated,
    int Gen0Collections,
    int PreallocatedBytes,
    int DoorIn,
    int DoorOut,
    long Readings);

/// <summary>
/// The in-process harness behind <c>hostsim bench</c>, built with the care BenchmarkDotNet takes, in seconds
/// rather than minutes: the scene is rendered before anything is timed; the engine is warmed up until the JIT has
/// tiered up (at least <see cref="MinWarmUpFrames"/> frames and <see cref="MinWarmUp"/> of running, then until one
/// chunk of frames is no longer faster than the one before, at most <see cref="MaxWarmUp"/>); a full collection
/// runs before each round (outside the timing); each round times N consecutive frames with
/// <see cref="Stopwatch.GetTimestamp"/>; the median and minimum of the rounds are reported. Allocation is
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> over every measured frame, divided by the frames.
/// What one frame costs is what the device loop does per frame: a PIR edge when there is one
/// (<see cref="DetectionEngine.AcceptMotion"/>) and <see cref="DetectionEngine.AcceptFrame"/>, which runs every
/// stage and the hold-time evaluation. The harness's own share (picking and stamping a pre-rendered frame) is
/// measured separately and reported, not subtracted.
/// </summary>
public static class EngineBenchmark
{
    public const int DefaultRounds = 7;
    public const int MinWarmUpFrames = 3000;
    public static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(4);

    // Without --frames, a round lasts at least this long, in whole loops of the scene (so rounds see the same mix).
    private static readonly TimeSpan TargetRound = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan WarmUpChunk = TimeSpan.FromMilliseconds(40);

    /// <summary>A sink that only counts: what the engine emits is taken without allocating.</summary>
    public sealed class CountingSink : IReadingSink
    {
        public long Readings;

        public void Accept(Reading reading) => Readings++;
    }

    /// <summary>Whether this code and the engine's were compiled with optimisation (a Release build).</summary>
    public static bool IsOptimized(out string why)
    {
#if DEBUG
        why = "hostsim was built in Debug";
        return false;
#else
        foreach (var assembly in new[] { typeof(EngineBenchmark).Assembly, typeof(DetectionEngine).Assembly })
        {
            var debuggable = (DebuggableAttribute?)Attribute.GetCustomAttribute(assembly, typeof(DebuggableAttribute));
            if (debuggable != null && debuggable.IsJITOptimizerDisabled)
            {
                why = $"{assembly.GetName().Name} was built without optimisation (Debug)";
                return false;
            }
        }

        if (Debugger.IsAttached)
        {
            why = "a debugger is attached";
            return false;
        }

        why = string.Empty;
        return true;
#endif
    }

    /// <summary>
    /// Builds the engine as a unit with the scene's door line and <paramref name="zones"/> (by default one zone over
    /// the whole view), and calibrates it on the scene's empty room.
    /// </summary>
    public static DetectionEngine CreateEngine(BenchScene scene, EngineSettings settings, ZoneConfiguration[]? zones = null)
    {
        var door = DoorLine.Parse(scene.DoorText, scene.Width, scene.Height, out var error)
            ?? throw new InvalidOperationException("bench door line: " + error);
        zones ??= new[] { new ZoneConfiguration("view", 0, 0, scene.Width, scene.Height) };
        var engine = new DetectionEngine(scene.Width, scene.Height, zones, door, settings);
        foreach (var frame in scene.Calibration)
        {
            engine.Calibrate(frame);
        }

        return engine;
    }

    /// <summary>
    /// Measures one case: <paramref name="rounds"/> rounds of <paramref name="framesPerRound"/> frames (0: as many
    /// whole loops of the scene as fill a round of about 150 ms).
    /// </summary>
    public static BenchResult Run(BenchCase benchCase, int framesPerRound, int rounds)
    {
        var scene = BenchScene.Render(benchCase.Width, benchCase.Height, benchCase.FramesPerSecond, stillPerson: false);
        var engine = CreateEngine(scene, new EngineSettings());
        var sink = new CountingSink();
        long next = 0;

        // Warm-up: until the JIT has tiered the hot methods up and a chunk of frames no longer gets faster.
        var warmUp = Stopwatch.StartNew();
        var previous = double.MaxValue;
        while (true)
        {
            var chunk = TimeChunk(engine, scene, sink, ref next, WarmUpChunk);
            var done = next >= MinWarmUpFrames && warmUp.Elapsed >= MinWarmUp && chunk >= previous * 0.98;
            if (done || warmUp.Elapsed >= MaxWarmUp)
            {
                break;
            }

            previous = Math.Min(previous, chunk);
        }

        warmUp.Stop();
        var warmUpFrames = next;
        if (framesPerRound <= 0)
        {
            framesPerRound = AutoFramesPerRound(engine, scene, sink, ref next);
        }

        var harness = HarnessNsPerFrame(scene, framesPerRound, rounds);
        var ticks = new long[rounds];
        var collections = GC.CollectionCount(0);
        long allocated = 0;
        for (var r = 0; r < rounds; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            RunFrames(engine, scene, sink, next, framesPerRound);
            var end = Stopwatch.GetTimestamp();
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            ticks[r] = end - start;
            next += framesPerRound;
        }

        // Collections forced between rounds are not the engine's: count only those beyond them.
        collections = GC.CollectionCount(0) - collections - (2 * rounds);
        var perFrame = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            perFrame[r] = Math.Round(ticks[r] * (1e9 / Stopwatch.Frequency) / framesPerRound, 1);
        }

        var sorted = (double[])perFrame.Clone();
        Array.Sort(sorted);
        var measured = (long)rounds * framesPerRound;
        return new BenchResult(
            benchCase.Size,
            benchCase.Width,
            benchCase.Height,
            benchCase.FramesPerSecond,
            rounds,
            framesPerRound,
            warmUpFrames,
            Math.Round(warmUp.Elapsed.TotalSeconds, 2),
            Median(sorted),
            sorted[0],
            sorted[^1],
            perFrame,
            harness,
            Math.Round((double)allocated / measured, 3),
            allocated,
            Math.Max(0, collections),
            engine.AllocatedBytes,
            engine.Door.In,
            engine.Door.Out,
            sink.Readings);
    }

    /// <summary>Runs frames <paramref name="first"/> onwards through the engine, as the device loop would.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void RunFrames(DetectionEngine engine, BenchScene scene, IReadingSink sink, long first, int count)
    {
        var end = first + count;
        for (var k = first; k < end; k++)
        {
            ThermalFrame frame = scene.FrameAt(k);
            if (scene.MotionAt(k))
            {
                engine.AcceptMotion(frame.TimestampMilliseconds, sink);
            }

            engine.AcceptFrame(frame, sink);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long RunHarnessOnly(BenchScene scene, long first, int count)
    {
        // The same frame picking and stamping as RunFrames, without the engine; the sum keeps it from being elided.
        long sum = 0;
        var end = first + count;
        for (var k = first; k < end; k++)
        {
            ThermalFrame frame = scene.FrameAt(k);
            sum += scene.MotionAt(k) ? 1 : frame.TimestampMilliseconds & 1;
        }

        return sum;
    }

    private static double HarnessNsPerFrame(BenchScene scene, int framesPerRound, int rounds)
    {
        var perFrame = new double[rounds];
        long sink = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            // Pass 0 warms the loop up; pass 1 is measured.
            for (var r = 0; r < rounds; r++)
            {
                var start = Stopwatch.GetTimestamp();
                sink += RunHarnessOnly(scene, 0, framesPerRound);
                perFrame[r] = (Stopwatch.GetTimestamp() - start) * (1e9 / Stopwatch.Frequency) / framesPerRound;
            }
        }

        GC.KeepAlive(sink);
        Array.Sort(perFrame);
        return Math.Round(Median(perFrame), 1);
    }

    private static double TimeChunk(DetectionEngine engine, BenchScene scene, IReadingSink sink, ref long next, TimeSpan length)
    {
        const int Batch = 64;
        long frames = 0;
        var start = Stopwatch.GetTimestamp();
        var limit = start + (long)(length.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            RunFrames(engine, scene, sink, next, Batch);
            next += Batch;
            frames += Batch;
            now = Stopwatch.GetTimestamp();
        }
        while (now < limit);

        return (now - start) * (1e9 / Stopwatch.Frequency) / frames;
    }

    private static int AutoFramesPerRound(DetectionEngine engine, BenchScene scene, IReadingSink sink, ref long next)
    {
        var nsPerFrame = TimeChunk(engine, scene, sink, ref next, WarmUpChunk);
        var wanted = TargetRound.TotalMilliseconds * 1e6 / nsPerFrame;
        var loop = scene.Loop.Length;
        var loops = Math.Max(1, (int)Math.Ceiling(wanted / loop));
        return (int)Math.Min(int.MaxValue / 2, (long)loops * loop);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : Math.Round((sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2, 1);
}
