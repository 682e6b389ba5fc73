using OccupancySensor.HostSim.World.Synthetic;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>
/// How a ceiling unit's 8x8 array maps the floor: straight down from (<see cref="MountX"/>, <see cref="MountY"/>)
/// at <see cref="CeilingM"/>, 60° across (the AMG8833's field of view), columns along floor x and rows along floor y.
/// A pixel spans 2 (ceiling - h) tan 30° / 8 metres at height h: at 2.7 m about 0.39 m on the floor, 0.21 m at a
/// seated person's head (1.25 m) and 0.14 m at a standing person's (1.75 m). So a standing person near the edge of the
/// view is seen further out than the same person seated (perspective), and the lower the ceiling, the more pixels a
/// person covers and the warmer the warmest one reads. Pixel coordinates: pixel (c, r) covers [c, c+1) x [r, r+1).
/// </summary>
internal sealed class UnitProjection(double mountX, double mountY, double ceilingM)
{
    public const int Side = 8;

    /// <summary>
    /// The optics and the thermopiles' cross-talk spread a point over about a third of a pixel (Gaussian sigma):
    /// added in quadrature to every shape, keeping its heat.
    /// </summary>
    public const double OpticalBlurPixels = 0.35;

    private static readonly double TanHalfFov = Math.Tan(Math.PI / 6);

    public double MountX { get; } = mountX;

    public double MountY { get; } = mountY;

    public double CeilingM { get; } = ceilingM;

    /// <summary>Metres a pixel spans at height <paramref name="h"/> above the floor.</summary>
    public double PixelMetres(double h) => 2 * Math.Max(0.2, CeilingM - h) * TanHalfFov / Side;

    public (double U, double V) ToPixels(double x, double y, double h)
    {
        var p = PixelMetres(h);
        return ((Side / 2.0) + ((x - MountX) / p), (Side / 2.0) + ((y - MountY) / p));
    }

    /// <summary>Half the width of the view, metres, at height <paramref name="h"/>.</summary>
    public double HalfViewMetres(double h) => PixelMetres(h) * Side / 2;

    /// <summary>Whether a box on the floor plan comes within <paramref name="margin"/> metres of the view (at floor level, the widest).</summary>
    public bool Overlaps(double x0, double y0, double x1, double y1, double margin)
    {
        var half = HalfViewMetres(0) + margin;
        return x1 >= MountX - half && x0 <= MountX + half && y1 >= MountY - half && y0 <= MountY + half;
    }

    /// <summary>Adds a Gaussian blob given in pixels, widened by the optics (its heat kept).</summary>
    public static void AddBlob(Span<float> pixels, double u, double v, double sigmaU, double sigmaV, double contrast)
    {
        var blurredU = Math.Sqrt((sigmaU * sigmaU) + (OpticalBlurPixels * OpticalBlurPixels));
        var blurredV = Math.Sqrt((sigmaV * sigmaV) + (OpticalBlurPixels * OpticalBlurPixels));
        Footprint.AddGaussian(pixels, Side, Side, u, v, blurredU, blurredV, contrast * sigmaU * sigmaV / (blurredU * blurredV));
    }

    /// <summary>Adds a box on the floor plan at height <paramref name="h"/> with soft edges.</summary>
    public void AddBox(Span<float> pixels, double x0, double y0, double x1, double y1, double h, double edgeMetres, double contrast)
    {
        var (u0, v0) = ToPixels(x0, y0, h);
        var (u1, v1) = ToPixels(x1, y1, h);
        if (u1 < -3 || v1 < -3 || u0 > Side + 3 || v0 > Side + 3)
        {
            return;
        }

        var edge = edgeMetres / PixelMetres(h);
        var blur = Math.Sqrt((edge * edge) + (OpticalBlurPixels * OpticalBlurPixels));
        Footprint.AddSoftBox(pixels, Side, Side, u0, v0, u1, v1, blur, contrast);
    }
}
