using OccupancySensor.Hardware;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;

namespace OccupancySensor.HostSim.Network.Lora;

/// <summary>
/// The LoRa radio of one simulated unit: what its ClassADevice transmits goes into the shared channel at the unit's
/// simulated time; a receive window hears a downlink only when it opens at exactly the time, frequency and data
/// rate the network sent it for, as a real window would.
/// </summary>
public sealed class ChannelRadio : ILoraRadio
{
    private readonly LoraNetwork _network;
    private readonly IClock _clock;
    private readonly ScheduledDownlinks _scheduled = new();

    public ChannelRadio(LoraNetwork network, LoraDeviceKeys keys, IClock clock)
    {
        _network = network;
        Keys = keys;
        _clock = clock;
    }

    public LoraDeviceKeys Keys { get; }

    /// <summary>Whether the gateway hears this unit now (false in a coverage-loss window).</summary>
    public bool InCoverage { get; set; } = true;

    public int LastSnr => 5;

    public bool Transmit(int frequencyHz, LoraModulation modulation, byte[] buffer, int length)
    {
        _network.Transmit(this, _clock.NowMilliseconds, frequencyHz, modulation, buffer[..length]);
        return true;
    }

    public int Receive(int frequencyHz, LoraModulation modulation, long opensAtMilliseconds, byte[] buffer)
    {
        _scheduled.TryTake(opensAtMilliseconds, frequencyHz, modulation.SpreadingFactor, modulation.BandwidthHz, buffer, out var length);
        return length;
    }

    /// <summary>The network sends <paramref name="frame"/> for a window opening at <paramref name="opensAt"/>.</summary>
    internal void Schedule(long opensAt, int frequencyHz, int spreadingFactor, int bandwidthHz, byte[] frame) =>
        _scheduled.Add(opensAt, frequencyHz, spreadingFactor, bandwidthHz, frame);
}
