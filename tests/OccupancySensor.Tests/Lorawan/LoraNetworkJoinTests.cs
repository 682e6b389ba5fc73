using System.Buffers.Binary;
using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Lorawan.Frames;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// The simulated network server's joins (<see cref="LoraNetwork"/>): the units of a floor reach it from their own
/// threads, in whatever order the threads happen to run, so what it gives each device (DevAddr, AppNonce, and with
/// them the session keys) and the capture it writes must follow from the devices alone, never from that order.
/// </summary>
public class LoraNetworkJoinTests
{
    // 07:30 on the units' clocks: every unit of a floor boots and joins at the same simulated moment.
    private const long DayStart = 27_000_000;

    private static readonly string[] DeviceIds = { "hq-f3-door-1", "hq-f3-meet-1", "hq-f3-pod-01", "hq-f3-pod-02" };

    private static readonly uint NwkId = LoraNetwork.NetId & 0x7F;

    /// <summary>A network with the floor's devices registered in floor order, as FloorSimulation registers them.</summary>
    private static (LoraNetwork Network, Dictionary<string, ChannelRadio> Radios) Floor()
    {
        var network = new LoraNetwork();
        var radios = DeviceIds.Select((id, i) => network.Attach(LoraDeviceKeys.For(id, i + 1, 1), new SimulatedClock(DayStart)))
            .ToDictionary(r => r.Keys.DeviceId);
        return (network, radios);
    }

    private static void Join(ChannelRadio radio, int devNonce)
    {
        var mac = new AesCmac();
        mac.SetKey(radio.Keys.AppKey, 0);
        var request = new JoinRequestBuilder();
        var length = request.Build(radio.Keys.JoinEui, radio.Keys.DevEui, devNonce, mac);
        radio.Transmit(868_100_000, LoraModulation.LorawanUplink(7, 125_000), request.Frame, length);
    }

    /// <summary>The floor's devices each join once, at the same moment, in <paramref name="order"/>.</summary>
    private static LoraNetwork JoinedIn(IEnumerable<string> order)
    {
        var (network, radios) = Floor();
        foreach (var id in order)
        {
            Join(radios[id], 0);
        }

        return network;
    }

    private static string Capture(LoraNetwork network)
    {
        var text = new StringWriter();
        LoraCaptureFile.Write(text, network);
        return text.ToString();
    }

    [Fact]
    public void Every_device_gets_the_same_DevAddr_AppNonce_and_keys_whichever_joins_first()
    {
        var forward = JoinedIn(DeviceIds).Sessions;
        var backward = JoinedIn(Enumerable.Reverse(DeviceIds)).Sessions;
        Assert.Equal(DeviceIds.Length, forward.Count);
        Assert.Equal(DeviceIds.Length, backward.Count);
        foreach (var id in DeviceIds)
        {
            var a = forward.Single(s => s.DeviceId == id);
            var b = backward.Single(s => s.DeviceId == id);
            Assert.Equal(a.AppNonce, b.AppNonce);
            Assert.Equal(a.DevAddr, b.DevAddr);
            Assert.Equal(a.NwkSKey, b.NwkSKey);
            Assert.Equal(a.AppSKey, b.AppSKey);
        }

        // Still a network's addresses: one per device, each under the NetID's NwkID (its top 7 bits, LoRaWAN 1.0.x).
        Assert.Equal(DeviceIds.Length, forward.Select(s => s.DevAddr).Distinct().Count());
        Assert.All(forward, s => Assert.Equal(NwkId, s.DevAddr >> 25));

        // The same, written out for this network's NetID 0x000013: NwkID 0x13 in the top 7 bits is 0x26 or 0x27.
        Assert.Equal(0x000013, LoraNetwork.NetId);
        Assert.All(forward, s => Assert.Contains(s.DevAddr >> 24, new[] { 0x26u, 0x27u }));
        Assert.All(forward, s => Assert.InRange(s.AppNonce, 0, 0xFF_FFFF));
    }

    [Fact]
    public void The_capture_is_the_same_whichever_unit_reaches_the_network_first()
    {
        var forward = JoinedIn(DeviceIds);
        Assert.Equal(DeviceIds.Length, forward.Frames.Count(f => f.Uplink));
        Assert.Equal(DeviceIds.Length, forward.Frames.Count(f => !f.Uplink));
        Assert.Equal(Capture(forward), Capture(JoinedIn(Enumerable.Reverse(DeviceIds))));
    }

    [Fact]
    public void A_rejoin_keeps_the_DevAddr_and_gets_a_greater_AppNonce_and_new_keys()
    {
        var (network, radios) = Floor();
        var radio = radios[DeviceIds[0]];
        Join(radio, 0);
        Join(radio, 1);
        var sessions = network.Sessions;
        Assert.Equal(2, sessions.Count);
        Assert.Equal(sessions[0].DevAddr, sessions[1].DevAddr);
        Assert.True(sessions[1].AppNonce > sessions[0].AppNonce, "LoRaWAN 1.0.4 counts the AppNonce up with every join accept");
        Assert.NotEqual(sessions[0].NwkSKey, sessions[1].NwkSKey);
        Assert.NotEqual(sessions[0].AppSKey, sessions[1].AppSKey);
    }

    [Fact]
    public void Two_devices_whose_hashed_addresses_clash_still_get_distinct_DevAddrs()
    {
        // Search DevEUIs in order for the first pair whose first-choice DevAddr is the same (a birthday clash of
        // 25 bits: a few thousand DevEUIs).
        var firstChoice = new Dictionary<uint, byte[]>();
        byte[]? earlier = null, later = null;
        for (ulong n = 0; n < 1_000_000 && earlier == null; n++)
        {
            var devEui = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(devEui, 0x70B3D57ED0060000UL + n);
            var address = JoinDerivation.DevAddr(devEui, LoraNetwork.NetId, 0);
            if (firstChoice.TryGetValue(address, out var other))
            {
                (earlier, later) = (other, devEui);
                continue;
            }

            firstChoice.Add(address, devEui);
        }

        Assert.True(earlier != null && later != null, "no two of a million DevEUIs share a first-choice DevAddr: has the hash changed?");

        var network = new LoraNetwork();
        var radios = new[] { earlier, later }
            .Select((devEui, i) => network.Attach(new LoraDeviceKeys("clash-" + i, devEui, LoraDeviceKeys.SimulatedJoinEui, new byte[16]), new SimulatedClock(DayStart)))
            .ToArray();
        Join(radios[1], 0);
        Join(radios[0], 0);
        var sessions = radios.Select(r => network.Sessions.Single(s => s.DeviceId == r.Keys.DeviceId)).ToArray();
        Assert.Equal(JoinDerivation.DevAddr(earlier, LoraNetwork.NetId, 0), sessions[0].DevAddr);
        Assert.NotEqual(sessions[0].DevAddr, sessions[1].DevAddr);
        Assert.All(sessions, s => Assert.Equal(NwkId, s.DevAddr >> 25));
    }
}
