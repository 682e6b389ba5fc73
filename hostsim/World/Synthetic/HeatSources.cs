namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>
/// The empty room: air temperature with a slow drift common to every pixel (heating, sun on the facade, people on the
/// floor warming a morning up), plus a fixed offset per pixel (the array's non-uniformity and the different
/// emissivities of floor, desk and carpet).
/// </summary>
internal sealed class RoomAir(double baseCelsius, double driftPerHour, float[] offsets)
{
    public float[] Offsets { get; } = offsets;

    public double AirAt(double seconds) => baseCelsius + (driftPerHour * seconds / 3600.0);

    public static RoomAir Draw(SceneRandom random, int pixels, double lowCelsius, double highCelsius, double driftPerHour, double offsetCelsius)
    {
        var baseCelsius = random.Uniform(lowCelsius, highCelsius);
        var offsets = new float[pixels];
        for (var i = 0; i < pixels; i++)
        {
            offsets[i] = (float)random.Uniform(-offsetCelsius, offsetCelsius);
        }

        return new RoomAir(baseCelsius, driftPerHour, offsets);
    }
}

/// <summary>Anything warm in view that is not a person: its contrast over the room at a time.</summary>
internal interface IHeatSource
{
    void Draw(double t, Span<float> pixels, int width, int height);
}

/// <summary>
/// A monitor: a panel a few degrees above the room once warm. Switched on, its housing and panel warm like a first-
/// order system (contrast × (1 - e^(-t/τ))); switched off, they cool the same way from wherever they got to. The box
/// edges are blurred by a third of a pixel (the optics' spread and the cooler bezel).
/// </summary>
internal sealed class DeskMonitor(double x0, double y0, double x1, double y1, double contrast, double onAt, double offAt, double tauSeconds) : IHeatSource
{
    private const double EdgeBlur = 0.3;

    // A pixel fully inside a 2-pixel-wide box still loses a little to the blur; scale so the hottest pixel reads
    // the contrast asked for.
    private readonly double _amplitude = contrast / PeakCell(x0, x1) / PeakCell(y0, y1);

    /// <summary>°C above the room the hottest pixel of this monitor reads at <paramref name="t"/>.</summary>
    public double ContrastAt(double t)
    {
        // (A monitor the script switches off before it is switched on stays cold.)
        if (t < onAt || offAt <= onAt)
        {
            return 0;
        }

        var warm = contrast * (1 - Math.Exp(-(Math.Min(t, offAt) - onAt) / tauSeconds));
        return t < offAt ? warm : warm * Math.Exp(-(t - offAt) / tauSeconds);
    }

    public void Draw(double t, Span<float> pixels, int width, int height)
    {
        var level = ContrastAt(t) / contrast;
        if (level > 0)
        {
            Footprint.AddSoftBox(pixels, width, height, x0, y0, x1, y1, EdgeBlur, _amplitude * level);
        }
    }

    private static double PeakCell(double from, double to)
    {
        var best = 0.0;
        for (var c = (int)Math.Floor(from); c < Math.Ceiling(to); c++)
        {
            best = Math.Max(best, Footprint.SoftBoxCell(c, from, to, EdgeBlur));
        }

        return best;
    }
}

/// <summary>
/// Sun through a window on the floor: a soft patch that fades in as the sun comes round the facade, creeps across the
/// floor as the sun's azimuth moves (about 15° an hour), and fades out again.
/// </summary>
internal sealed class SunPatch(double start, double duration, double fadeSeconds, double x0, double y0, double x1, double y1, double size, double contrast) : IHeatSource
{
    // Window frames and the sun's own half-degree disc blur the patch's edges over about half a pixel.
    private const double EdgeBlur = 0.5;

    // Scaled so the patch's hottest pixel reads the contrast asked for when the patch is centred on a pixel.
    private readonly double _amplitude = contrast / Math.Pow(Footprint.SoftBoxCell(0, 0.5 - (size / 2), 0.5 + (size / 2), EdgeBlur), 2);

    public void Draw(double t, Span<float> pixels, int width, int height)
    {
        var age = t - start;
        if (age <= 0 || age >= duration)
        {
            return;
        }

        var envelope = Smoothstep(Math.Min(age, duration - age) / fadeSeconds);
        var f = age / duration;
        var x = x0 + ((x1 - x0) * f);
        var y = y0 + ((y1 - y0) * f);
        Footprint.AddSoftBox(pixels, width, height, x - (size / 2), y - (size / 2), x + (size / 2), y + (size / 2), EdgeBlur, _amplitude * envelope);
    }

    private static double Smoothstep(double f) => f >= 1 ? 1 : f * f * (3 - (2 * f));
}
