namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>
/// What a pixel reads of a smooth warm shape: the shape's mean over the pixel's square (a thermopile pixel integrates
/// the radiation arriving from its whole footprint). Coordinates are in pixels: pixel (column c, row r) covers
/// [c, c+1) x [r, r+1), so the centre of the first pixel is (0.5, 0.5). Shapes are separable (an axis-aligned
/// Gaussian ellipse, a box with blurred edges), so a shape costs Width + Height closed-form cell means and one pass
/// over the pixels; nothing is allocated.
/// </summary>
internal static class Footprint
{
    private const double InverseSqrt2 = 0.70710678118654752;
    private const double InverseSqrt2Pi = 0.39894228040143268;
    private const double Sqrt2Pi = 2.5066282746310002;

    // Beyond 6 sigma a Gaussian tail is below 1e-8 of its peak: nothing a sensor could show.
    private const double Reach = 6;

    /// <summary>The widest array the engine takes (32x32): the bound of the per-call stack buffers.</summary>
    private const int MaxSide = 32;

    /// <summary>
    /// The error function, by the classic five-term rational approximation in t = 1/(1 + p|x|) times exp(-x²)
    /// (absolute error below 2e-7: a millionth of a degree on these contrasts).
    /// </summary>
    public static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.3275911 * z));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var value = 1.0 - (poly * Math.Exp(-z * z));
        return x < 0 ? -value : value;
    }

    /// <summary>The standard normal cumulative distribution.</summary>
    public static double Phi(double z) => 0.5 * (1.0 + Erf(z * InverseSqrt2));

    /// <summary>An antiderivative of <see cref="Phi"/>: d/du (u Φ(u) + φ(u)) = Φ(u).</summary>
    private static double PhiIntegral(double u) => (u * Phi(u)) + (InverseSqrt2Pi * Math.Exp(-0.5 * u * u));

    /// <summary>Mean over the cell [cell, cell+1) of exp(-(x - centre)² / 2σ²).</summary>
    public static double GaussianCell(int cell, double centre, double sigma)
    {
        var low = (cell - centre) / sigma;
        var high = (cell + 1 - centre) / sigma;
        if (high < -Reach || low > Reach)
        {
            return 0;
        }

        return sigma * Sqrt2Pi * (Phi(high) - Phi(low));
    }

    /// <summary>The mean a pixel reads of a unit Gaussian of this sigma centred on the pixel's centre.</summary>
    public static double CentredGaussianCell(double sigma) => GaussianCell(0, 0.5, sigma);

    /// <summary>Mean over the cell [cell, cell+1) of a unit box [from, to) whose edges are blurred by a Gaussian of <paramref name="blur"/>.</summary>
    public static double SoftBoxCell(int cell, double from, double to, double blur)
    {
        if (cell + 1 < from - (Reach * blur) || cell > to + (Reach * blur))
        {
            return 0;
        }

        // The blurred box is Φ((x - from)/blur) - Φ((x - to)/blur); its cell mean follows from PhiIntegral.
        var rising = PhiIntegral((cell + 1 - from) / blur) - PhiIntegral((cell - from) / blur);
        var falling = PhiIntegral((cell + 1 - to) / blur) - PhiIntegral((cell - to) / blur);
        return blur * (rising - falling);
    }

    /// <summary>Adds an axis-aligned Gaussian ellipse with surface peak <paramref name="amplitude"/> °C.</summary>
    public static void AddGaussian(Span<float> pixels, int width, int height, double x, double y, double sigmaX, double sigmaY, double amplitude)
    {
        Span<double> columns = stackalloc double[MaxSide];
        Span<double> rows = stackalloc double[MaxSide];
        for (var c = 0; c < width; c++)
        {
            columns[c] = GaussianCell(c, x, sigmaX);
        }

        for (var r = 0; r < height; r++)
        {
            rows[r] = GaussianCell(r, y, sigmaY);
        }

        Add(pixels, width, height, columns, rows, amplitude);
    }

    /// <summary>Adds a box [x0, x1) x [y0, y1) of surface contrast <paramref name="amplitude"/> °C, edges blurred by <paramref name="blur"/> pixels.</summary>
    public static void AddSoftBox(Span<float> pixels, int width, int height, double x0, double y0, double x1, double y1, double blur, double amplitude)
    {
        Span<double> columns = stackalloc double[MaxSide];
        Span<double> rows = stackalloc double[MaxSide];
        for (var c = 0; c < width; c++)
        {
            columns[c] = SoftBoxCell(c, x0, x1, blur);
        }

        for (var r = 0; r < height; r++)
        {
            rows[r] = SoftBoxCell(r, y0, y1, blur);
        }

        Add(pixels, width, height, columns, rows, amplitude);
    }

    private static void Add(Span<float> pixels, int width, int height, Span<double> columns, Span<double> rows, double amplitude)
    {
        for (var r = 0; r < height; r++)
        {
            var rowWeight = rows[r] * amplitude;
            if (rowWeight == 0)
            {
                continue;
            }

            var offset = r * width;
            for (var c = 0; c < width; c++)
            {
                pixels[offset + c] += (float)(rowWeight * columns[c]);
            }
        }
    }
}
