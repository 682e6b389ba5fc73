using OccupancySensor.HostSim.World;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// Runs simulated units through a day on one simulated clock. The world moves in 100 ms ticks (the AMG8833's
/// fastest frame period); each unit's firmware runs whenever its own loop asked to be woken, exactly as the device's
/// loop sleeps between steps.
/// </summary>
public sealed class DaySimulation
{
    public const int TickMilliseconds = 100;

    public DaySimulation(IReadOnlyList<DemoOffice.UnitPlan> plans, int seed)
    {
        Clock = new SimulatedClock((long)DemoOffice.DayStart.TotalMilliseconds);
        Units = plans.Select((plan, i) => new SimulatedUnit(plan.Configuration, Clock, seed + (i * 7919), plan.Occupants, plan.Faults)).ToList();
    }

    public SimulatedClock Clock { get; }

    public IReadOnlyList<SimulatedUnit> Units { get; }

    /// <summary>Runs from the start of the day to <paramref name="end"/>.</summary>
    public void Run(TimeSpan end)
    {
        var endMilliseconds = (long)end.TotalMilliseconds;
        var nextMinute = Clock.NowMilliseconds + 60_000;
        while (Clock.NowMilliseconds < endMilliseconds)
        {
            var time = TimeSpan.FromMilliseconds(Clock.NowMilliseconds);
            var room = RoomCelsius(time);
            foreach (var unit in Units)
            {
                unit.UpdateWorld(time, room);
                unit.RunFirmware();
            }

            if (Clock.NowMilliseconds >= nextMinute)
            {
                nextMinute += 60_000;
                foreach (var unit in Units)
                {
                    unit.Score(time);
                }
            }

            Clock.Advance(TickMilliseconds);
        }
    }

    /// <summary>The room warms from 20 °C before work to about 22.5 °C in the afternoon.</summary>
    public static float RoomCelsius(TimeSpan time) =>
        20f + (2.5f * (float)Math.Clamp((time.TotalHours - 7.5) / 7.0, 0.0, 1.0));
}
