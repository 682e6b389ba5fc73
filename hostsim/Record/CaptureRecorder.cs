using System.Globalization;
using System.Text;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.HostSim.Record;

/// <summary>
/// <c>--record DIR</c>: writes each unit's capture in the replay format (see shared datasets' README) so a simulated
/// day can be replayed through the engine with <c>hostsim replay</c> and shared:
/// <c>DEVICE_frames.csv</c> (t_s from the start of the day, the BME280's air temperature, the 64 pixels exactly as
/// the firmware read them, 0.25 °C steps), <c>DEVICE_truth.csv</c> (for every frame: people in view and per zone, and
/// for a door unit the true in/out totals so far), <c>DEVICE_events.csv</c> for a door unit (<c>frame,direction</c>,
/// one row a completed crossing) and <c>DEVICE.conf</c> (the configuration the unit ran). Files are written as the
/// units run, one writer per unit, so recording never holds a day of frames in memory.
/// </summary>
public sealed class CaptureRecorder(string directory, FloorWorld world)
{
    private readonly Dictionary<FloorUnit, Capture> _captures = new();

    public string Directory { get; } = directory;

    public void Begin(FloorUnit unit)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var id = unit.Site.DeviceId;
        File.WriteAllText(Path.Combine(Directory, id + ".conf"), unit.Site.ConfigurationText);
        var capture = new Capture(
            new StreamWriter(Path.Combine(Directory, id + "_frames.csv"), false, new UTF8Encoding(false), 1 << 20),
            new StreamWriter(Path.Combine(Directory, id + "_truth.csv"), false, new UTF8Encoding(false), 1 << 16));
        var header = new StringBuilder("t_s,ambient_c");
        for (var i = 0; i < 64; i++)
        {
            header.Append(",p").Append(i);
        }

        capture.Frames.Write(header.Append('\n').ToString());
        var truthHeader = new StringBuilder("t_s,view_people");
        foreach (var zone in unit.Configuration.Zones)
        {
            truthHeader.Append(',').Append(zone.Id).Append("_people");
        }

        if (unit.Truth.CountsDoor)
        {
            truthHeader.Append(",in,out");
        }

        capture.Truth.Write(truthHeader.Append('\n').ToString());
        lock (_captures)
        {
            _captures[unit] = capture;
        }
    }

    public void Frame(FloorUnit unit, double t, float[] scene)
    {
        Capture capture;
        lock (_captures)
        {
            capture = _captures[unit];
        }

        var since = t - world.Start;
        capture.Times.Add(t);
        var w = capture.Frames;
        Number(w, since, capture.Cell, "F1");
        w.Write(',');
        Number(w, Math.Round(unit.View.AirAt(t), 2), capture.Cell, "F2");
        foreach (var pixel in scene)
        {
            // What the driver decodes: the chip's 0.25 °C steps.
            w.Write(',');
            Number(w, Math.Round(pixel / 0.25) * 0.25, capture.Cell, "F2");
        }

        w.Write('\n');

        var truth = unit.Truth;
        truth.Update(t);
        var tw = capture.Truth;
        Number(tw, since, capture.Cell, "F1");
        tw.Write(',');
        tw.Write(truth.ViewPeople);
        for (var z = 0; z < unit.Configuration.Zones.Length; z++)
        {
            tw.Write(',');
            tw.Write(truth.PeopleIn(z));
        }

        if (truth.CountsDoor)
        {
            tw.Write(',');
            tw.Write(truth.In);
            tw.Write(',');
            tw.Write(truth.Out);
        }

        tw.Write('\n');
    }

    public void End(FloorUnit unit)
    {
        Capture capture;
        lock (_captures)
        {
            capture = _captures[unit];
            _captures.Remove(unit);
        }

        capture.Frames.Dispose();
        capture.Truth.Dispose();
        if (!unit.Truth.CountsDoor)
        {
            return;
        }

        // A crossing is labelled at the last frame read before it completed (the person's centre left the view).
        using var events = new StreamWriter(Path.Combine(Directory, unit.Site.DeviceId + "_events.csv"), false, new UTF8Encoding(false));
        events.Write("frame,direction\n");
        foreach (var (seconds, wentIn) in unit.TruthCrossings)
        {
            var index = capture.Times.BinarySearch(seconds);
            var frame = index >= 0 ? index : Math.Max(0, ~index - 1);
            events.Write(frame.ToString(CultureInfo.InvariantCulture));
            events.Write(wentIn ? ",in\n" : ",out\n");
        }
    }

    private static void Number(StreamWriter writer, double value, char[] cell, string format)
    {
        value.TryFormat(cell, out var length, format, CultureInfo.InvariantCulture);
        writer.Write(cell, 0, length);
    }

    private sealed record Capture(StreamWriter Frames, StreamWriter Truth)
    {
        public List<double> Times { get; } = new();

        public char[] Cell { get; } = new char[32];
    }
}
