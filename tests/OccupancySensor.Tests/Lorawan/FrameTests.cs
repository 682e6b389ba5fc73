using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Lorawan.Frames;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// LoRaWAN 1.0.x frames and their crypto: published vectors first (lora-packet's README and its __tests__ folder,
/// values quoted with their source), then lora-packet itself (npm, run by node) as the network server judging what
/// the C# side built, and building what the C# side must open.
/// </summary>
public class FrameTests
{
    // lora-packet README / __tests__/mic_test.ts: session keys of its example device 49BE7DF1.
    private const string ReadmeNwkSKey = "44024241ed4ce9a68c6a8bc055233fd3";
    private const string ReadmeAppSKey = "ec925802ae430ca77fd3dd73cb2cc588";
    private const uint ReadmeDevAddr = 0x49BE7DF1;

    // lora-packet __tests__/mic_test.ts and key_gen_test.ts: an AppKey with a join request, a join accept and keys.
    private const string TestsAppKey = "98929b92c49edba9676d646d3b612456";

    private static LorawanSession Session(uint devAddr, string nwkSKey, string appSKey, uint uplinkCounter = 0)
    {
        var session = new LorawanSession();
        session.Activate(devAddr, Hex.Bytes(nwkSKey), Hex.Bytes(appSKey), uplinkCounter);
        return session;
    }

    private static string Build(UplinkFrameBuilder builder, LorawanSession session, bool confirmed, byte flags, byte[]? options, int port, byte[]? payload)
    {
        var length = builder.Build(session, confirmed, flags, options, options?.Length ?? 0, port, payload, 0, payload?.Length ?? 0);
        return Hex.Of(builder.Frame, 0, length);
    }

    [Fact]
    public void The_readme_data_frame_is_built_byte_for_byte()
    {
        // README: 40F17DBE4900020001954378762B11FF0D is "test" on FPort 1 with FCnt 2, MIC 2b11ff0d.
        var session = Session(ReadmeDevAddr, ReadmeNwkSKey, ReadmeAppSKey, uplinkCounter: 2);
        var builder = new UplinkFrameBuilder();
        Assert.Equal("40f17dbe4900020001954378762b11ff0d", Build(builder, session, false, 0, null, 1, "test"u8.ToArray()));

        // __tests__/mic_test.ts: the same device, FCnt 3, FPort 1, empty payload: MIC 2a3518af.
        session.UplinkCounter = 3;
        Assert.Equal("40f17dbe49000300012a3518af", Build(builder, session, false, 0, null, 1, Array.Empty<byte>()));
    }

    [Fact]
    public void A_published_downlink_acknowledgement_is_accepted_and_a_bent_MIC_is_not()
    {
        // __tests__/mic_test.ts: 60f17dbe4920020001f9d65d27, unconfirmed data down, ACK, FCnt 2, FPort 1, no payload.
        var session = Session(ReadmeDevAddr, ReadmeNwkSKey, ReadmeAppSKey);
        var parser = new DownlinkFrameParser();
        var frame = new DownlinkFrame();
        var received = Hex.Bytes("60f17dbe4920020001f9d65d27");
        var bent = (byte[])received.Clone();
        bent[^1] ^= 0x01;
        Assert.Equal(DownlinkResult.BadMic, parser.Parse(session, bent, bent.Length, frame));
        Assert.Equal(DownlinkResult.Accepted, parser.Parse(session, received, received.Length, frame));
        Assert.True(frame.Acknowledged);
        Assert.False(frame.Confirmed);
        Assert.Equal(2u, frame.FrameCounter);
        Assert.True(frame.HasPort);
        Assert.Equal(1, frame.Port);
        Assert.Equal(0, frame.PayloadLength);

        // The same frame again is a replay, and nothing about it is taken.
        Assert.Equal(DownlinkResult.Replayed, parser.Parse(session, received, received.Length, frame));
        Assert.Equal(2u, session.LastDownlinkCounter);
    }

    [Fact]
    public void The_published_join_request_is_built_byte_for_byte()
    {
        // __tests__/mic_test.ts: 0039363463336913AA05693574323831330489C65B1304 with MIC c65b1304: AppEUI AA13693363343639,
        // DevEUI 3331383274356905, DevNonce 0x8904 (the wire holds them little-endian).
        var mac = new AesCmac();
        mac.SetKey(Hex.Bytes(TestsAppKey), 0);
        var builder = new JoinRequestBuilder();
        var length = builder.Build(Hex.Bytes("AA13693363343639"), Hex.Bytes("3331383274356905"), 0x8904, mac);
        Assert.Equal("0039363463336913aa05693574323831330489c65b1304", Hex.Of(builder.Frame, 0, length));
    }

