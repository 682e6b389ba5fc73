using OccupancySensor.Readings;

namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// The compact binary form of a reading for LoRaWAN (FPort 1; byte tables in Lorawan/README.md). Every record is
    /// at most 11 bytes, the US915 DR0 limit, so any reading fits any data rate; at faster data rates the end device
    /// puts several records in one frame (each record's length follows from its first byte). Big-endian fields:
    /// <code>
    /// byte 0     kind (high nibble) | zone (low nibble, 0..14; 15 = the whole unit)
    /// bytes 1-3  sequence number, low 24 bits (a consumer rebuilds the rest from the last one it saw)
    /// bytes 4-5  age when sent: 0..32767 s; 0x8000 | minutes from 32768 s; 0xFFFF unknown
    /// bytes 6-   the kind's values
    /// </code>
    /// Encoding writes into the caller's buffer and allocates nothing.
    /// </summary>
    public static class ReadingPayloadEncoder
    {
        /// <summary>The largest record: the US915 DR0 application payload.</summary>
        public const int MaxRecordLength = 11;

        /// <summary>Kind/zone byte, 24-bit sequence, 16-bit age.</summary>
        public const int CommonLength = 6;

        /// <summary>The zone nibble of readings about the whole unit.</summary>
        public const int WholeUnitZone = 15;

        /// <summary>The age field of a reading whose age is not known (taken before a reboot, or over 22 days old).</summary>
        public const int AgeUnknown = 0xFFFF;

        /// <summary>Largest in/out total before it wraps (the field is 20 bits; consumers treat totals as counters).</summary>
        public const int TotalModulus = 1 << 20;

        /// <summary>Largest faults value (12 bits; more are sent as this).</summary>
        public const int MaxFaults = 4095;

        /// <summary>Largest uptime in seconds (28 bits, 8.5 years; more are sent as this).</summary>
        public const int MaxUptimeSeconds = (1 << 28) - 1;

        /// <summary>Temperature code of a missing value (int16 in 0.01 °C).</summary>
        public const int TemperatureMissing = -32768;

        /// <summary>Humidity code of a missing value (10 bits in 0.1 %).</summary>
        public const int HumidityMissing = 1023;

        /// <summary>Pressure code of a missing value (14 bits in 0.1 hPa above 300 hPa).</summary>
        public const int PressureMissing = 16383;

        /// <summary>The pressure the 14-bit field starts at, in hPa (range 300.0..1938.2).</summary>
        public const float PressureOffsetHectopascals = 300f;

        // Age: seconds are exact below 32768 s (9.1 h); beyond, minutes with the top bit set, up to 32766 minutes.
        private const int AgeMinutesFlag = 0x8000;
        private const long AgeSecondsLimit = 0x8000;
        private const long AgeMinutesLimit = 0x7FFE;

        /// <summary>The record length of a kind (0 for an unknown kind).</summary>
        public static int RecordLength(ReadingKind kind)
        {
            switch (kind)
            {
                case ReadingKind.PresenceChanged:
                    return CommonLength + 1;
                case ReadingKind.PeriodicCount:
                case ReadingKind.Alert:
                    return CommonLength + 2;
                case ReadingKind.InOutTotals:
                case ReadingKind.DeviceHealth:
                case ReadingKind.Ambient:
                case ReadingKind.ReadingsDropped:
                    return CommonLength + 5;
                default:
                    return 0;
            }
        }

        /// <summary>The age field for an age in milliseconds (negative: unknown).</summary>
        public static int AgeCode(long ageMilliseconds)
        {
            if (ageMilliseconds < 0)
            {
                return AgeUnknown;
            }

            long seconds = ageMilliseconds / 1000;
            if (seconds < AgeSecondsLimit)
            {
                return (int)seconds;
            }

            long minutes = seconds / 60;
            return minutes <= AgeMinutesLimit ? AgeMinutesFlag | (int)minutes : AgeUnknown;
        }

        /// <summary>
        /// Writes the record of <paramref name="reading"/> at <paramref name="offset"/> and returns its length.
        /// <paramref name="ageMilliseconds"/> is how long ago it was taken (negative when unknown).
        /// Throws <see cref="System.ArgumentException"/> for a kind or zone the format cannot carry, or too little room.
        /// </summary>
        public static int Encode(Reading reading, long ageMilliseconds, byte[] buffer, int offset)
        {
            int length = RecordLength(reading.Kind);
            if (length == 0)
            {
                throw new System.ArgumentException("LoRaWAN payload: unknown reading kind");
            }

            if (reading.Zone < Reading.WholeUnit || reading.Zone >= WholeUnitZone)
            {
                throw new System.ArgumentException("LoRaWAN payload: zone outside 0..14");
            }

            if (buffer == null || offset < 0 || offset + length > buffer.Length)
            {
                throw new System.ArgumentException("LoRaWAN payload: no room for the record");
            }

            WriteCommon((int)reading.Kind, reading, ageMilliseconds, buffer, offset);
            int at = offset + CommonLength;
            switch (reading.Kind)
            {
                case ReadingKind.PresenceChanged:
                    buffer[at] = (byte)(reading.ValueA != 0 ? 1 : 0);
                    break;
                case ReadingKind.PeriodicCount:
                    Put16(buffer, at, Clamp(reading.ValueA, 0, 0xFFFF));
                    break;
                case ReadingKind.Alert:
                    Put16(buffer, at, (reading.ValueA != 0 ? 0x8000 : 0) | Clamp(reading.ValueB, 0, 0x7FFF));
                    break;
                case ReadingKind.InOutTotals:
                    Put20And20(buffer, at, reading.ValueA & (TotalModulus - 1), reading.ValueB & (TotalModulus - 1));
                    break;
                case ReadingKind.DeviceHealth:
                    Put12And28(buffer, at, Clamp(reading.ValueA, 0, MaxFaults), Clamp(reading.ValueB, 0, MaxUptimeSeconds));
                    break;
                case ReadingKind.ReadingsDropped:
                    // Counts, not counters: clamped (not wrapped) to 20 bits, so a huge loss never reads as a small one.
                    Put20And20(buffer, at, Clamp(reading.ValueA, 0, TotalModulus - 1), Clamp(reading.ValueB, 0, TotalModulus - 1));
                    break;
                case ReadingKind.Ambient:
                    Put16(buffer, at, TemperatureCode(reading.MeasureA));
                    Put10And14(buffer, at + 2, HumidityCode(reading.MeasureB), PressureCode(reading.MeasureC));
                    break;
            }

            return length;
        }

        /// <summary>
        /// Writes the common header (kind code, zone nibble, low 24 bits of the sequence, age) of a record about
        /// <paramref name="reading"/>; the zone must already be checked.
        /// </summary>
        internal static void WriteCommon(int kindCode, Reading reading, long ageMilliseconds, byte[] buffer, int offset)
        {
            int zone = reading.Zone == Reading.WholeUnit ? WholeUnitZone : reading.Zone;
            buffer[offset] = (byte)((kindCode << 4) | zone);
            long sequence = reading.Sequence;
            buffer[offset + 1] = (byte)(sequence >> 16);
            buffer[offset + 2] = (byte)(sequence >> 8);
            buffer[offset + 3] = (byte)sequence;
            int age = AgeCode(ageMilliseconds);
            buffer[offset + 4] = (byte)(age >> 8);
            buffer[offset + 5] = (byte)age;
        }

        /// <summary>Whether the format can carry <paramref name="reading"/> (a known kind, zone 0..14 or the whole unit).</summary>
        public static bool CanEncode(Reading reading)
        {
            return RecordLength(reading.Kind) != 0 && reading.Zone >= Reading.WholeUnit && reading.Zone < WholeUnitZone;
        }

        /// <summary>Temperature in 0.01 °C as int16 (two's complement), clamped to ±327.67 °C.</summary>
        public static int TemperatureCode(float celsius)
        {
            if (float.IsNaN(celsius) || float.IsInfinity(celsius))
            {
                return TemperatureMissing & 0xFFFF;
            }

            return Clamp(Round(celsius * 100f), -32767, 32767) & 0xFFFF;
        }

        /// <summary>Relative humidity in 0.1 %, 0..1000.</summary>
        public static int HumidityCode(float percent)
        {
            if (float.IsNaN(percent) || float.IsInfinity(percent))
            {
                return HumidityMissing;
            }

            return Clamp(Round(percent * 10f), 0, 1000);
        }

        /// <summary>Pressure in 0.1 hPa above 300 hPa, 0..16382.</summary>
        public static int PressureCode(float hectopascals)
        {
            if (float.IsNaN(hectopascals) || float.IsInfinity(hectopascals))
            {
                return PressureMissing;
            }

            return Clamp(Round((hectopascals - PressureOffsetHectopascals) * 10f), 0, PressureMissing - 1);
        }

        private static int Round(float value)
        {
            // Half away from zero, in float: nanoFramework's Math.Round is double only and runs in single precision.
            if (value >= 2147483000f)
            {
                return int.MaxValue;
            }

            if (value <= -2147483000f)
            {
                return int.MinValue;
            }

            return value >= 0f ? (int)(value + 0.5f) : -(int)(0.5f - value);
        }

        private static int Clamp(int value, int min, int max)
        {
            return value < min ? min : value > max ? max : value;
        }

        private static void Put16(byte[] buffer, int at, int value)
        {
            buffer[at] = (byte)(value >> 8);
            buffer[at + 1] = (byte)value;
        }

        private static void Put40(byte[] buffer, int at, long value)
        {
            buffer[at] = (byte)(value >> 32);
            buffer[at + 1] = (byte)(value >> 24);
            buffer[at + 2] = (byte)(value >> 16);
            buffer[at + 3] = (byte)(value >> 8);
            buffer[at + 4] = (byte)value;
        }

        private static void Put20And20(byte[] buffer, int at, int high, int low)
        {
            Put40(buffer, at, ((long)high << 20) | (uint)low);
        }

        private static void Put12And28(byte[] buffer, int at, int high, int low)
        {
            Put40(buffer, at, ((long)high << 28) | (uint)low);
        }

        private static void Put10And14(byte[] buffer, int at, int high, int low)
        {
            int value = (high << 14) | low;
            buffer[at] = (byte)(value >> 16);
            buffer[at + 1] = (byte)(value >> 8);
            buffer[at + 2] = (byte)value;
        }
    }
}
