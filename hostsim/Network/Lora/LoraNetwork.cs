using System.Buffers.Binary;
using System.Security.Cryptography;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Lorawan.Frames;
using OccupancySensor.Lorawan.Regions;

namespace OccupancySensor.HostSim.Network.Lora;

/// <summary>
/// The simulated EU868 channel, one gateway and the network server behind it. Every packet a unit's radio sends is
/// logged (<see cref="Frames"/>) with the unit's simulated time, frequency and data rate; when the gateway hears the
/// unit, the network server answers a join request with a join accept in RX1 (5 s after the request, same channel
/// and data rate) and acknowledges a confirmed uplink in RX1 (1 s after it). The join accept is built here with the
/// project's own frame code (AES-CMAC MIC, session keys by SessionKeyDerivation) plus .NET's AES for the one step an
/// end device never needs, the join accept's encryption (AES decrypt); the tests check it all against lora-packet.
/// Units run on their own threads and clocks, so the network keeps its state under one lock, and what it hands a
/// device (DevAddr, AppNonce) follows from the device alone (<see cref="JoinDerivation"/>), never from which unit got
/// to the lock first; collisions between units are not modelled (each unit's packets reach the gateway whole).
/// </summary>
public sealed class LoraNetwork
{
    /// <summary>The NetID in join accepts (0x000013: The Things Network's, type 0).</summary>
    public const int NetId = 0x000013;

    /// <summary>
    /// The CFList of the join accepts, in hex: The Things Network's EU868 extra channels 867.1, 867.3, 867.5, 867.7 and
    /// 867.9 MHz (100 Hz units, 24-bit little-endian each), then CFList type 0.
    /// </summary>
    public const string TtnChannelListHex = "184f84e85684b85e84886684586e8400";

    private static readonly byte[] TtnChannelList = Convert.FromHexString(TtnChannelListHex);

    private readonly object _gate = new();
    private readonly Eu868Region _plan = new();
    private readonly List<LoraFrame> _frames = new();
    private readonly List<LoraSession> _sessions = new();
    private readonly Dictionary<string, ServerDevice> _byEui = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, ServerDevice> _byAddress = new();

