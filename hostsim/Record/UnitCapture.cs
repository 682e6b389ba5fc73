using System.Globalization;
using System.Text;
using OccupancySensor.HostSim.Simulation;

namespace OccupancySensor.HostSim.Record;

/// <summary>One unit's capture files, written frame by frame.</summary>
public sealed class UnitCapture
{
    private readonly string _directory;
    private readonly double _start;
    private readonly FloorUnit _unit;
    private readonly StreamWriter _frames;
    private readonly StreamWriter _truth;
    private readonly List<double> _times = new();
    private readonly char[] _cell = new char[32];

    internal UnitCapture(string directory, double start, FloorUnit unit)
    {
        _directory = directory;
        _start = start;
        _unit = unit;
        var id = unit.Site.DeviceId;
        _frames = new StreamWriter(Path.Combine(directory, id + "_frames.csv"), false, new UTF8Encoding(false), 1 << 20);
        _truth = new StreamWriter(Path.Combine(directory, id + "_truth.csv"), false, new UTF8Encoding(false), 1 << 16);

        var header = new StringBuilder("t_s,ambient_c");
        for (var i = 0; i < 64; i++)
        {
            header.Append(",p").Append(i);
        }

        _frames.Write(header.Append('\n').ToString());
        var truthHeader = new StringBuilder("t_s,view_people");
        foreach (var zone in unit.Configuration.Zones)
        {
            truthHeader.Append(',').Append(zone.Id).Append("_people");
        }

        if (unit.Truth.CountsDoor)
        {
            truthHeader.Append(",in,out");
        }

        _truth.Write(truthHeader.Append('\n').ToString());
    }

    /// <summary>The frame the firmware is reading at <paramref name="t"/>, and the truth at that moment.</summary>
    public void Frame(double t, float[] scene)
    {
        var since = t - _start;
        _times.Add(t);
        Number(_frames, since, "F1");
        _frames.Write(',');
        Number(_frames, Math.Round(_unit.View.AirAt(t), 2), "F2");
        foreach (var pixel in scene)
        {
            // What the driver decodes: the chip's 0.25 °C steps.
            _frames.Write(',');
            Number(_frames, Math.Round(pixel / 0.25) * 0.25, "F2");
        }

        _frames.Write('\n');

        var truth = _unit.Truth;
        truth.Update(t);
        Number(_truth, since, "F1");
        _truth.Write(',');
        _truth.Write(truth.ViewPeople);
        for (var z = 0; z < _unit.Configuration.Zones.Length; z++)
        {
            _truth.Write(',');
            _truth.Write(truth.PeopleIn(z));
        }

        if (truth.CountsDoor)
        {
            _truth.Write(',');
            _truth.Write(truth.In);
            _truth.Write(',');
            _truth.Write(truth.Out);
        }

        _truth.Write('\n');
    }

    /// <summary>Closes the files and, for a door unit, writes the labelled crossings.</summary>
    public void Close()
    {
        _frames.Dispose();
        _truth.Dispose();
        if (!_unit.Truth.CountsDoor)
        {
            return;
        }

        // A crossing is labelled at the last frame read before it completed (the person's centre left the view).
        using var events = new StreamWriter(Path.Combine(_directory, _unit.Site.DeviceId + "_events.csv"), false, new UTF8Encoding(false));
        events.Write("frame,direction\n");
        foreach (var (seconds, wentIn) in _unit.TruthCrossings)
        {
            var index = _times.BinarySearch(seconds);
            var frame = index >= 0 ? index : Math.Max(0, ~index - 1);
            events.Write(frame.ToString(CultureInfo.InvariantCulture));
            events.Write(wentIn ? ",in\n" : ",out\n");
        }
    }

    private void Number(StreamWriter writer, double value, string format)
    {
        value.TryFormat(_cell, out var length, format, CultureInfo.InvariantCulture);
        writer.Write(_cell, 0, length);
    }
}
