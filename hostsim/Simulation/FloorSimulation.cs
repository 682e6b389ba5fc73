using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.HostSim.Record;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// Simulates every unit of a floor through the day. Units share only the (read-only) world, so they run on all cores
/// at once; each unit's result depends only on the world and its own number, never on the thread or the order.
/// </summary>
public sealed class FloorSimulation
{
    private long _secondsDone;

    public FloorSimulation(FloorWorld world, string? recordDirectory = null, Func<FloorUnit, IUplinkTransport>? link = null,
                           LoraNetwork? lora = null)
    {
        World = world;
        Recorder = recordDirectory is null ? null : new CaptureRecorder(recordDirectory, world);
        Units = world.Sites.Select(site => new FloorUnit(world, site, Recorder, link, lora)).ToArray();
        TotalSeconds = (long)Math.Ceiling(world.End - world.Start) * Units.Count;
    }

    public FloorWorld World { get; }

    public IReadOnlyList<FloorUnit> Units { get; }

    public CaptureRecorder? Recorder { get; }

    /// <summary>Unit-seconds to simulate, and done so far (for a progress bar; safe to read from another thread).</summary>
    public long TotalSeconds { get; }

    public long SecondsDone => Interlocked.Read(ref _secondsDone);

    public void Run(int parallelism = 0) => Run(parallelism, null);

    /// <summary>
    /// Runs every unit through the day. Paced against a real broker, every unit gets its own thread, since they all
    /// must be live at once (most of the time each one sleeps until the wall clock catches up).
    /// </summary>
    public void Run(int parallelism, RealTimePacing? pacing)
    {
        if (pacing is not null)
        {
            pacing.Start();
            var threads = Units.Select(unit => new Thread(() => unit.Run(seconds => Interlocked.Add(ref _secondsDone, seconds), pacing))
            {
                IsBackground = true,
                Name = unit.Site.DeviceId,
            }).ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            return;
        }

        // The 10 fps units (door, meeting rooms) take longest: start them first so the cores stay busy to the end.
        var order = Units.OrderByDescending(u => u.Site.Fps).ThenBy(u => u.Site.Number).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount };
        Parallel.ForEach(order, options, unit => unit.Run(seconds => Interlocked.Add(ref _secondsDone, seconds)));
    }
}
