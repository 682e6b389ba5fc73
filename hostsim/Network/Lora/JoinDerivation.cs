using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OccupancySensor.HostSim.Network.Lora;

/// <summary>
/// What the simulated network server puts in a device's join accepts, derived from the device's DevEUI alone
/// (SHA-256): units join from their own threads, so values handed out in arrival order would change the session keys,
/// and with them every frame of a capture, from one run of the same seed to the next.
/// </summary>
internal static class JoinDerivation
{
    // DevAddr = NwkID (7 bits) | NwkAddr (25 bits), LoRaWAN 1.0.x 6.1.1; for a type 0 NetID such as the network's,
    // the same split as the AddrPrefix of the LoRaWAN backend interfaces.
    private const int NwkAddrBits = 25;
    private const uint NwkAddrMask = (1u << NwkAddrBits) - 1;
    private const int NwkIdMask = 0x7F;

    // The first AppNonce stays in the lower half of its 24 bits, so counting up from it never wraps round to a
    // smaller value that a device checking for a growing JoinNonce would refuse.
    private const int FirstAppNonceMask = 0x7F_FFFF;
    private const int AppNonceMask = 0xFF_FFFF;

    /// <summary>
    /// The DevAddr to offer <paramref name="devEui"/>: the NetID's NwkID in the top 7 bits, hashed bits below. When
    /// another device already has it, the network asks again with the next <paramref name="probe"/>.
    /// </summary>
    public static uint DevAddr(byte[] devEui, int netId, int probe) =>
        ((uint)(netId & NwkIdMask) << NwkAddrBits) | (Hash("dev_addr", devEui, probe) & NwkAddrMask);

    /// <summary>
    /// The AppNonce of the device's join accept number <paramref name="joins"/> (0 for the first): a per-device counter
    /// from a hashed start, as LoRaWAN 1.0.4 (6.2.6) has the JoinNonce grow with every join accept and never repeat.
    /// </summary>
    public static int AppNonce(byte[] devEui, int joins) =>
        ((int)(Hash("app_nonce", devEui, 0) & FirstAppNonceMask) + joins) & AppNonceMask;

    private static uint Hash(string purpose, byte[] devEui, int counter)
    {
        var label = Encoding.ASCII.GetBytes("occupancy-sensor lorawan " + purpose);
        var input = new byte[label.Length + devEui.Length + sizeof(int)];
        label.CopyTo(input, 0);
        devEui.CopyTo(input, label.Length);
        BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(label.Length + devEui.Length), counter);
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
