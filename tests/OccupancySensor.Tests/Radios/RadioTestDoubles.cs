using OccupancySensor.Hardware;

namespace OccupancySensor.Tests.Radios;

/// <summary>A millisecond clock that only moves when the driver waits.</summary>
internal sealed class ManualClock : IClock
{
    public long NowMilliseconds { get; set; } = 1_000;
}

/// <summary>The driver's waits: each advances the manual clock at once, and is recorded with the time it began.</summary>
internal sealed class AdvancingDelay : IDelay
{
    private readonly ManualClock _clock;

    public AdvancingDelay(ManualClock clock)
    {
        _clock = clock;
    }

    public bool Record { get; set; } = true;

    public List<(long At, int Milliseconds)> Waits { get; } = new();

    public void Wait(int milliseconds)
    {
        if (Record)
        {
            Waits.Add((_clock.NowMilliseconds, milliseconds));
        }

        if (milliseconds > 0)
        {
            _clock.NowMilliseconds += milliseconds;
        }
    }
}

/// <summary>A reset line that records its levels with the time they were set.</summary>
internal sealed class RecordingOutput : IDigitalOutput
{
    private readonly ManualClock _clock;

    public RecordingOutput(ManualClock clock)
    {
        _clock = clock;
    }

    public List<(long At, bool High)> Levels { get; } = new();

    public void Write(bool high) => Levels.Add((_clock.NowMilliseconds, high));
}

/// <summary>One SPI frame the driver sent: the bytes clocked out, and whether it was a read (full duplex).</summary>
internal sealed record SpiFrame(byte[] Out, bool Exchange, long At)
{
    public string Hex => Convert.ToHexString(Out);
}
