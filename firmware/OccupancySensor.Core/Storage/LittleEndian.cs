namespace OccupancySensor.Storage
{
    /// <summary>
    /// Little-endian integers in byte arrays, written in place: BitConverter.GetBytes allocates an array per call,
    /// and the log writes a record per reading.
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>Writes a 16-bit value.</summary>
        public static void Put16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes the low 24 bits of a value (LoRaWAN frequencies, nonces and NetIDs are 3 bytes).</summary>
        public static void Put24(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
        }

        /// <summary>Writes a 32-bit value.</summary>
        public static void Put32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a 64-bit value.</summary>
        public static void Put64(byte[] buffer, int offset, long value)
        {
            Put32(buffer, offset, (uint)value);
            Put32(buffer, offset + 4, (uint)(value >> 32));
        }

        /// <summary>Reads a signed 16-bit value.</summary>
        public static short Get16(byte[] buffer, int offset)
        {
            return (short)(buffer[offset] | (buffer[offset + 1] << 8));
        }

        /// <summary>Reads an unsigned 24-bit value (0..0xFFFFFF).</summary>
        public static int Get24(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16);
        }

        /// <summary>Reads an unsigned 32-bit value.</summary>
        public static uint Get32(byte[] buffer, int offset)
        {
            return (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));
        }

        /// <summary>Reads a 64-bit value.</summary>
        public static long Get64(byte[] buffer, int offset)
        {
            return (long)Get32(buffer, offset) | ((long)Get32(buffer, offset + 4) << 32);
        }
    }
}
