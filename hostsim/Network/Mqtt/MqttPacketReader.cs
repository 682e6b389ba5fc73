namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// Reads whole control packets from a stream. The Remaining Length is checked against a limit before the body is
/// allocated, so a corrupt or hostile length cannot make the client allocate 256 MB.
/// </summary>
public sealed class MqttPacketReader
{
    private readonly Stream _stream;
    private readonly int _maximumPacketBytes;
    private readonly byte[] _header = new byte[1 + MqttRemainingLength.MaximumBytes];

    public MqttPacketReader(Stream stream, int maximumPacketBytes)
    {
        _stream = stream;
        _maximumPacketBytes = maximumPacketBytes;
    }

    /// <summary>
    /// The next packet. EndOfStreamException when the peer closed the connection (cleanly between packets or in the
    /// middle of one), MqttProtocolException for a reserved type or a bad or oversized length, IOException for the socket.
    /// </summary>
    public MqttPacket Read()
    {
        ReadExactly(_header, 0, 1);
        var type = _header[0] >> 4;
        if (type == 0 || type == 15)
        {
            throw new MqttProtocolException("reserved packet type " + type);
        }

        var used = 1;
        int length;
        int consumed;
        while (!MqttRemainingLength.TryDecode(_header.AsSpan(1, used - 1), out length, out consumed))
        {
            ReadExactly(_header, used, 1);
            used++;
        }

        if (length > _maximumPacketBytes)
        {
            throw new MqttProtocolException("packet of " + length + " bytes is over the limit of " + _maximumPacketBytes);
        }

        var body = length == 0 ? Array.Empty<byte>() : new byte[length];
        ReadExactly(body, 0, length);
        return new MqttPacket((MqttPacketType)type, (byte)(_header[0] & 0x0F), body);
    }

    private void ReadExactly(byte[] buffer, int offset, int count)
    {
        while (count > 0)
        {
            var read = _stream.Read(buffer, offset, count);
            if (read == 0)
            {
                throw new EndOfStreamException("connection closed by the broker");
            }

            offset += read;
            count -= read;
        }
    }
}
