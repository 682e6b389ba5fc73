namespace OccupancySensor.HostSim.World.Floor;

/// <summary>Something warm on the floor that is not a person. Bounds are on the floor plan, metres.</summary>
internal abstract class WorldHeat(string kind, double x0, double y0, double x1, double y1)
{
    /// <summary>"monitor", "radiator", "laptop", "sun", "hot drink".</summary>
    public string Kind { get; } = kind;

    public double X0 { get; } = x0;

    public double Y0 { get; } = y0;

    public double X1 { get; } = x1;

    public double Y1 { get; } = y1;

    public abstract void Draw(double t, UnitProjection view, Span<float> pixels);
}

/// <summary>
/// A box that is switched on and off and warms and cools like a first-order system (contrast x (1 - e^(-t/τ)) on,
/// e^(-t/τ) off): a monitor (panel and housing about +6 °C once warm, τ ten minutes), a radiator (its top seen from
/// above, +25 °C, τ twenty minutes), a laptop lid. <paramref name="switching"/> holds on/off times in pairs.
/// </summary>
internal sealed class SwitchedBox(string kind, double x0, double y0, double x1, double y1, double height, double contrast, double tauSeconds, IReadOnlyList<double> switching)
    : WorldHeat(kind, x0, y0, x1, y1)
{
    // Bezels and housings are cooler than the panel: the box's edges blur over about 5 cm.
    private const double EdgeMetres = 0.05;

    private readonly double[] _switching = switching.ToArray();

    /// <summary>How warm the box is at <paramref name="t"/>, as a share of its full contrast.</summary>
    public double LevelAt(double t)
    {
        double level = 0, since = double.NaN;
        for (var i = 0; i + 1 < _switching.Length; i += 2)
        {
            var on = _switching[i];
            var off = _switching[i + 1];
            if (t <= on)
            {
                break;
            }

            if (!double.IsNaN(since))
            {
                level *= Math.Exp(-(on - since) / tauSeconds);
            }

            var end = Math.Min(t, off);
            level = 1 - ((1 - level) * Math.Exp(-(end - on) / tauSeconds));
            since = end;
            if (t <= off)
            {
                return level;
            }
        }

        return double.IsNaN(since) ? 0 : level * Math.Exp(-(t - since) / tauSeconds);
    }

    public override void Draw(double t, UnitProjection view, Span<float> pixels)
    {
        var level = LevelAt(t);
        if (level > 0.001)
        {
            view.AddBox(pixels, X0, Y0, X1, Y1, height, EdgeMetres, contrast * level);
        }
    }
}

/// <summary>
/// Sun through a window: a patch on the floor that fades in over twenty minutes, creeps along as the sun's azimuth
/// moves (from (x0, y0) to (x1, y1) over the afternoon), and fades out again. Floor in sun reads about +5 °C.
/// </summary>
internal sealed class SunPatch(double from, double to, double x0, double y0, double x1, double y1, double sizeX, double sizeY, double contrast)
    : WorldHeat("sun", Math.Min(x0, x1) - sizeX, Math.Min(y0, y1) - sizeY, Math.Max(x0, x1) + sizeX, Math.Max(y0, y1) + sizeY)
{
    private const double FadeSeconds = 1200;

    // Window frames and the sun's half-degree disc blur the edges over about 10 cm.
    private const double EdgeMetres = 0.1;

    public override void Draw(double t, UnitProjection view, Span<float> pixels)
    {
        if (t <= from || t >= to)
        {
            return;
        }

        var envelope = Math.Min(1, Math.Min(t - from, to - t) / FadeSeconds);
        envelope = envelope * envelope * (3 - (2 * envelope));
        var f = (t - from) / (to - from);
        var x = x0 + ((x1 - x0) * f);
        var y = y0 + ((y1 - y0) * f);
        view.AddBox(pixels, x - (sizeX / 2), y - (sizeY / 2), x + (sizeX / 2), y + (sizeY / 2), 0, EdgeMetres, contrast * envelope);
    }
}

/// <summary>
/// A mug of coffee put down on a desk: a 8 cm disc about +45 °C over the room when poured, cooling with a
/// fifteen-minute time constant, taken away at <paramref name="removed"/>. From 2.7 m it fills a few percent of a
/// pixel: a small, sudden, then fading warm spot right next to a person.
/// </summary>
internal sealed class HotDrink(double x, double y, double placed, double removed)
    : WorldHeat("hot drink", x - 0.1, y - 0.1, x + 0.1, y + 0.1)
{
    private const double DeskHeight = 0.75;
    private const double Contrast = 45;
    private const double TauSeconds = 900;
    private const double SigmaMetres = 0.035;

    public override void Draw(double t, UnitProjection view, Span<float> pixels)
    {
        if (t < placed || t >= removed)
        {
            return;
        }

        var (u, v) = view.ToPixels(x, y, DeskHeight);
        var sigma = SigmaMetres / view.PixelMetres(DeskHeight);
        UnitProjection.AddBlob(pixels, u, v, sigma, sigma, Contrast * Math.Exp(-(t - placed) / TauSeconds));
    }
}
