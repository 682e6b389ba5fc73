using System.Text;
using OccupancySensor.HostSim.Network.Mqtt;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>Packet encoding and decoding, with values from the MQTT 3.1.1 specification (OASIS Standard, 29 October 2014).</summary>
public sealed class MqttPacketEncodingTests
{
    /// <summary>Table 2.4, "Size of Remaining Length field": the smallest and largest value of each length.</summary>
    public static TheoryData<int, byte[]> RemainingLengths => new()
    {
        { 0, [0x00] },
        { 127, [0x7F] },
        { 128, [0x80, 0x01] },
        { 16_383, [0xFF, 0x7F] },
        { 16_384, [0x80, 0x80, 0x01] },
        { 2_097_151, [0xFF, 0xFF, 0x7F] },
        { 2_097_152, [0x80, 0x80, 0x80, 0x01] },
        { 268_435_455, [0xFF, 0xFF, 0xFF, 0x7F] },
        { 321, [0xC1, 0x02] },
    };

    [Theory]
    [MemberData(nameof(RemainingLengths))]
    public void Remaining_length_encodes_as_table_2_4_gives_and_decodes_back(int value, byte[] encoded)
    {
        Assert.Equal(encoded, MqttRemainingLength.Encode(value));
        Assert.Equal(encoded.Length, MqttRemainingLength.SizeOf(value));

        Assert.True(MqttRemainingLength.TryDecode(encoded.Concat(new byte[] { 0x55, 0x80 }).ToArray(), out var decoded, out var consumed));
        Assert.Equal(value, decoded);
        Assert.Equal(encoded.Length, consumed);
        Assert.False(MqttRemainingLength.TryDecode(encoded[..^1], out _, out _));
    }

    [Fact]
    public void Remaining_length_rejects_a_fifth_byte_and_values_out_of_range()
    {
        Assert.Throws<MqttProtocolException>(() => MqttRemainingLength.TryDecode([0xFF, 0xFF, 0xFF, 0xFF, 0x01], out _, out _));
        Assert.Throws<MqttProtocolException>(() => MqttRemainingLength.TryDecode([0x80, 0x80, 0x80, 0x80], out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttRemainingLength.Encode(268_435_456));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttRemainingLength.Encode(-1));
    }

    [Fact]
    public void A_string_is_its_utf8_length_then_its_bytes_as_in_figure_1_3()
    {
        // Section 1.5.3.1, non-normative example: "A" followed by U+2A6D4 is 0x0005 41 F0 AA 9B 94.
        var encoded = MqttString.Encode("A\U0002A6D4");
        Assert.Equal(new byte[] { 0x00, 0x05, 0x41, 0xF0, 0xAA, 0x9B, 0x94 }, encoded);

        var offset = 0;
        Assert.Equal("A\U0002A6D4", MqttString.Read(encoded, ref offset));
        Assert.Equal(7, offset);

        var empty = MqttString.Encode(string.Empty);
        Assert.Equal(new byte[] { 0x00, 0x00 }, empty);
    }

    [Fact]
    public void Strings_that_mqtt_forbids_are_refused_both_ways()
    {
        Assert.Throws<ArgumentException>(() => MqttString.Encode("a\0b"));
        Assert.Throws<ArgumentException>(() => MqttString.Encode("\uD800"));
        Assert.Throws<ArgumentException>(() => MqttString.Encode(new string('x', 65_536)));
        Assert.Equal(65_537, MqttString.Encode(new string('x', 65_535)).Length);

        var offset = 0;
        Assert.Throws<MqttProtocolException>(() => MqttString.Read([0x00, 0x01, 0x00], ref offset));
        Assert.Throws<MqttProtocolException>(() => MqttString.Read([0x00, 0x02, 0xC3, 0x28], ref offset));
        Assert.Throws<MqttProtocolException>(() => MqttString.Read([0x00, 0x04, 0x41], ref offset));
        Assert.Throws<MqttProtocolException>(() => MqttString.Read([0x00], ref offset));
        Assert.Equal(0, offset);
    }

    [Fact]
    public void Connect_carries_the_variable_header_of_figure_3_6_and_the_payload_in_order()
    {
        var packet = MqttClientPackets.Connect(new MqttConnectRequest
        {
            ClientId = "unit-7",
            CleanSession = false,
            KeepAliveSeconds = 10,
            WillTopic = "s",
            WillMessage = Encoding.UTF8.GetBytes("offline"),
            WillQos = 1,
            WillRetain = true,
            Username = "u",
            Password = "p",
        });

        // Protocol name "MQTT", level 4, flags: user name, password, Will retain, Will QoS 1, Will flag (no clean
        // session) = 1110 1100, keep-alive 10 (figure 3.6 shows the same fields with flags 0xCE).
        byte[] variableHeader = [0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0xEC, 0x00, 0x0A];
        byte[] payload =
        [
            0x00, 0x06, .. "unit-7"u8,
            0x00, 0x01, .. "s"u8,
            0x00, 0x07, .. "offline"u8,
            0x00, 0x01, .. "u"u8,
            0x00, 0x01, .. "p"u8,
        ];
        Assert.Equal([0x10, (byte)(variableHeader.Length + payload.Length), .. variableHeader, .. payload], packet);
    }

    [Fact]
    public void Connect_with_clean_session_and_no_will_sets_only_that_flag()
    {
        var packet = MqttClientPackets.Connect(new MqttConnectRequest { ClientId = "c", CleanSession = true, KeepAliveSeconds = 60 });
        Assert.Equal(new byte[] { 0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x3C, 0x00, 0x01, 0x63 }, packet);
        Assert.Throws<ArgumentException>(() => MqttClientPackets.Connect(new MqttConnectRequest { ClientId = "c", Password = "p" }));
    }