    [Fact]
    public void The_published_join_accept_opens_and_gives_the_published_session_keys()
    {
        // __tests__/mic_test.ts: 20386337CCBBAAE7CD2C010000D9D0A6E7 is a join accept before encryption, MIC d9d0a6e7
        // (AppNonce 376338, NetID aabbcc, DevAddr 012ccde7). __tests__/key_gen_test.ts: with DevNonce f18e the keys
        // are NwkSKey 4e3d6e6afbcc67af2ba3c8e8ec4acf4b and AppSKey 610897aa6f1460623443b527d3ac6a9d.
        // A network server encrypts with AES decrypt; .NET's AES does that here, independently of the firmware.
        var plain = Hex.Bytes("20386337CCBBAAE7CD2C010000D9D0A6E7");
        var appKey = Hex.Bytes(TestsAppKey);
        using var netAes = Aes.Create();
        netAes.Key = appKey;
        var onAir = new byte[17];
        onAir[0] = plain[0];
        netAes.DecryptEcb(plain.AsSpan(1), onAir.AsSpan(1), PaddingMode.None);

        var (cipher, mac) = AppKey(TestsAppKey);
        var accept = new JoinAccept();
        Assert.Equal(JoinAcceptResult.Accepted, new JoinAcceptReader().Read(onAir, onAir.Length, 0xf18e, cipher, mac, accept));
        Assert.Equal(0x376338, accept.ApplicationNonce);
        Assert.Equal(0xaabbcc, accept.NetworkId);
        Assert.Equal(0x012ccde7u, accept.DeviceAddress);
        Assert.Equal(0, accept.Rx1DataRateOffset);
        Assert.Equal(0, accept.Rx2DataRate);
        Assert.Equal(1, accept.ReceiveDelaySeconds);
        Assert.False(accept.HasChannelList);
        Assert.Equal("4e3d6e6afbcc67af2ba3c8e8ec4acf4b", Hex.Of(accept.NetworkSessionKey));
        Assert.Equal("610897aa6f1460623443b527d3ac6a9d", Hex.Of(accept.ApplicationSessionKey));

        // The plain (not encrypted) frame itself fails: decrypting it yields garbage and a wrong MIC.
        Assert.Equal(JoinAcceptResult.BadMic, new JoinAcceptReader().Read(plain, plain.Length, 0xf18e, cipher, mac, accept));
    }

    [Fact]
    public void The_published_all_zero_join_accept_opens()
    {
        // __tests__/join_accept_encrypt.ts: with an all-zero AppKey and all-zero fields the join accept on the air is
        // 20e3de108795f776b8037610ef7869b5b3 (decrypted: 20 000000000000000000000000 f86f0a91).
        var (cipher, mac) = AppKey("00000000000000000000000000000000");
        var onAir = Hex.Bytes("20e3de108795f776b8037610ef7869b5b3");
        var accept = new JoinAccept();
        Assert.Equal(JoinAcceptResult.Accepted, new JoinAcceptReader().Read(onAir, onAir.Length, 0, cipher, mac, accept));
        Assert.Equal(0u, accept.DeviceAddress);
        Assert.Equal(0, accept.NetworkId);
    }

    [Fact]
    public void Join_accepts_of_the_wrong_shape_are_refused_with_a_reason()
    {
        var (cipher, mac) = AppKey(TestsAppKey);
        var reader = new JoinAcceptReader();
        var accept = new JoinAccept();
        Assert.Equal(JoinAcceptResult.WrongLength, reader.Read(new byte[16], 16, 0, cipher, mac, accept));
        Assert.Equal(JoinAcceptResult.WrongLength, reader.Read(new byte[18], 18, 0, cipher, mac, accept));
        var dataFrame = new byte[17];
        dataFrame[0] = 0x40;
        Assert.Equal(JoinAcceptResult.NotJoinAccept, reader.Read(dataFrame, 17, 0, cipher, mac, accept));
    }

    private static (Aes128 Cipher, AesCmac Mac) AppKey(string hex)
    {
        var cipher = new Aes128();
        cipher.SetKey(Hex.Bytes(hex), 0);
        var mac = new AesCmac();
        mac.SetKey(Hex.Bytes(hex), 0);
        return (cipher, mac);
    }

