using System.Text;

namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>Encodes the packets a client sends (MQTT 3.1.1 chapter 3). Arguments that cannot be encoded throw ArgumentException.</summary>
public static class MqttClientPackets
{
    private const byte ProtocolLevel311 = 4;

    /// <summary>CONNECT: protocol name "MQTT", level 4, the connect flags, keep-alive, then client id, Will, username, password.</summary>
    public static byte[] Connect(MqttConnectRequest request)
    {
        if (request.KeepAliveSeconds < 0 || request.KeepAliveSeconds > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.KeepAliveSeconds, "keep-alive is 0..65535 seconds");
        }

        if (request.Password != null && request.Username == null)
        {
            throw new ArgumentException("MQTT 3.1.1 allows a password only with a username (section 3.1.2.9)", nameof(request));
        }

        var hasWill = request.WillTopic != null;
        if (hasWill)
        {
            CheckTopicName(request.WillTopic!);
            CheckQos(request.WillQos, 1);
        }

        var flags = 0;
        if (request.Username != null)
        {
            flags |= 0x80;
        }

        if (request.Password != null)
        {
            flags |= 0x40;
        }

        if (hasWill)
        {
            flags |= 0x04 | (request.WillQos << 3) | (request.WillRetain ? 0x20 : 0);
        }

        if (request.CleanSession)
        {
            flags |= 0x02;
        }

        var writer = new MqttBodyWriter();
        writer.WriteString("MQTT");
        writer.WriteByte(ProtocolLevel311);
        writer.WriteByte((byte)flags);
        writer.WriteUInt16(request.KeepAliveSeconds);
        writer.WriteString(request.ClientId);
        if (hasWill)
        {
            writer.WriteString(request.WillTopic!);
            writer.WriteBinary(request.WillMessage);
        }

        if (request.Username != null)
        {
            writer.WriteString(request.Username);
        }

        if (request.Password != null)
        {
            writer.WriteBinary(Encoding.UTF8.GetBytes(request.Password));
        }

        return writer.Frame(MqttPacketType.Connect, 0);
    }

    /// <summary>PUBLISH at QoS 0 or 1; the packet id is written only for QoS 1 (section 3.3.2.2).</summary>
    public static byte[] Publish(string topic, ReadOnlySpan<byte> payload, int qos, bool retain, int packetId, bool duplicate = false)
    {
        CheckTopicName(topic);
        CheckQos(qos, 1);
        var writer = new MqttBodyWriter();
        writer.WriteString(topic);
        if (qos > 0)
        {
            CheckPacketId(packetId);
            writer.WriteUInt16(packetId);
        }

        writer.WriteBytes(payload);
        var flags = (duplicate && qos > 0 ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0);
        return writer.Frame(MqttPacketType.Publish, flags);
    }

    /// <summary>PUBACK for a QoS 1 PUBLISH received.</summary>
    public static byte[] PubAck(int packetId)
    {
        CheckPacketId(packetId);
        return [0x40, 0x02, (byte)(packetId >> 8), (byte)packetId];
    }

    /// <summary>SUBSCRIBE to one filter; the fixed header's flags are 0010 (section 3.8.1).</summary>
    public static byte[] Subscribe(int packetId, string topicFilter, int qos)
    {
        CheckPacketId(packetId);
        CheckQos(qos, 2);
        if (topicFilter.Length == 0)
        {
            throw new ArgumentException("a topic filter is at least one character", nameof(topicFilter));
        }

        var writer = new MqttBodyWriter();
        writer.WriteUInt16(packetId);
        writer.WriteString(topicFilter);
        writer.WriteByte((byte)qos);
        return writer.Frame(MqttPacketType.Subscribe, 0x02);
    }

    public static byte[] PingReq() => [0xC0, 0x00];

    public static byte[] Disconnect() => [0xE0, 0x00];

    /// <summary>A topic name to publish to: not empty, no wildcards (section 4.7.3, 3.3.2.1).</summary>
    public static void CheckTopicName(string topic)
    {
        if (topic.Length == 0)
        {
            throw new ArgumentException("a topic name is at least one character", nameof(topic));
        }

        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new ArgumentException("a topic name to publish to must not contain the wildcards + or #: " + topic, nameof(topic));
        }
    }

    private static void CheckQos(int qos, int maximum)
    {
        if (qos < 0 || qos > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS 0.." + maximum + " here");
        }
    }

    private static void CheckPacketId(int packetId)
    {
        if (packetId < 1 || packetId > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(packetId), packetId, "a packet id is 1..65535");
        }
    }
}
