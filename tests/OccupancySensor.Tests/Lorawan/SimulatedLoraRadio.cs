using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>One packet the device put on the air.</summary>
internal sealed record Transmission(long Start, int FrequencyHz, int SpreadingFactor, int BandwidthHz, byte[] Bytes)
{
    public string Hex => Convert.ToHexString(Bytes).ToLowerInvariant();

    public long AirtimeMicroseconds => TimeOnAir.Microseconds(LoraModulation.LorawanUplink(SpreadingFactor, BandwidthHz), Bytes.Length, LoraChip.Sx127x);

    // The gateway timestamps the end of the packet; receive windows count from it.
    public long End => TimeOnAir.EndMilliseconds(Start, AirtimeMicroseconds);
}

/// <summary>A receive window the device opened.</summary>
internal sealed record Window(long OpensAt, int FrequencyHz, int SpreadingFactor, int BandwidthHz, bool Crc);

/// <summary>
/// The simulated channel for the end-device tests: captures every transmission with the time it started, and
/// delivers a downlink only if the device listens at exactly the time, frequency and data rate it was sent for, as a
/// real receive window would (a window at the wrong moment or setting hears nothing).
/// </summary>
internal sealed class SimulatedLoraRadio : ILoraRadio
{
    private readonly ScheduledDownlinks _scheduled = new();

    public long Now { get; set; }

    public List<Transmission> Transmissions { get; } = new();

    public List<Window> Windows { get; } = new();

    /// <summary>Per window of <see cref="Windows"/>, the time the device handed it to the radio.</summary>
    public List<long> HandedAt { get; } = new();

    /// <summary>Called for each transmission, so a network in the test can answer it.</summary>
    public Action<Transmission>? OnTransmit { get; set; }

    public bool FailNextTransmit { get; set; }

    public int LastSnr { get; set; } = 7;

    public int Delivered { get; private set; }

    public bool Transmit(int frequencyHz, LoraModulation modulation, byte[] buffer, int length)
    {
        if (FailNextTransmit)
        {
            FailNextTransmit = false;
            return false;
        }

        Assert.True(modulation.Crc && modulation.ExplicitHeader && modulation.CodingRate == 1 && modulation.PreambleSymbols == 8,
            "uplinks go out with CRC, explicit header, CR 4/5 and 8 preamble symbols");
        var transmission = new Transmission(Now, frequencyHz, modulation.SpreadingFactor, modulation.BandwidthHz, buffer[..length]);
        Transmissions.Add(transmission);
        OnTransmit?.Invoke(transmission);
        return true;
    }

    public int Receive(int frequencyHz, LoraModulation modulation, long opensAtMilliseconds, byte[] buffer)
    {
        Windows.Add(new Window(opensAtMilliseconds, frequencyHz, modulation.SpreadingFactor, modulation.BandwidthHz, modulation.Crc));
        HandedAt.Add(Now);
        if (!_scheduled.TryTake(opensAtMilliseconds, frequencyHz, modulation.SpreadingFactor, modulation.BandwidthHz, buffer, out var length))
        {
            return 0;
        }

        Delivered++;
        return length;
    }

    public void Schedule(long opensAt, int frequencyHz, int spreadingFactor, int bandwidthHz, byte[] frame) =>
        _scheduled.Add(opensAt, frequencyHz, spreadingFactor, bandwidthHz, frame);
}
