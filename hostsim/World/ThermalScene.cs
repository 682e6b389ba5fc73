namespace OccupancySensor.HostSim.World;

/// <summary>
/// How a ceiling-mounted 8x8 array at about 2.7 m sees a room: a floor at room temperature with fixed per-pixel
/// offsets (the array's non-uniformity), people as warm blobs of a pixel or two, and temporal noise of about
/// 0.3 °C (the AMG8833's datasheet noise). The chip model quantises the result to 0.25 °C.
/// </summary>
public sealed class ThermalScene
{
    // A seated person seen from 2.7 m covers one to two 0.4 m pixels; clothing and hair leave 3-5 °C of contrast.
    private const float PersonContrastCelsius = 4.0f;
    private const float PersonSigmaPixels = 0.65f;
    private const float NoiseCelsius = 0.3f;

    private readonly float[] _fixedOffsets = new float[64];
    private readonly Random _random;

    public ThermalScene(int seed)
    {
        _random = new Random(seed);
        for (var i = 0; i < _fixedOffsets.Length; i++)
        {
            _fixedOffsets[i] = (float)((_random.NextDouble() - 0.5) * 0.6);
        }
    }

    /// <summary>Renders the view at <paramref name="time"/> into <paramref name="pixels"/>.</summary>
    public void Render(float roomCelsius, IEnumerable<Occupant> occupants, TimeSpan time, float[] pixels)
    {
        for (var i = 0; i < 64; i++)
        {
            pixels[i] = roomCelsius + _fixedOffsets[i] + (float)(Gaussian() * NoiseCelsius);
        }

        foreach (var occupant in occupants)
        {
            if (!occupant.IsPresent(time))
            {
                continue;
            }

            for (var p = 0; p < occupant.People; p++)
            {
                // A group sits around its centre, one person a pixel and a half apart.
                var column = occupant.Column + (p % 2 == 0 ? -0.75f : 0.75f) * (occupant.People > 1 ? 1 : 0);
                var row = occupant.Row + (p / 2) * 1.5f - (occupant.People > 2 ? 0.75f : 0);
                AddBlob(pixels, column, row);
            }
        }
    }

    private static void AddBlob(float[] pixels, float column, float row)
    {
        for (var r = 0; r < 8; r++)
        {
            for (var c = 0; c < 8; c++)
            {
                var dc = c + 0.5f - column;
                var dr = r + 0.5f - row;
                var weight = MathF.Exp(-((dc * dc) + (dr * dr)) / (2 * PersonSigmaPixels * PersonSigmaPixels));
                pixels[(r * 8) + c] += PersonContrastCelsius * weight;
            }
        }
    }

    private double Gaussian()
    {
        // Box-Muller: deterministic for the scene's seed.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
