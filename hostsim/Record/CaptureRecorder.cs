using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.HostSim.Record;

/// <summary>
/// <c>--record DIR</c>: writes each unit's capture in the replay format (see shared datasets' README) so a simulated
/// day can be replayed through the engine with <c>hostsim replay</c> and shared:
/// <c>DEVICE_frames.csv</c> (t_s from the start of the day, the BME280's air temperature, the 64 pixels exactly as
/// the firmware read them, 0.25 °C steps), <c>DEVICE_truth.csv</c> (for every frame: people in view and per zone, and
/// for a door unit the true in/out totals so far), <c>DEVICE_events.csv</c> for a door unit (<c>frame,direction</c>,
/// one row a completed crossing) and <c>DEVICE.conf</c> (the configuration the unit ran). Each unit writes its own
/// files as it runs, so recording never holds a day of frames in memory and units never wait for each other.
/// </summary>
public sealed class CaptureRecorder(string directory, FloorWorld world)
{
    public string Directory { get; } = directory;

    /// <summary>Starts <paramref name="unit"/>'s files.</summary>
    public UnitCapture Open(FloorUnit unit)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, unit.Site.DeviceId + ".conf"), unit.Site.ConfigurationText);
        return new UnitCapture(Directory, world.Start, unit);
    }
}
