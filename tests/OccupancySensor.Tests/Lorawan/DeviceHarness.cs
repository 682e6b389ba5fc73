using System.Text.Json.Nodes;
using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;
using OccupancySensor.Lorawan.Regions;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// One end device on the simulated channel, with lora-packet (node) as its network server: the device's clock is
/// <see cref="Now"/>, moved to whatever time <see cref="ClassADevice.Step"/> asks for next.
/// </summary>
internal sealed class DeviceHarness : ILorawanListener
{
    public const string AppKey = "5a1e6b0c3d2f4e8a9b7c6d5e4f3a2b1c";
    public static readonly byte[] DevEui = Convert.FromHexString("70B3D57ED0051234");
    public static readonly byte[] JoinEui = Convert.FromHexString("70B3D57ED0000001");

    public DeviceHarness(LorawanRegion region, IFileStore? flash = null, int seed = 1)
    {
        Flash = flash ?? new InMemoryFileStore();
        Radio = new SimulatedLoraRadio();
        Device = new ClassADevice(region, Radio, new LorawanStateStore(Flash), LoraChip.Sx127x, DevEui, JoinEui, Convert.FromHexString(AppKey), seed)
        {
            Listener = this,
        };
    }

    public IFileStore Flash { get; }

    public SimulatedLoraRadio Radio { get; }

    public ClassADevice Device { get; }

    public long Now { get; set; } = 1_000;

    public List<uint> Joined { get; } = new();

    public List<(uint Counter, bool Sent, bool Confirmed, bool Acknowledged)> Done { get; } = new();

    public List<(int Port, byte[] Payload)> Downlinks { get; } = new();

    /// <summary>Keys lora-packet derived for the session it accepted (hex), once joined.</summary>
    public string? NwkSKey { get; private set; }

    public string? AppSKey { get; private set; }

    void ILorawanListener.Joined(uint deviceAddress) => Joined.Add(deviceAddress);

    void ILorawanListener.UplinkDone(uint frameCounter, bool sent, bool confirmed, bool acknowledged) =>
        Done.Add((frameCounter, sent, confirmed, acknowledged));

    void ILorawanListener.DownlinkReceived(int port, byte[] payload, int length) => Downlinks.Add((port, payload[..length]));

    /// <summary>Steps the device until <paramref name="until"/> holds; <paramref name="idle"/> runs when it has nothing to do.</summary>
    public void Run(Func<bool> until, long limitMilliseconds, Action? idle = null)
    {
        var guard = 0;
        while (!until())
        {
            Assert.True(++guard < 1_000_000, "the device loops without progress");
            Radio.Now = Now;
            var due = Device.Step(Now);
            if (until())
            {
                return;
            }

            if (due == ClassADevice.NothingScheduled)
            {
                Assert.True(idle != null, "the device went idle before the condition held");
                idle!();
                Assert.True(Device.HasPendingUplink, "idle gave the device nothing to do");
                continue;
            }

            Assert.True(due >= Now, "Step asked to run in the past");
            Now = due;
            Assert.True(Now <= limitMilliseconds, "not done by " + limitMilliseconds + " ms");
        }
    }

    /// <summary>
    /// Answers the first join request that arrives with a join accept lora-packet builds (MIC checked by lora-packet
    /// first), in RX1 at <paramref name="rx1"/>'s frequency and modulation; returns the request's fields.
    /// </summary>
    public void AcceptJoins(Func<Transmission, (int FrequencyHz, int SpreadingFactor, int BandwidthHz)> rx1, uint devAddr,
                            string cfList = "", int dlSettings = 0, int rxDelay = 1, Func<int, bool>? answer = null)
    {
        var seen = 0;
        Radio.OnTransmit = t =>
        {
            if (t.Bytes[0] != 0x00)
            {
                return;
            }

            var request = NodePeer.Run("lora-peer.js", new JsonObject { ["op"] = "join-request", ["appKey"] = AppKey, ["hex"] = t.Hex });
            Assert.True((bool)request["micOk"]!, "lora-packet rejects the join request MIC");
            Assert.Equal(Convert.ToHexString(JoinEui).ToLowerInvariant(), (string?)request["appEui"]);
            Assert.Equal(Convert.ToHexString(DevEui).ToLowerInvariant(), (string?)request["devEui"]);
            if (answer != null && !answer(seen++))
            {
                return;
            }

            var accept = NodePeer.Run("lora-peer.js", new JsonObject
            {
                ["op"] = "join-accept",
                ["appKey"] = AppKey,
                ["appNonce"] = "00a1b2",
                ["netId"] = "000013",
                ["devAddr"] = devAddr.ToString("x8"),
                ["dlSettings"] = dlSettings,
                ["rxDelay"] = rxDelay,
                ["cfList"] = cfList,
                ["devNonce"] = (string)request["devNonce"]!,
            });
            NwkSKey = (string)accept["nwkSKey"]!;
            AppSKey = (string)accept["appSKey"]!;
            var (frequency, sf, bw) = rx1(t);
            Radio.Schedule(t.End + ClassADevice.JoinAcceptDelay1, frequency, sf, bw, Convert.FromHexString((string)accept["hex"]!));
        };
    }

    /// <summary>lora-packet's view of data frames, with the session keys it derived.</summary>
    public JsonArray Verify(IEnumerable<Transmission> frames, uint counterBase = 0) =>
        NodePeer.Run("lora-peer.js", new JsonObject
        {
            ["op"] = "data-frames",
            ["nwkSKey"] = NwkSKey,
            ["appSKey"] = AppSKey,
            ["frames"] = new JsonArray(frames.Select(f => (JsonNode)new JsonObject { ["hex"] = f.Hex, ["fcnt"] = counterBase }).ToArray()),
        }).AsArray();

    /// <summary>Downlinks built by lora-packet for the joined session.</summary>
    public List<byte[]> BuildDownlinks(uint devAddr, IEnumerable<JsonObject> items) =>
        NodePeer.Run("lora-peer.js", new JsonObject
        {
            ["op"] = "downlinks",
            ["items"] = new JsonArray(items.Select(i =>
            {
                i["nwkSKey"] = NwkSKey;
                i["appSKey"] = AppSKey;
                i["devAddr"] = devAddr.ToString("x8");
                return (JsonNode)i;
            }).ToArray()),
        }).AsArray().Select(d => Convert.FromHexString((string)d!["hex"]!)).ToList();
}
