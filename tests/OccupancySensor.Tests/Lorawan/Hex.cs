namespace OccupancySensor.Tests.Lorawan;

/// <summary>Hex strings in tests and peer messages (spaces allowed, any case).</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty));

    public static string Of(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static string Of(byte[] bytes, int offset, int count) => Convert.ToHexString(bytes, offset, count).ToLowerInvariant();
}
