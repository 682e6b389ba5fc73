using OccupancySensor.HostSim.World.Synthetic;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>
/// The air over the day: the heating and the people warm the floor from the morning to the afternoon value along a
/// smooth S-curve, with a slow wander of about ±0.15 °C on top (doors, ventilation cycles) that is the same for the
/// whole floor. Each unit's spot adds its own fixed offset (near a window, near the kitchen).
/// </summary>
internal sealed class AmbientDay(double morning, double afternoon, double warmFrom, double warmUntil, ulong key)
{
    private const double WanderCelsius = 0.15;
    private const double WanderSeconds = 2400;

    public double AirAt(double t)
    {
        var f = Math.Clamp((t - warmFrom) / (warmUntil - warmFrom), 0, 1);
        var s = f * f * (3 - (2 * f));
        return morning + ((afternoon - morning) * s) + (WanderCelsius * CounterNoise.Smooth(key, 7, t / WanderSeconds));
    }
}