    /// <summary>Every packet on the channel so far, in the order they were sent (each unit's in its time order).</summary>
    public IReadOnlyList<LoraFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return _frames.ToArray();
            }
        }
    }

    /// <summary>The sessions the network server started, with their keys.</summary>
    public IReadOnlyList<LoraSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions.ToArray();
            }
        }
    }

    /// <summary>The registered devices' keys.</summary>
    public IReadOnlyList<LoraDeviceKeys> Devices
    {
        get
        {
            lock (_gate)
            {
                return _byEui.Values.Select(d => d.Radio.Keys).ToArray();
            }
        }
    }

    /// <summary>
    /// Registers a unit with the network server (its keys provisioned), reserves its DevAddr and gives it its radio.
    /// The address is reserved here rather than at the join so that which unit joins first cannot matter. A DevAddr
    /// another device already has (a hash clash) moves to the next probe; the floor registers its units one at a time,
    /// in site order, before any of them runs, so even a clash is settled the same way every run.
    /// </summary>
    public ChannelRadio Attach(LoraDeviceKeys keys, OccupancySensor.Hardware.IClock clock)
    {
        var radio = new ChannelRadio(this, keys, clock);
        lock (_gate)
        {
            var probe = 0;
            var address = JoinDerivation.DevAddr(keys.DevEui, NetId, probe);
            while (_byAddress.ContainsKey(address))
            {
                address = JoinDerivation.DevAddr(keys.DevEui, NetId, ++probe);
            }

            var device = new ServerDevice(radio, address);
            _byEui.Add(Convert.ToHexString(keys.DevEui), device);
            _byAddress.Add(address, device);
        }

        return radio;
    }

    internal void Transmit(ChannelRadio radio, long now, int frequencyHz, LoraModulation modulation, byte[] phy)
    {
        var airtime = TimeOnAir.Microseconds(modulation, phy.Length, LoraChip.Sx127x);
        var frame = new LoraFrame(radio.Keys.DeviceId, true, now, frequencyHz, DataRateOf(modulation), modulation.SpreadingFactor,
                                  modulation.BandwidthHz, airtime, radio.InCoverage, phy);
        lock (_gate)
        {
            _frames.Add(frame);
            if (!radio.InCoverage)
            {
                return;
            }

            switch (phy[0] >> 5)
            {
                case 0:
                    AnswerJoin(radio, frame);
                    break;
                case 4:
                    Acknowledge(frame);
                    break;
            }
        }
    }

    private int DataRateOf(LoraModulation modulation)
    {
        for (var rate = 0; rate <= 7; rate++)
        {
            var dataRate = _plan.GetDataRate(rate);
            if (dataRate.SpreadingFactor == modulation.SpreadingFactor && dataRate.BandwidthHz == modulation.BandwidthHz)
            {
                return rate;
            }
        }

        return -1;
    }

    // Join request: MHDR | JoinEUI (8, LE) | DevEUI (8, LE) | DevNonce (2, LE) | MIC (4).
    private void AnswerJoin(ChannelRadio radio, LoraFrame request)
    {
        var phy = request.Phy;
        if (phy.Length != 23)
        {
            return;
        }

        var devEui = phy[9..17];
        Array.Reverse(devEui);
        if (!_byEui.TryGetValue(Convert.ToHexString(devEui), out var device) || device.Radio != radio)
        {
            return;
        }

        var keys = radio.Keys;
        var appKeyMac = new AesCmac();
        appKeyMac.SetKey(keys.AppKey, 0);
        var mac = new byte[AesCmac.MacSize];
        appKeyMac.Compute(phy, 0, 19, mac, 0);
        if (!mac.AsSpan(0, 4).SequenceEqual(phy.AsSpan(19, 4)))
        {
            return;
        }

        var devNonce = phy[17] | (phy[18] << 8);
        var appNonce = JoinDerivation.AppNonce(keys.DevEui, device.Joins++);
        var address = device.DevAddr;

        // MHDR | AppNonce (3) | NetID (3) | DevAddr (4) | DLSettings | RxDelay | CFList (16) | MIC, all LE.
        var plain = new byte[1 + 12 + 16 + 4];
        plain[0] = 0x20;
        plain[1] = (byte)appNonce;
        plain[2] = (byte)(appNonce >> 8);
        plain[3] = (byte)(appNonce >> 16);
        plain[4] = NetId & 0xFF;
        plain[5] = (NetId >> 8) & 0xFF;
        plain[6] = (NetId >> 16) & 0xFF;
        BinaryPrimitives.WriteUInt32LittleEndian(plain.AsSpan(7, 4), address);
        plain[11] = 0x00; // RX1DROffset 0, RX2 DR0
        plain[12] = 0x01; // RxDelay 1 s
        TtnChannelList.CopyTo(plain, 13);
        appKeyMac.Compute(plain, 0, plain.Length - 4, mac, 0);
        Array.Copy(mac, 0, plain, plain.Length - 4, 4);

        // The network encrypts with AES decrypt, so the device only needs AES encrypt to read it (LoRaWAN 1.0.4, 6.2.6).
        using var aes = Aes.Create();
        aes.Key = keys.AppKey;
        var accept = new byte[plain.Length];
        accept[0] = plain[0];
        aes.DecryptEcb(plain.AsSpan(1), accept.AsSpan(1), PaddingMode.None);

        var appKeyCipher = new Aes128();
        appKeyCipher.SetKey(keys.AppKey, 0);
        var nwkSKey = new byte[16];
        var appSKey = new byte[16];
        new SessionKeyDerivation().Derive(appKeyCipher, appNonce, NetId, devNonce, nwkSKey, appSKey);
        device.NetworkMac = new AesCmac();
        device.NetworkMac.SetKey(nwkSKey, 0);
        device.DownlinkCounter = 0;
        _sessions.Add(new LoraSession(keys.DeviceId, request.StartMilliseconds, appNonce, devNonce, address, nwkSKey, appSKey));
        SendRx1(radio, request, request.EndMilliseconds + 5000, accept);
    }

    // Confirmed data up: the answer is an empty unconfirmed downlink with ACK set, in RX1.
    private void Acknowledge(LoraFrame uplink)
    {
        var phy = uplink.Phy;
        if (phy.Length < 12)
        {
            return;
        }

        var address = BinaryPrimitives.ReadUInt32LittleEndian(phy.AsSpan(1, 4));
        if (!_byAddress.TryGetValue(address, out var device) || device.NetworkMac is null)
        {
            return;
        }

        var counter = device.DownlinkCounter++;
        var down = new byte[12];
        down[0] = 0x60;
        BinaryPrimitives.WriteUInt32LittleEndian(down.AsSpan(1, 4), address);
        down[5] = FrameFormat.ControlAck;
        down[6] = (byte)counter;
        down[7] = (byte)(counter >> 8);
        new FrameIntegrity().Write(device.NetworkMac, true, address, counter, down, 0, 8, down, 8);
        SendRx1(device.Radio, uplink, uplink.EndMilliseconds + 1000, down);
    }

    private void SendRx1(ChannelRadio radio, LoraFrame uplink, long opensAt, byte[] downlink)
    {
        radio.Schedule(opensAt, uplink.FrequencyHz, uplink.SpreadingFactor, uplink.BandwidthHz, downlink);
        // A downlink goes out without the payload CRC (LoraModulation.LorawanDownlink, as the device listens for it).
        var modulation = LoraModulation.LorawanDownlink(uplink.SpreadingFactor, uplink.BandwidthHz);
        _frames.Add(new LoraFrame(radio.Keys.DeviceId, false, opensAt, uplink.FrequencyHz, uplink.DataRate, uplink.SpreadingFactor,
                                  uplink.BandwidthHz, TimeOnAir.Microseconds(modulation, downlink.Length, LoraChip.Sx127x), true, downlink));
    }

    private sealed class ServerDevice(ChannelRadio radio, uint devAddr)
    {
        public ChannelRadio Radio { get; } = radio;

        /// <summary>The address reserved for the device at registration; every session of it uses it.</summary>
        public uint DevAddr { get; } = devAddr;

        /// <summary>Join accepts sent so far, which count its AppNonce on.</summary>
        public int Joins { get; set; }

        public AesCmac? NetworkMac { get; set; }

        public uint DownlinkCounter { get; set; }
    }
}
