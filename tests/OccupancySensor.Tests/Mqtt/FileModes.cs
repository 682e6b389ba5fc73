namespace OccupancySensor.Tests.Mqtt;

/// <summary>Unix permissions for the broker's files (mosquitto run as root reads them as the user "mosquitto").</summary>
internal static class FileModes
{
    /// <summary>Sets <paramref name="path"/> to the octal <paramref name="mode"/>, e.g. "755"; nothing on Windows, which has no such modes.</summary>
    public static void Set(string path, string mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        }
    }
}
