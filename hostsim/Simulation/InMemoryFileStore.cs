using OccupancySensor.Hardware;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// A unit's flash in memory, with an optional capacity: a write that would exceed it throws IOException, as a full
/// littlefs drive does.
/// </summary>
public sealed class InMemoryFileStore : IFileStore
{
    private readonly Dictionary<string, List<byte>> _files = new(StringComparer.Ordinal);

    public InMemoryFileStore(long capacityBytes = long.MaxValue) => CapacityBytes = capacityBytes;

    public long CapacityBytes { get; set; }

    public long BytesWritten { get; private set; }

    public long UsedBytes => _files.Values.Sum(f => (long)f.Count);

    public int FileCount => _files.Count;

    public bool Exists(string name) => _files.ContainsKey(name);

    public long GetLength(string name) => _files.TryGetValue(name, out var file) ? file.Count : 0;

    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            throw new FileNotFoundException("no such file", name);
        }

        var available = (int)Math.Max(0, Math.Min(count, file.Count - position));
        file.CopyTo((int)position, buffer, offset, available);
        return available;
    }

    public void Append(string name, byte[] buffer, int offset, int count)
    {
        EnsureSpace(count);
        if (!_files.TryGetValue(name, out var file))
        {
            _files[name] = file = new List<byte>();
        }

        file.AddRange(buffer.AsSpan(offset, count).ToArray());
        BytesWritten += count;
    }

    public void WriteAll(string name, byte[] buffer, int offset, int count)
    {
        EnsureSpace(count - GetLength(name));
        _files[name] = new List<byte>(buffer.AsSpan(offset, count).ToArray());
        BytesWritten += count;
    }

    public void Truncate(string name, long length)
    {
        if (_files.TryGetValue(name, out var file) && file.Count > length)
        {
            file.RemoveRange((int)length, file.Count - (int)length);
        }
    }

    public void Delete(string name) => _files.Remove(name);

    /// <summary>Writes a text file, as nanoff --filedeployment would.</summary>
    public void Deploy(string name, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        WriteAll(name, bytes, 0, bytes.Length);
    }

    private void EnsureSpace(long extra)
    {
        if (UsedBytes + extra > CapacityBytes)
        {
            throw new IOException("flash full");
        }
    }
}
