using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.NanoGate;

/// <summary>A throw-away copy of the parts of the repository the compile gate reads, for tests that break it on purpose.</summary>
internal sealed class RepositoryCopy : IDisposable
{
    public RepositoryCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "gate-" + Guid.NewGuid().ToString("N"));
        Copy(Repository.PathOf("firmware"), Path.Combine(Root, "firmware"));
        Copy(Repository.PathOf("tests", "nanoframework-surfaces"), Path.Combine(Root, "tests", "nanoframework-surfaces"));
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
