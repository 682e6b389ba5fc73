using OccupancySensor.Hardware;

namespace OccupancySensor.Tests.Storage;

/// <summary>
/// Flash that loses power after a budget of written bytes: the append that crosses the budget writes only the bytes
/// that fit (a torn record) and throws, and from then on every operation throws, as on a dead device. What was
/// written survives in <see cref="Files"/>, for the next boot. Deletes and truncations are atomic (littlefs commits
/// metadata atomically); they cost no budget.
/// </summary>
internal sealed class PowerCutFileStore : IFileStore
{
    private long _budget;

    public PowerCutFileStore(Dictionary<string, List<byte>>? files = null, long budget = long.MaxValue, long capacity = long.MaxValue)
    {
        Files = files ?? new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        _budget = budget;
        Capacity = capacity;
    }

    /// <summary>The flash content, which outlives the store (a reboot makes a new store over it).</summary>
    public Dictionary<string, List<byte>> Files { get; }

    /// <summary>Total bytes the flash holds before an append fails as full.</summary>
    public long Capacity { get; set; }

    public bool IsCut { get; private set; }

    public long BytesWritten { get; private set; }

    public bool Exists(string name)
    {
        Alive();
        return Files.ContainsKey(name);
    }

    public long GetLength(string name)
    {
        Alive();
        return Files.TryGetValue(name, out var file) ? file.Count : 0;
    }

    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        Alive();
        if (!Files.TryGetValue(name, out var file))
        {
            throw new FileNotFoundException(name);
        }

        var available = (int)Math.Max(0, Math.Min(count, file.Count - position));
        file.CopyTo((int)position, buffer, offset, available);
        return available;
    }

    public void Append(string name, byte[] buffer, int offset, int count)
    {
        Alive();
        if (Files.Values.Sum(f => (long)f.Count) + count > Capacity)
        {
            throw new IOException("flash full");
        }

        if (!Files.TryGetValue(name, out var file))
        {
            Files[name] = file = new List<byte>();
        }

        var fits = (int)Math.Min(count, _budget);
        file.AddRange(buffer.AsSpan(offset, fits).ToArray());
        BytesWritten += fits;
        _budget -= fits;
        if (fits < count)
        {
            IsCut = true;
            throw new IOException("power cut");
        }
    }

    public void WriteAll(string name, byte[] buffer, int offset, int count) => throw new NotSupportedException("the log never rewrites a file");

    public void Truncate(string name, long length)
    {
        Alive();
        if (Files.TryGetValue(name, out var file) && file.Count > length)
        {
            file.RemoveRange((int)length, file.Count - (int)length);
        }
    }

    public void Delete(string name)
    {
        Alive();
        Files.Remove(name);
    }

    private void Alive()
    {
        if (IsCut)
        {
            throw new IOException("no power");
        }
    }
}
