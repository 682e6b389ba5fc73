namespace OccupancySensor.HostSim.Replay;

/// <summary>A thermal array's geometry and plausible range, as a recording names it (--size WxH) or implies it.</summary>
public sealed record FrameSize(int Width, int Height, float MinimumCelsius, float MaximumCelsius)
{
    // MLX9064x arrays measure -40 to 300 °C; larger custom arrays are given the same range.
    private const float MlxMinimumCelsius = -40f;
    private const float MlxMaximumCelsius = 300f;

    public int Pixels => Width * Height;

    public override string ToString() => $"{Width}x{Height}";

    /// <summary>The array a recording of <paramref name="pixels"/> pixels comes from: 8x8 AMG8833, 16x12 MLX90641, 32x24 MLX90640, 32x32.</summary>
    public static FrameSize? FromPixelCount(int pixels) => pixels switch
    {
        64 => Amg8833,
        192 => Mlx(16, 12),
        768 => Mlx(32, 24),
        1024 => Mlx(32, 32),
        _ => null,
    };

    /// <summary>Parses "WxH" (for example 16x12); null when it is not a size the engine takes (1x1 to 32x32).</summary>
    public static FrameSize? Parse(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var width) || !int.TryParse(parts[1], out var height) ||
            width < 1 || height < 1 || width > 32 || height > 32)
        {
            return null;
        }

        return FromPixelCount(width * height) is { } known && known.Width == width ? known : Mlx(width, height);
    }

    private static FrameSize Mlx(int width, int height) => new(width, height, MlxMinimumCelsius, MlxMaximumCelsius);

    /// <summary>The AMG8833's range as the firmware's driver accepts it.</summary>
    public static FrameSize Amg8833 { get; } = new(8, 8, Sensors.Amg8833.Amg8833.MinimumPlausibleCelsius, Sensors.Amg8833.Amg8833.MaximumPlausibleCelsius);
}