    [Fact]
    public void Lora_packet_verifies_and_decrypts_every_shape_of_uplink_the_builder_makes()
    {
        const string nwk = "2b7e151628aed2a6abf7158809cf4f3c";
        const string app = "000102030405060708090a0b0c0d0e0f";
        const uint devAddr = 0x26011BDA;
        var random = new Random(104);
        var builder = new UplinkFrameBuilder();
        var frames = new JsonArray();
        var expected = new List<(bool Confirmed, byte Flags, string Options, int Port, string Payload, uint Counter)>();
        // Counters cross the 16-bit boundary: the MIC and the keystream use all 32 bits, the frame carries 16.
        var counters = new uint[] { 0, 1, 0xFFFF, 0x10000, 0x12345, 0xFFFFFFFF };
        foreach (var counter in counters)
        {
            foreach (var payloadLength in new[] { 0, 1, 11, 15, 16, 17, 51, 222, 242 })
            {
                var session = Session(devAddr, nwk, app, counter);
                var confirmed = random.Next(2) == 1;
                var flags = (byte)((random.Next(2) == 1 ? FrameFormat.ControlAdr : 0) | (random.Next(2) == 1 ? FrameFormat.ControlAck : 0)
                    | (random.Next(2) == 1 ? FrameFormat.ControlAdrAckRequest : 0));
                var port = payloadLength == 0 && random.Next(3) == 0 ? UplinkFrameBuilder.NoPort : random.Next(3) == 0 ? 0 : random.Next(1, 224);
                var options = port == 0 || payloadLength > 230 ? Array.Empty<byte>() : new byte[random.Next(0, 16)];
                random.NextBytes(options);
                var payload = new byte[port == UplinkFrameBuilder.NoPort ? 0 : payloadLength];
                random.NextBytes(payload);
                var hex = Build(builder, session, confirmed, flags, options, port, payload);
                frames.Add(new JsonObject { ["hex"] = hex, ["fcnt"] = counter });
                expected.Add((confirmed, flags, Hex.Of(options), port, Hex.Of(payload), counter));
            }
        }

        var answers = NodePeer.Run("lora-peer.js", new JsonObject
        {
            ["op"] = "data-frames",
            ["nwkSKey"] = nwk,
            ["appSKey"] = app,
            ["frames"] = frames,
        }).AsArray();
        Assert.Equal(expected.Count, answers.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (confirmed, flags, options, port, payload, counter) = expected[i];
            var answer = answers[i]!;
            var context = "frame " + i + ": " + frames[i]!["hex"];
            Assert.True((bool)answer["micOk"]!, "lora-packet rejects the MIC of " + context);
            Assert.Equal(confirmed ? "Confirmed Data Up" : "Unconfirmed Data Up", (string?)answer["mtype"]);
            Assert.Equal("26011bda", (string?)answer["devAddr"]);
            Assert.Equal((int)(counter & 0xFFFF), (int)answer["fcnt"]!);
            Assert.Equal((flags & FrameFormat.ControlAdr) != 0, (bool)answer["adr"]!);
            Assert.Equal((flags & FrameFormat.ControlAck) != 0, (bool)answer["ack"]!);
            Assert.Equal((flags & FrameFormat.ControlAdrAckRequest) != 0, (bool)answer["adrAckReq"]!);
            Assert.Equal(options, (string?)answer["fopts"]);
            if (port == UplinkFrameBuilder.NoPort)
            {
                Assert.Null(answer["fport"]);
            }
            else
            {
                Assert.Equal(port, (int)answer["fport"]!);
                Assert.Equal(payload, (string?)answer["payload"]);
            }
        }
    }

