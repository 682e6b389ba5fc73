using System.Globalization;
using OccupancySensor.Sensors;

namespace OccupancySensor.HostSim.Replay;

/// <summary>A recording that cannot be replayed, with the line that shows why.</summary>
public sealed class RecordingFormatException(string file, int line, string message)
    : Exception($"{file}, line {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>
/// Streams a recording in the frames CSV format (header <c>t_s,ambient_c,p0,...,pN-1</c>, one frame a row, °C,
/// row-major) into one preallocated <see cref="ThermalFrame"/>, checking every value: a wrong number of columns,
/// text where a number belongs, NaN, time going backwards or a pixel outside the sensor's range stops the replay with
/// the line named, rather than feeding the engine garbage.
/// </summary>
public sealed class FramesCsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _name;
    private int _line;
    private double _lastTime = double.NegativeInfinity;

    public FramesCsvReader(TextReader reader, string name, FrameSize? size)
    {
        _reader = reader;
        _name = name;
        var header = NextLine() ?? throw Error("the file is empty (expected the header t_s,ambient_c,p0,...)");
        var columns = header.Split(',');
        if (columns.Length < 3 || columns[0].Trim() != "t_s" || columns[1].Trim() != "ambient_c")
        {
            throw Error("the header must start with t_s,ambient_c,p0");
        }

        for (var i = 2; i < columns.Length; i++)
        {
            if (columns[i].Trim() != "p" + (i - 2))
            {
                throw Error($"header column {i + 1} is '{columns[i].Trim()}', expected 'p{i - 2}'");
            }
        }

        var pixels = columns.Length - 2;
        Size = size ?? FrameSize.FromPixelCount(pixels)
            ?? throw Error($"{pixels} pixels is not a known array (64, 192, 768 or 1024): give --size WxH");
        if (Size.Pixels != pixels)
        {
            throw Error($"the header has {pixels} pixel columns but --size {Size} means {Size.Pixels}");
        }

        Frame = new ThermalFrame(Size.Width, Size.Height);
    }

    public FrameSize Size { get; }

    /// <summary>The frame the last <see cref="ReadNext"/> filled; the same object every time.</summary>
    public ThermalFrame Frame { get; }

    /// <summary>Seconds since the start of the recording of the last frame read.</summary>
    public double TimeSeconds { get; private set; }

    /// <summary>Ambient °C of the last frame, NaN when the recording has none.</summary>
    public float AmbientCelsius { get; private set; }

    /// <summary>Frames read so far.</summary>
    public int FramesRead { get; private set; }

    /// <summary>Reads the next frame into <see cref="Frame"/>; false at the end of the file.</summary>
    public bool ReadNext()
    {
        string? line;
        do
        {
            line = NextLine();
            if (line == null)
            {
                return false;
            }
        }
        while (line.Trim().Length == 0);

        var cells = line.Split(',');
        if (cells.Length != Size.Pixels + 2)
        {
            throw Error($"{cells.Length} columns, expected {Size.Pixels + 2} (t_s, ambient_c and {Size.Pixels} pixels)");
        }

        var time = Number(cells[0], "t_s");
        if (time < _lastTime)
        {
            throw Error($"t_s goes backwards ({time} after {_lastTime})");
        }

        _lastTime = time;
        TimeSeconds = time;
        AmbientCelsius = cells[1].Trim().Length == 0 ? float.NaN : (float)Number(cells[1], "ambient_c");
        var pixels = Frame.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var value = Number(cells[i + 2], "p" + i);
            if (value < Size.MinimumCelsius || value > Size.MaximumCelsius)
            {
                throw Error($"p{i} = {value} °C is outside the {Size} sensor's range ({Size.MinimumCelsius} to {Size.MaximumCelsius} °C)");
            }

            pixels[i] = (float)value;
        }

        Frame.TimestampMilliseconds = (long)Math.Round(time * 1000);
        Frame.SensorTemperatureCelsius = float.NaN;
        FramesRead++;
        return true;
    }

    public void Dispose() => _reader.Dispose();

    private double Number(string cell, string column)
    {
        var text = cell.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error($"{column} is '{text}', not a number");
        }

        return value;
    }

    private string? NextLine()
    {
        var line = _reader.ReadLine();
        if (line != null)
        {
            _line++;
        }

        return line;
    }

    private RecordingFormatException Error(string message) => new(_name, _line, message);
}