    [Fact]
    public void Publish_at_qos1_has_a_packet_id_and_at_qos0_none()
    {
        // Figure 3.11: topic "a/b", packet id 10.
        Assert.Equal(
            new byte[] { 0x33, 0x09, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x00, 0x0A, 0x68, 0x69 },
            MqttClientPackets.Publish("a/b", "hi"u8, qos: 1, retain: true, packetId: 10));
        Assert.Equal(
            new byte[] { 0x30, 0x07, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x68, 0x69 },
            MqttClientPackets.Publish("a/b", "hi"u8, qos: 0, retain: false, packetId: 10));
        Assert.Equal(0x3A, MqttClientPackets.Publish("a/b", "hi"u8, qos: 1, retain: false, packetId: 1, duplicate: true)[0]);
    }

    [Fact]
    public void A_large_publish_uses_a_two_byte_remaining_length()
    {
        var packet = MqttClientPackets.Publish("t", new byte[200], qos: 0, retain: false, packetId: 1);
        Assert.Equal(new byte[] { 0x30, 0xCB, 0x01 }, packet[..3]);
        Assert.Equal(3 + 203, packet.Length);
    }

    [Fact]
    public void Publish_refuses_wildcards_empty_topics_packet_id_0_and_qos_2()
    {
        Assert.Throws<ArgumentException>(() => MqttClientPackets.Publish("a/+/b", [], 1, false, 1));
        Assert.Throws<ArgumentException>(() => MqttClientPackets.Publish("a/#", [], 1, false, 1));
        Assert.Throws<ArgumentException>(() => MqttClientPackets.Publish(string.Empty, [], 0, false, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttClientPackets.Publish("a", [], 1, false, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttClientPackets.Publish("a", [], 2, false, 1));
    }

    [Fact]
    public void Subscribe_puback_pingreq_and_disconnect_are_encoded_as_chapter_3_specifies()
    {
        // SUBSCRIBE: fixed header flags 0010, packet id, filter, requested QoS (section 3.8).
        Assert.Equal(new byte[] { 0x82, 0x08, 0x00, 0x0A, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x01 }, MqttClientPackets.Subscribe(10, "a/b", 1));
        Assert.Equal(new byte[] { 0x40, 0x02, 0xFF, 0xFF }, MqttClientPackets.PubAck(65535));
        Assert.Equal(new byte[] { 0xC0, 0x00 }, MqttClientPackets.PingReq());
        Assert.Equal(new byte[] { 0xE0, 0x00 }, MqttClientPackets.Disconnect());
    }

    [Fact]
    public void Server_packets_are_decoded_and_checked()
    {
        var connAck = MqttServerPackets.ParseConnAck(Read(0x20, 0x02, 0x01, 0x00));
        Assert.True(connAck.SessionPresent);
        Assert.Equal(0, connAck.ReturnCode);
        Assert.Throws<MqttProtocolException>(() => MqttServerPackets.ParseConnAck(Read(0x20, 0x02, 0x02, 0x00)));

        Assert.Equal(0x1234, MqttServerPackets.ParsePubAck(Read(0x40, 0x02, 0x12, 0x34)));

        var subAck = MqttServerPackets.ParseSubAck(Read(0x90, 0x04, 0x00, 0x0A, 0x01, 0x80));
        Assert.Equal(10, subAck.PacketId);
        Assert.Equal(new byte[] { 0x01, 0x80 }, subAck.ReturnCodes);
        Assert.Throws<MqttProtocolException>(() => MqttServerPackets.ParseSubAck(Read(0x90, 0x03, 0x00, 0x0A, 0x03)));

        var publish = MqttServerPackets.ParsePublish(Read(0x3B, 0x09, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x00, 0x0A, 0x68, 0x69));
        Assert.Equal(("a/b", 1, true, true, 10), (publish.Topic, publish.Qos, publish.Retain, publish.Duplicate, publish.PacketId));
        Assert.Equal("hi"u8.ToArray(), publish.Payload);
        Assert.Throws<MqttProtocolException>(() => MqttServerPackets.ParsePublish(Read(0x38, 0x04, 0x00, 0x01, 0x61, 0x68)));
    }

    [Fact]
    public void The_packet_reader_frames_packets_from_a_byte_stream()
    {
        var stream = new MemoryStream([0xD0, 0x00, 0x30, 0x80, 0x01, .. new byte[128], 0x40]);
        var reader = new MqttPacketReader(stream, 1000);

        Assert.Equal(MqttPacketType.PingResp, reader.Read().Type);
        var publish = reader.Read();
        Assert.Equal(MqttPacketType.Publish, publish.Type);
        Assert.Equal(128, publish.Body.Length);
        Assert.Throws<EndOfStreamException>(() => reader.Read());
        Assert.Throws<MqttProtocolException>(() => new MqttPacketReader(new MemoryStream([0x30, 0xE9, 0x07]), 1000).Read());
    }

    [Fact]
    public void Packet_ids_run_1_to_65535_skipping_ids_in_use_and_never_0()
    {
        var ids = new MqttPacketIds();
        var inUse = new HashSet<int> { 2, 3 };
        Assert.Equal(1, ids.Next(inUse.Contains));
        Assert.Equal(4, ids.Next(inUse.Contains));
        for (var i = 5; i <= 65535; i++)
        {
            Assert.Equal(i, ids.Next(inUse.Contains));
        }

        Assert.Equal(1, ids.Next(inUse.Contains));
        Assert.Equal(0, ids.Next(_ => true));
    }

    private static MqttPacket Read(params byte[] bytes) => new MqttPacketReader(new MemoryStream(bytes), 1 << 16).Read();
}
