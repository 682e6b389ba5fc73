using System.Diagnostics;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// Holds simulated units to the wall clock when they talk to a real broker (simulate --mqtt): simulated time runs
/// <see cref="Speed"/> times faster than real time, so a real outage of 30 s is 30 x speed simulated seconds, and
/// the broker, the network and the units' clocks keep a consistent order of events. After the scenario ends, each
/// unit keeps its uplink running (sensors stopped) until its backlog is delivered or <see cref="DrainLimit"/> passes.
/// </summary>
public sealed class RealTimePacing
{
    /// <summary>Simulated seconds per wall-clock second, at least and at most.</summary>
    public const double MinSpeed = 0.01, MaxSpeed = 100_000;

    private readonly Stopwatch _wall = new();

    public RealTimePacing(double speed, TimeSpan drainLimit)
    {
        if (!(speed >= MinSpeed && speed <= MaxSpeed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, $"speed must be from {MinSpeed} to {MaxSpeed}");
        }

        Speed = speed;
        DrainLimit = drainLimit;
    }

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed { get; }

    /// <summary>How long, in real time, units may take after the scenario to deliver their backlog.</summary>
    public TimeSpan DrainLimit { get; }

    /// <summary>Real time since the run started.</summary>
    public TimeSpan Elapsed => _wall.Elapsed;

    /// <summary>Starts the shared wall clock, once, before the units run.</summary>
    public void Start() => _wall.Start();

    /// <summary>Sleeps until the wall clock reaches <paramref name="simulatedSeconds"/> of simulated time.</summary>
    public void WaitFor(double simulatedSeconds)
    {
        var left = TimeSpan.FromSeconds(simulatedSeconds / Speed) - _wall.Elapsed;
        if (left > TimeSpan.Zero)
        {
            Thread.Sleep(left);
        }
    }
}
