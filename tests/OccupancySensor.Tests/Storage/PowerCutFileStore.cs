using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Simulation;

namespace OccupancySensor.Tests.Storage;

/// <summary>
/// The simulator's flash behind a power supply that fails after a budget of written bytes: the append that crosses
/// the budget writes only the bytes that fit (a torn record) and throws, and from then on every operation throws, as
/// on a dead device. The flash outlives the store: a reboot is a new store over the same <see cref="Flash"/>.
/// Deletes and truncations are atomic (littlefs commits metadata atomically) and cost no budget.
/// </summary>
internal sealed class PowerCutFileStore(InMemoryFileStore? flash = null, long budget = long.MaxValue) : IFileStore
{
    private long _budget = budget;

    public InMemoryFileStore Flash { get; } = flash ?? new InMemoryFileStore();

    public bool IsCut { get; private set; }

    public long BytesWritten { get; private set; }

    public bool Exists(string name) => Alive(() => Flash.Exists(name));

    public long GetLength(string name) => Alive(() => Flash.GetLength(name));

    public int Read(string name, long position, byte[] buffer, int offset, int count) =>
        Alive(() => Flash.Read(name, position, buffer, offset, count));

    public void Append(string name, byte[] buffer, int offset, int count)
    {
        Alive(() => true);
        var fits = (int)Math.Min(count, _budget);
        Flash.Append(name, buffer, offset, fits);
        BytesWritten += fits;
        _budget -= fits;
        if (fits < count)
        {
            IsCut = true;
            throw new IOException("power cut");
        }
    }

    public void WriteAll(string name, byte[] buffer, int offset, int count) => throw new NotSupportedException("the log never rewrites a file");

    public void Truncate(string name, long length) => Alive(() => { Flash.Truncate(name, length); return true; });

    public void Delete(string name) => Alive(() => { Flash.Delete(name); return true; });

    private T Alive<T>(Func<T> operation) => IsCut ? throw new IOException("no power") : operation();
}
