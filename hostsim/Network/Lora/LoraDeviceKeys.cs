using System.Security.Cryptography;
using System.Text;

namespace OccupancySensor.HostSim.Network.Lora;

/// <summary>
/// The OTAA identity of one simulated unit: DevEUI, JoinEUI and AppKey, as a network server holds them. Derived from
/// the device id and the run's seed (SHA-256), so a run is repeatable and no two units share a key.
/// </summary>
public sealed class LoraDeviceKeys
{
    /// <summary>The JoinEUI all simulated units use (an application of the simulator's).</summary>
    public static readonly byte[] SimulatedJoinEui = Convert.FromHexString("70B3D57ED0000001");

    public LoraDeviceKeys(string deviceId, byte[] devEui, byte[] joinEui, byte[] appKey)
    {
        DeviceId = deviceId;
        DevEui = devEui;
        JoinEui = joinEui;
        AppKey = appKey;
    }

    public string DeviceId { get; }

    /// <summary>Most significant byte first, as printed.</summary>
    public byte[] DevEui { get; }

    public byte[] JoinEui { get; }

    public byte[] AppKey { get; }

    public static LoraDeviceKeys For(string deviceId, int unitNumber, int seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("occupancy-sensor lorawan " + seed + " " + deviceId));
        var devEui = Convert.FromHexString("70B3D57ED0050000");
        devEui[6] = (byte)(unitNumber >> 8);
        devEui[7] = (byte)unitNumber;
        return new LoraDeviceKeys(deviceId, devEui, SimulatedJoinEui, hash[..16]);
    }
}
