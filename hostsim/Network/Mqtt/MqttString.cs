using System.Buffers.Binary;
using System.Text;

namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// UTF-8 encoded strings of MQTT 3.1.1 (section 1.5.3): a two-byte big-endian length, then well-formed UTF-8 that
/// must not contain U+0000. Ill-formed UTF-8 from the broker is a protocol error, not replaced with U+FFFD.
/// </summary>
public static class MqttString
{
    public const int MaximumBytes = ushort.MaxValue;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The length-prefixed encoding of <paramref name="value"/>; ArgumentException when it cannot be one.</summary>
    public static byte[] Encode(string value)
    {
        byte[] text;
        try
        {
            text = Strict.GetBytes(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("not encodable as UTF-8 (lone surrogate): " + e.Message, nameof(value));
        }

        if (text.Length > MaximumBytes)
        {
            throw new ArgumentException("an MQTT string is at most " + MaximumBytes + " UTF-8 bytes, this one is " + text.Length, nameof(value));
        }

        if (Array.IndexOf(text, (byte)0) >= 0)
        {
            throw new ArgumentException("an MQTT string must not contain U+0000", nameof(value));
        }

        var encoded = new byte[2 + text.Length];
        BinaryPrimitives.WriteUInt16BigEndian(encoded, (ushort)text.Length);
        text.CopyTo(encoded, 2);
        return encoded;
    }

    /// <summary>Reads a string at <paramref name="offset"/> of <paramref name="source"/> and moves the offset past it.</summary>
    public static string Read(ReadOnlySpan<byte> source, ref int offset)
    {
        if (source.Length - offset < 2)
        {
            throw new MqttProtocolException("string length cut off");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(offset, 2));
        if (source.Length - offset - 2 < length)
        {
            throw new MqttProtocolException("string of " + length + " bytes runs past the end of the packet");
        }

        var text = source.Slice(offset + 2, length);
        if (text.IndexOf((byte)0) >= 0)
        {
            throw new MqttProtocolException("string contains U+0000");
        }

        string value;
        try
        {
            value = Strict.GetString(text);
        }
        catch (DecoderFallbackException)
        {
            throw new MqttProtocolException("string is not well-formed UTF-8");
        }

        offset += 2 + length;
        return value;
    }
}