    [Fact]
    public void The_builder_refuses_frames_LoRaWAN_does_not_allow()
    {
        var builder = new UplinkFrameBuilder();
        var session = Session(1, ReadmeNwkSKey, ReadmeAppSKey);
        Assert.Throws<InvalidOperationException>(() => builder.Build(new LorawanSession(), false, 0, null, 0, 1, new byte[1], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(session, false, 0, new byte[16], 16, 1, null, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(session, false, 0, null, 0, 224, new byte[1], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(session, false, 0, null, 0, UplinkFrameBuilder.NoPort, new byte[1], 0, 1));
        Assert.Throws<ArgumentException>(() => builder.Build(session, false, 0, new byte[2], 2, 0, new byte[1], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(session, false, 0, null, 0, 1, new byte[243], 0, 243));
        Assert.Equal(255, builder.Build(session, false, 0, null, 0, 1, new byte[242], 0, 242));
    }

    [Fact]
    public void A_join_request_lora_packet_verifies_and_a_join_accept_lora_packet_builds_give_the_keys_lora_packet_derives()
    {
        const string appKey = "8f2b1f0e52a1c6dd03a7c9e1f4b25c60";
        var (cipher, mac) = AppKey(appKey);
        var request = new JoinRequestBuilder();
        var reader = new JoinAcceptReader();
        var accept = new JoinAccept();
        var random = new Random(62);
        for (var trial = 0; trial < 12; trial++)
        {
            var appEui = new byte[8];
            var devEui = new byte[8];
            random.NextBytes(appEui);
            random.NextBytes(devEui);
            var devNonce = random.Next(0, 0x10000);
            var length = request.Build(appEui, devEui, devNonce, mac);
            var checkedRequest = NodePeer.Run("lora-peer.js", new JsonObject
            {
                ["op"] = "join-request",
                ["appKey"] = appKey,
                ["hex"] = Hex.Of(request.Frame, 0, length),
            });
            Assert.Equal("Join Request", (string?)checkedRequest["mtype"]);
            Assert.True((bool)checkedRequest["micOk"]!);
            Assert.Equal(Hex.Of(appEui), (string?)checkedRequest["appEui"]);
            Assert.Equal(Hex.Of(devEui), (string?)checkedRequest["devEui"]);
            Assert.Equal(devNonce.ToString("x4"), (string?)checkedRequest["devNonce"]);

            var appNonce = random.Next(0, 1 << 24);
            var netId = random.Next(0, 1 << 24);
            var devAddr = (uint)random.NextInt64(0, 1L << 32);
            var rx1Offset = random.Next(0, 6);
            var rx2Rate = random.Next(0, 16);
            var rxDelay = random.Next(0, 16);
            var withChannels = trial % 2 == 1;
            var channels = new byte[withChannels ? 16 : 0];
            random.NextBytes(channels);
            var built = NodePeer.Run("lora-peer.js", new JsonObject
            {
                ["op"] = "join-accept",
                ["appKey"] = appKey,
                ["appNonce"] = appNonce.ToString("x6"),
                ["netId"] = netId.ToString("x6"),
                ["devAddr"] = devAddr.ToString("x8"),
                ["dlSettings"] = (rx1Offset << 4) | rx2Rate,
                ["rxDelay"] = rxDelay,
                ["cfList"] = Hex.Of(channels),
                ["devNonce"] = devNonce.ToString("x4"),
            });
            var onAir = Hex.Bytes((string)built["hex"]!);
            Assert.Equal(JoinAcceptResult.Accepted, reader.Read(onAir, onAir.Length, devNonce, cipher, mac, accept));
            Assert.Equal(appNonce, accept.ApplicationNonce);
            Assert.Equal(netId, accept.NetworkId);
            Assert.Equal(devAddr, accept.DeviceAddress);
            Assert.Equal(rx1Offset, accept.Rx1DataRateOffset);
            Assert.Equal(rx2Rate, accept.Rx2DataRate);
            Assert.Equal(rxDelay == 0 ? 1 : rxDelay, accept.ReceiveDelaySeconds);
            Assert.Equal(withChannels, accept.HasChannelList);
            if (withChannels)
            {
                Assert.Equal(Hex.Of(channels), Hex.Of(accept.ChannelList));
            }

            Assert.Equal((string?)built["nwkSKey"], Hex.Of(accept.NetworkSessionKey));
            Assert.Equal((string?)built["appSKey"], Hex.Of(accept.ApplicationSessionKey));

            // Any flipped bit on the air fails the MIC.
            var bit = random.Next(8, onAir.Length * 8);
            onAir[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Equal(JoinAcceptResult.BadMic, reader.Read(onAir, onAir.Length, devNonce, cipher, mac, accept));
        }
    }

    [Fact]
    public void Downlinks_lora_packet_builds_are_opened_with_options_payload_and_32_bit_counters()
    {
        const string nwk = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        const string app = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        const uint devAddr = 0x260B1234;
        var session = Session(devAddr, nwk, app);
        var parser = new DownlinkFrameParser();
        var frame = new DownlinkFrame();
        var random = new Random(5);
        // A gap of more than 16 bits' worth between downlinks cannot be rebuilt from 16 bits; keep gaps below that.
        var counters = new uint[] { 0, 1, 7, 0xFFFE, 0x10003, 0x1FFFF, 0x20000, 0x2F000 };
        foreach (var counter in counters)
        {
            var port = random.Next(3) == 0 ? (int?)null : random.Next(1, 224);
            var options = new byte[port == null || random.Next(2) == 0 ? random.Next(0, 16) : 0];
            random.NextBytes(options);
            var payload = new byte[port == null ? 0 : random.Next(0, 60)];
            random.NextBytes(payload);
            var confirmed = random.Next(2) == 1;
            var built = NodePeer.Run("lora-peer.js", new JsonObject
            {
                ["op"] = "downlink",
                ["nwkSKey"] = nwk,
                ["appSKey"] = app,
                ["confirmed"] = confirmed,
                ["devAddr"] = devAddr.ToString("x8"),
                ["fcnt"] = counter,
                ["fopts"] = Hex.Of(options),
                ["fport"] = port,
                ["payload"] = Hex.Of(payload),
                ["ack"] = true,
                ["fpending"] = counter % 2 == 1,
                ["adr"] = true,
            });
            var onAir = Hex.Bytes((string)built["hex"]!);
            Assert.Equal(DownlinkResult.Accepted, parser.Parse(session, onAir, onAir.Length, frame));
            Assert.Equal(counter, frame.FrameCounter);
            Assert.Equal(confirmed, frame.Confirmed);
            Assert.True(frame.Acknowledged);
            Assert.True(frame.Adr);
            Assert.Equal(counter % 2 == 1, frame.FramePending);
            Assert.Equal(Hex.Of(options), Hex.Of(frame.Options, 0, frame.OptionsLength));
            Assert.Equal(port != null, frame.HasPort);
            if (port != null)
            {
                Assert.Equal(port.Value, frame.Port);
                Assert.Equal(Hex.Of(payload), Hex.Of(frame.Payload, 0, frame.PayloadLength));
            }

            Assert.Equal(DownlinkResult.Replayed, parser.Parse(session, onAir, onAir.Length, frame));
        }
    }

    [Fact]
    public void Downlinks_for_others_or_malformed_are_refused_with_a_reason()
    {
        var session = Session(ReadmeDevAddr, ReadmeNwkSKey, ReadmeAppSKey);
        var parser = new DownlinkFrameParser();
        var frame = new DownlinkFrame();
        var ack = Hex.Bytes("60f17dbe4920020001f9d65d27");
        Assert.Equal(DownlinkResult.NoSession, parser.Parse(new LorawanSession(), ack, ack.Length, frame));
        Assert.Equal(DownlinkResult.Malformed, parser.Parse(session, ack, 11, frame));
        var other = (byte[])ack.Clone();
        other[1] ^= 0xFF;
        Assert.Equal(DownlinkResult.OtherDevice, parser.Parse(session, other, other.Length, frame));
        var uplink = Hex.Bytes("40f17dbe4900020001954378762b11ff0d");
        Assert.Equal(DownlinkResult.NotDataDown, parser.Parse(session, uplink, uplink.Length, frame));
        var major = (byte[])ack.Clone();
        major[0] |= 0x01;
        Assert.Equal(DownlinkResult.UnsupportedVersion, parser.Parse(session, major, major.Length, frame));
        var longOptions = (byte[])ack.Clone();
        longOptions[5] = 0x0F;
        Assert.Equal(DownlinkResult.Malformed, parser.Parse(session, longOptions, longOptions.Length, frame));
        Assert.False(session.HasDownlink);
    }

    [Fact]
    public void Building_and_parsing_frames_allocate_nothing()
    {
        var session = Session(ReadmeDevAddr, ReadmeNwkSKey, ReadmeAppSKey);
        var builder = new UplinkFrameBuilder();
        var parser = new DownlinkFrameParser();
        var frame = new DownlinkFrame();
        var payload = Encoding.ASCII.GetBytes("eleven byte");
        var options = new byte[] { 0x02 };
        var ack = Hex.Bytes("60f17dbe4920020001f9d65d27");
        builder.Build(session, true, FrameFormat.ControlAdr, options, 1, 2, payload, 0, payload.Length);
        parser.Parse(session, ack, ack.Length, frame);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 500; i++)
        {
            session.UplinkCounter = (uint)i;
            builder.Build(session, i % 2 == 0, FrameFormat.ControlAdr, options, 1, 2, payload, 0, payload.Length);
            parser.Parse(session, ack, ack.Length, frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
