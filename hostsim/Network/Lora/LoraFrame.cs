using OccupancySensor.Lorawan.Airtime;

namespace OccupancySensor.HostSim.Network.Lora;

/// <summary>
/// One packet on the simulated channel as the gateway logs it: who sent it (uplinks) or for whom (downlinks), when it
/// started on the sending unit's simulated clock, where and how it went, and its PHY payload. An uplink sent while
/// the gateway could not hear the unit (a coverage-loss window) is kept with <see cref="Heard"/> false.
/// </summary>
public sealed record LoraFrame(
    string DeviceId,
    bool Uplink,
    long StartMilliseconds,
    int FrequencyHz,
    int DataRate,
    int SpreadingFactor,
    int BandwidthHz,
    long AirtimeMicroseconds,
    bool Heard,
    byte[] Phy)
{
    /// <summary>The end of the packet, from which receive windows count (rounded up to the millisecond, as the device does).</summary>
    public long EndMilliseconds => TimeOnAir.EndMilliseconds(StartMilliseconds, AirtimeMicroseconds);
}

/// <summary>
/// A session the network server started with a join accept: the nonces and NetID the keys were derived from
/// (LoRaWAN 1.0.x), and the keys.
/// </summary>
public sealed record LoraSession(string DeviceId, long StartMilliseconds, int AppNonce, int DevNonce, uint DevAddr, byte[] NwkSKey, byte[] AppSKey);
