using System.Buffers.Binary;

namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// Decodes and checks the packets a broker sends (MQTT 3.1.1 chapter 3). Anything the spec calls malformed (reserved
/// flags set, wrong lengths, QoS 3, packet id 0, bad strings) throws <see cref="MqttProtocolException"/>.
/// </summary>
public static class MqttServerPackets
{
    public static MqttConnAck ParseConnAck(MqttPacket packet)
    {
        Expect(packet, MqttPacketType.ConnAck, 0);
        if (packet.Body.Length != 2)
        {
            throw new MqttProtocolException("CONNACK Remaining Length " + packet.Body.Length + ", not 2");
        }

        if ((packet.Body[0] & 0xFE) != 0)
        {
            throw new MqttProtocolException("CONNACK acknowledge flags 0x" + packet.Body[0].ToString("X2") + " set reserved bits");
        }

        return new MqttConnAck((packet.Body[0] & 0x01) != 0, packet.Body[1]);
    }

    /// <summary>The packet id of a PUBACK.</summary>
    public static int ParsePubAck(MqttPacket packet)
    {
        Expect(packet, MqttPacketType.PubAck, 0);
        if (packet.Body.Length != 2)
        {
            throw new MqttProtocolException("PUBACK Remaining Length " + packet.Body.Length + ", not 2");
        }

        return ReadPacketId(packet.Body, 0, "PUBACK");
    }

    public static MqttSubAck ParseSubAck(MqttPacket packet)
    {
        Expect(packet, MqttPacketType.SubAck, 0);
        if (packet.Body.Length < 3)
        {
            throw new MqttProtocolException("SUBACK without a return code");
        }

        var codes = packet.Body.AsSpan(2).ToArray();
        foreach (var code in codes)
        {
            if (code > 2 && code != 0x80)
            {
                throw new MqttProtocolException("SUBACK return code 0x" + code.ToString("X2") + " is reserved");
            }
        }

        return new MqttSubAck(ReadPacketId(packet.Body, 0, "SUBACK"), codes);
    }

    public static void ParsePingResp(MqttPacket packet)
    {
        Expect(packet, MqttPacketType.PingResp, 0);
        if (packet.Body.Length != 0)
        {
            throw new MqttProtocolException("PINGRESP with a body of " + packet.Body.Length + " bytes");
        }
    }

    public static MqttIncomingPublish ParsePublish(MqttPacket packet)
    {
        if (packet.Type != MqttPacketType.Publish)
        {
            throw new MqttProtocolException("expected PUBLISH, got " + packet.Type);
        }

        var qos = (packet.Flags >> 1) & 0x03;
        if (qos == 3)
        {
            throw new MqttProtocolException("PUBLISH with QoS 3");
        }

        var duplicate = (packet.Flags & 0x08) != 0;
        if (qos == 0 && duplicate)
        {
            throw new MqttProtocolException("PUBLISH at QoS 0 with DUP set (section 3.3.1.1)");
        }

        var offset = 0;
        var topic = MqttString.Read(packet.Body, ref offset);
        if (topic.Length == 0 || topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new MqttProtocolException("PUBLISH topic name empty or with wildcards: '" + topic + "'");
        }

        var packetId = 0;
        if (qos > 0)
        {
            packetId = ReadPacketId(packet.Body, offset, "PUBLISH");
            offset += 2;
        }

        return new MqttIncomingPublish(topic, packet.Body.AsSpan(offset).ToArray(), qos, (packet.Flags & 0x01) != 0, duplicate, packetId);
    }

    private static void Expect(MqttPacket packet, MqttPacketType type, int flags)
    {
        if (packet.Type != type)
        {
            throw new MqttProtocolException("expected " + type + ", got " + packet.Type);
        }

        if (packet.Flags != flags)
        {
            throw new MqttProtocolException(type + " with reserved header flags 0x" + packet.Flags.ToString("X"));
        }
    }

    private static int ReadPacketId(byte[] body, int offset, string what)
    {
        if (body.Length - offset < 2)
        {
            throw new MqttProtocolException(what + " packet id cut off");
        }

        int id = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(offset, 2));
        if (id == 0)
        {
            throw new MqttProtocolException(what + " with packet id 0");
        }

        return id;
    }
}
