using OccupancySensor.Hardware;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;

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

/// <summary>The same exchanges run through either driver.</summary>
internal static class RadioExercise
{
    /// <summary>Start, then a 2-byte uplink at SF7 and a receive window expecting the chip's next packet (2 bytes).</summary>
    public static (bool Started, bool Sent, int Received) StartSendReceive(Func<bool> start, ILoraRadio radio, ManualClock clock)
    {
        bool started = start();
        bool sent = started && radio.Transmit(868100000, LoraModulation.LorawanUplink(7, 125000), new byte[] { 1, 2 }, 2);
        int received = sent ? radio.Receive(868100000, LoraModulation.LorawanDownlink(7, 125000), clock.NowMilliseconds, new byte[64]) : 0;
        return (started, sent, received);
    }

    /// <summary>Bytes allocated over 20 transmit + receive pairs at SF9, after one warm-up pair (the JIT's own).</summary>
    public static long AllocatedOverTwentyExchanges(ILoraRadio radio, ManualClock clock)
    {
        byte[] payload = new byte[51];
        byte[] buffer = new byte[255];
        var uplink = LoraModulation.LorawanUplink(9, 125000);
        var downlink = LoraModulation.LorawanDownlink(9, 125000);
        radio.Transmit(868100000, uplink, payload, payload.Length);
        radio.Receive(868100000, downlink, clock.NowMilliseconds, buffer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            radio.Transmit(868100000, uplink, payload, payload.Length);
            radio.Receive(868100000, downlink, clock.NowMilliseconds + 1000, buffer);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
