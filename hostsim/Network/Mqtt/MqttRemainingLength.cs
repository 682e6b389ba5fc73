namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// The Remaining Length of a fixed header (MQTT 3.1.1 section 2.2.3): seven bits per byte, least significant group
/// first, the top bit set while more bytes follow; at most four bytes, so at most 268,435,455.
/// </summary>
public static class MqttRemainingLength
{
    public const int Maximum = 268_435_455;

    public const int MaximumBytes = 4;

    /// <summary>How many bytes <paramref name="value"/> takes.</summary>
    public static int SizeOf(int value)
    {
        CheckRange(value);
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(int value, Span<byte> destination)
    {
        CheckRange(value);
        var count = 0;
        do
        {
            var digit = (byte)(value % 128);
            value /= 128;
            if (value > 0)
            {
                digit |= 0x80;
            }

            destination[count++] = digit;
        }
        while (value > 0);

        return count;
    }

    /// <summary>The encoding of <paramref name="value"/>.</summary>
    public static byte[] Encode(int value)
    {
        var bytes = new byte[SizeOf(value)];
        Write(value, bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a Remaining Length from the start of <paramref name="source"/>. False when more bytes are needed;
    /// throws <see cref="MqttProtocolException"/> when a fourth byte still says more follow.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var multiplier = 1;
        for (var i = 0; i < source.Length; i++)
        {
            var digit = source[i];
            value += (digit & 0x7F) * multiplier;
            multiplier *= 128;
            if ((digit & 0x80) == 0)
            {
                consumed = i + 1;
                return true;
            }

            if (i == MaximumBytes - 1)
            {
                throw new MqttProtocolException("Remaining Length longer than four bytes");
            }
        }

        value = 0;
        return false;
    }

    private static void CheckRange(int value)
    {
        if (value < 0 || value > Maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "an MQTT Remaining Length is 0.." + Maximum);
        }
    }
}
