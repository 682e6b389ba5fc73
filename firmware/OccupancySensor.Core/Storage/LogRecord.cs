using OccupancySensor.Readings;

namespace OccupancySensor.Storage
{
    /// <summary>
    /// The binary records of the flash log, little-endian, each ending in a CRC-32 of everything before it:
    /// <code>
    /// segment  A7 01 | generation u32 | next sequence u32                                   | crc u32   14 bytes
    /// reading  A7 02 | sequence u32 | time ms i64 | kind u8 | zone i8 | a i32 | b i32
    ///                | °C x100 i16 | %RH x100 i16 | hPa x100 i32                             | crc u32   36 bytes
    /// released A7 03 | every sequence up to and including u32                               | crc u32   10 bytes
    /// sent     A7 04 | one sequence u32 (sent ahead of older ones: an alert)                | crc u32   10 bytes
    /// </code>
    /// The marker lets a scan find the next record after a decayed one. Ambient values keep two decimals, which is
    /// what the payload carries; a channel the sensor lacks (NaN) is stored as the smallest value of its field.
    /// </summary>
    public static class LogRecord
    {
        /// <summary>First byte of every record.</summary>
        public const byte Marker = 0xA7;

        /// <summary>Record types (second byte).</summary>
        public const byte Segment = 1;

        /// <summary>A reading.</summary>
        public const byte ReadingType = 2;

        /// <summary>Every reading up to a sequence number was delivered.</summary>
        public const byte Released = 3;

        /// <summary>One reading was delivered ahead of older ones.</summary>
        public const byte SentAhead = 4;

        /// <summary>Length of a segment header.</summary>
        public const int SegmentLength = 14;

        /// <summary>Length of a reading record.</summary>
        public const int ReadingLength = 36;

        /// <summary>Length of a release record.</summary>
        public const int ReleaseLength = 10;

        /// <summary>The longest record.</summary>
        public const int MaxLength = ReadingLength;

        private const short MissingShort = short.MinValue;
        private const int MissingInt = int.MinValue;

        /// <summary>The length of records of <paramref name="type"/>, 0 for an unknown type.</summary>
        public static int LengthOf(byte type)
        {
            switch (type)
            {
                case Segment:
                    return SegmentLength;
                case ReadingType:
                    return ReadingLength;
                case Released:
                case SentAhead:
                    return ReleaseLength;
                default:
                    return 0;
            }
        }

        /// <summary>
        /// The length of the whole, intact record at <paramref name="offset"/> among <paramref name="available"/>
        /// bytes, or 0 when there is none (wrong marker or type, cut short, or its CRC does not match).
        /// </summary>
        public static int Check(byte[] buffer, int offset, int available)
        {
            if (available < 2 || buffer[offset] != Marker)
            {
                return 0;
            }

            int length = LengthOf(buffer[offset + 1]);
            if (length == 0 || available < length)
            {
                return 0;
            }

            uint stored = LittleEndian.Get32(buffer, offset + length - 4);
            return Crc32.Compute(buffer, offset, length - 4) == stored ? length : 0;
        }

        /// <summary>Writes a segment header; returns its length.</summary>
        public static int WriteSegment(byte[] buffer, uint generation, uint nextSequence)
        {
            buffer[0] = Marker;
            buffer[1] = Segment;
            LittleEndian.Put32(buffer, 2, generation);
            LittleEndian.Put32(buffer, 6, nextSequence);
            return Seal(buffer, SegmentLength);
        }

        /// <summary>Writes a release record of <paramref name="type"/>; returns its length.</summary>
        public static int WriteRelease(byte[] buffer, byte type, uint sequence)
        {
            buffer[0] = Marker;
            buffer[1] = type;
            LittleEndian.Put32(buffer, 2, sequence);
            return Seal(buffer, ReleaseLength);
        }

        /// <summary>Writes a reading record with its sequence number; returns its length.</summary>
        public static int WriteReading(byte[] buffer, Reading reading)
        {
            buffer[0] = Marker;
            buffer[1] = ReadingType;
            LittleEndian.Put32(buffer, 2, (uint)reading.Sequence);
            LittleEndian.Put64(buffer, 6, reading.TimestampMilliseconds);
            buffer[14] = (byte)reading.Kind;
            buffer[15] = (byte)(sbyte)(reading.Zone < -128 ? -128 : (reading.Zone > 127 ? 127 : reading.Zone));
            LittleEndian.Put32(buffer, 16, (uint)reading.ValueA);
            LittleEndian.Put32(buffer, 20, (uint)reading.ValueB);
            LittleEndian.Put16(buffer, 24, Hundredths16(reading.MeasureA));
            LittleEndian.Put16(buffer, 26, Hundredths16(reading.MeasureB));
            LittleEndian.Put32(buffer, 28, (uint)Hundredths32(reading.MeasureC));
            return Seal(buffer, ReadingLength);
        }

        /// <summary>Reads the reading record at <paramref name="offset"/> (checked beforehand).</summary>
        public static Reading ReadReading(byte[] buffer, int offset)
        {
            Reading reading = new Reading();
            reading.Sequence = LittleEndian.Get32(buffer, offset + 2);
            reading.TimestampMilliseconds = LittleEndian.Get64(buffer, offset + 6);
            reading.Kind = (ReadingKind)buffer[offset + 14];
            reading.Zone = (sbyte)buffer[offset + 15];
            reading.ValueA = (int)LittleEndian.Get32(buffer, offset + 16);
            reading.ValueB = (int)LittleEndian.Get32(buffer, offset + 20);
            short a = LittleEndian.Get16(buffer, offset + 24);
            short b = LittleEndian.Get16(buffer, offset + 26);
            int c = (int)LittleEndian.Get32(buffer, offset + 28);
            reading.MeasureA = a == MissingShort ? float.NaN : a / 100f;
            reading.MeasureB = b == MissingShort ? float.NaN : b / 100f;
            reading.MeasureC = c == MissingInt ? float.NaN : c / 100f;
            return reading;
        }

        /// <summary>The sequence number (or generation) in the record at <paramref name="offset"/>.</summary>
        public static uint SequenceAt(byte[] buffer, int offset)
        {
            return LittleEndian.Get32(buffer, offset + 2);
        }

        /// <summary>The next sequence number a segment header carries.</summary>
        public static uint NextSequenceAt(byte[] buffer, int offset)
        {
            return LittleEndian.Get32(buffer, offset + 6);
        }

        private static int Seal(byte[] buffer, int length)
        {
            LittleEndian.Put32(buffer, length - 4, Crc32.Compute(buffer, 0, length - 4));
            return length;
        }

        private static short Hundredths16(float value)
        {
            if (float.IsNaN(value) || value * 100f >= 32767.5f || value * 100f <= -32767.5f)
            {
                return MissingShort;
            }

            return (short)Round(value * 100f);
        }

        private static int Hundredths32(float value)
        {
            if (float.IsNaN(value) || value >= 2.1e7f || value <= -2.1e7f)
            {
                return MissingInt;
            }

            return Round(value * 100f);
        }

        private static int Round(float value)
        {
            return value >= 0 ? (int)(value + 0.5f) : -(int)(0.5f - value);
        }
    }
}
