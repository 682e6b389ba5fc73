using OccupancySensor.Hardware;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>The simulation's clock: advanced by the simulation loop, shared by every simulated unit.</summary>
public sealed class SimulatedClock : IClock
{
    public SimulatedClock(long startMilliseconds = 0) => NowMilliseconds = startMilliseconds;

    public long NowMilliseconds { get; private set; }

    public void AdvanceTo(long milliseconds)
    {
        if (milliseconds < NowMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(milliseconds), "a clock never goes backwards");
        }

        NowMilliseconds = milliseconds;
    }

    public void Advance(long milliseconds) => AdvanceTo(NowMilliseconds + milliseconds);
}
