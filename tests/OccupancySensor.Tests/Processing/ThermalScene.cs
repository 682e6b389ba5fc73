using OccupancySensor.Configuration;
using OccupancySensor.Processing;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;

namespace OccupancySensor.Tests.Processing;

/// <summary>Keeps every reading the engine emits, in order.</summary>
internal sealed class ReadingLog : IReadingSink
{
    public List<Reading> Readings { get; } = new();

    public void Accept(Reading reading) => Readings.Add(reading);

    public int CountOf(ReadingKind kind) => Readings.Count(r => r.Kind == kind);
}

/// <summary>A warm body in a synthetic scene: a Gaussian of <see cref="Amplitude"/> °C over the background.</summary>
internal sealed class WarmBody
{
    public float X;
    public float Y;
    public float Amplitude = 4f;
    public float Radius = 0.8f;
    public bool Visible = true;
}

/// <summary>
/// A synthetic thermal view: a fixed background (a level plus a per-pixel pattern), Gaussian sensor noise with a
/// known standard deviation, and warm Gaussian spots that tests move around. Deterministic for a seed.
/// </summary>
internal sealed class ThermalScene
{
    private readonly Random _random;
    private readonly float[] _pattern;

    public ThermalScene(int width, int height, int seed, float level = 21f, float noise = 0.1f, float pattern = 0.5f)
    {
        Width = width;
        Height = height;
        Level = level;
        Noise = noise;
        _random = new Random(seed);
        _pattern = new float[width * height];
        for (int i = 0; i < _pattern.Length; i++)
        {
            _pattern[i] = (float)((_random.NextDouble() * 2) - 1) * pattern;
        }

        Frame = new ThermalFrame(width, height);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Common level of the empty scene in °C (tests shift it to model drift).</summary>
    public float Level { get; set; }

    /// <summary>Standard deviation of the sensor noise in °C.</summary>
    public float Noise { get; set; }

    public List<WarmBody> Spots { get; } = new();

    public ThermalFrame Frame { get; }

    /// <summary>The empty scene's temperature of pixel <paramref name="i"/> without noise.</summary>
    public float EmptyAt(int i) => Level + _pattern[i];

    public WarmBody Add(float x, float y, float amplitude = 4f, float radius = 0.8f)
    {
        var spot = new WarmBody { X = x, Y = y, Amplitude = amplitude, Radius = radius };
        Spots.Add(spot);
        return spot;
    }

    public float Gaussian()
    {
        // Box-Muller.
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>Fills <see cref="Frame"/> for time <paramref name="t"/> and returns it.</summary>
    public ThermalFrame Render(long t)
    {
        Frame.TimestampMilliseconds = t;
        for (int row = 0; row < Height; row++)
        {
            for (int column = 0; column < Width; column++)
            {
                int i = (row * Width) + column;
                float value = EmptyAt(i) + (Noise * Gaussian());
                foreach (var spot in Spots)
                {
                    if (!spot.Visible)
                    {
                        continue;
                    }

                    float dx = column - spot.X;
                    float dy = row - spot.Y;
                    value += spot.Amplitude * MathF.Exp(-((dx * dx) + (dy * dy)) / (2 * spot.Radius * spot.Radius));
                }

                Frame.Pixels[i] = value;
            }
        }

        return Frame;
    }
}

/// <summary>An engine fed by a <see cref="ThermalScene"/> at a fixed frame period, with the readings recorded.</summary>
internal sealed class EngineHarness
{
    public EngineHarness(ThermalScene scene, string door = "none", EngineSettings? settings = null, long periodMilliseconds = 100,
        ZoneConfiguration[]? zones = null)
    {
        View = scene;
        Period = periodMilliseconds;
        var line = DoorLine.Parse(door, scene.Width, scene.Height, out var error);
        Assert.True(line != null, error);
        Zones = zones ?? new[] { new ZoneConfiguration("view", 0, 0, scene.Width, scene.Height) };
        Engine = new DetectionEngine(scene.Width, scene.Height, Zones, line!, settings ?? new EngineSettings());
    }

    public ThermalScene View { get; }

    public DetectionEngine Engine { get; }

    public ZoneConfiguration[] Zones { get; }

    public ReadingLog Sink { get; } = new();

    public long Period { get; set; }

    public long Now { get; private set; } = 1000;

    /// <summary>Calibrates with <paramref name="frames"/> frames of the empty scene (spots hidden).</summary>
    public EngineHarness Calibrate(int frames = 20)
    {
        var hidden = View.Spots.Where(s => s.Visible).ToList();
        hidden.ForEach(s => s.Visible = false);
        for (int i = 0; i < frames; i++)
        {
            Now += Period;
            Engine.Calibrate(View.Render(Now));
        }

        hidden.ForEach(s => s.Visible = true);
        return this;
    }

    /// <summary>Runs one frame.</summary>
    public void Step()
    {
        Now += Period;
        Engine.AcceptFrame(View.Render(Now), Sink);
    }

    public void Steps(int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            Step();
        }
    }

    /// <summary>Moves <paramref name="spot"/> in a straight line to (x, y) over <paramref name="frames"/> frames.</summary>
    public void Walk(WarmBody spot, float x, float y, int frames)
    {
        float x0 = spot.X;
        float y0 = spot.Y;
        for (int i = 1; i <= frames; i++)
        {
            spot.X = x0 + ((x - x0) * i / frames);
            spot.Y = y0 + ((y - y0) * i / frames);
            Step();
        }
    }
}
