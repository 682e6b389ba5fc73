using System.Buffers;
using System.Buffers.Binary;

namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>Builds one packet: the variable header and payload are written first, then framed with the fixed header.</summary>
internal sealed class MqttBodyWriter
{
    private readonly ArrayBufferWriter<byte> _body = new();

    public void WriteByte(byte value) => _body.Write([value]);

    public void WriteUInt16(int value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, checked((ushort)value));
        _body.Write(bytes);
    }

    public void WriteString(string value) => _body.Write(MqttString.Encode(value));

    /// <summary>Binary data with a two-byte length (a Will message or a password, section 1.5.3 and 3.1.3).</summary>
    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException("binary data in CONNECT is at most 65535 bytes", nameof(value));
        }

        WriteUInt16(value.Length);
        _body.Write(value);
    }

    public void WriteBytes(ReadOnlySpan<byte> value) => _body.Write(value);

    /// <summary>The packet: first byte, Remaining Length, body.</summary>
    public byte[] Frame(MqttPacketType type, int flags)
    {
        var body = _body.WrittenSpan;
        if (body.Length > MqttRemainingLength.Maximum)
        {
            throw new ArgumentException("packet body of " + body.Length + " bytes is over the MQTT limit of " + MqttRemainingLength.Maximum);
        }

        var lengthSize = MqttRemainingLength.SizeOf(body.Length);
        var packet = new byte[1 + lengthSize + body.Length];
        packet[0] = (byte)(((int)type << 4) | (flags & 0x0F));
        MqttRemainingLength.Write(body.Length, packet.AsSpan(1));
        body.CopyTo(packet.AsSpan(1 + lengthSize));
        return packet;
    }
}
