namespace OccupancySensor.Tests.TestSupport;

/// <summary>
/// The checkout this test assembly was built from, found upwards from the test binaries, so tests can read the
/// repository's own files (codecs, the npm test peers, the firmware the compile gate copies).
/// </summary>
internal static class Repository
{
    /// <summary>The folder holding Firmware.sln.</summary>
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "Firmware.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("Firmware.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A path inside the checkout, from its parts (for example "tests", "peers").</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
