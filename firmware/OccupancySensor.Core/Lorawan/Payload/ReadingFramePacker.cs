using OccupancySensor.Readings;

namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// Packs the oldest waiting readings into one FPort 1 frame, up to the data rate's payload limit, so a backlog
    /// (readings held back by the duty cycle or taken out of coverage) drains in fewer, fuller frames: each frame costs
    /// 13 bytes of LoRaWAN overhead plus the preamble, so one 50-byte frame takes far less airtime than five 10-byte
    /// ones. The frame always holds a run of readings that starts at the oldest and follows log order without gaps,
    /// so the sender releases them in order and nothing is skipped or sent twice.
    /// Periodic counts are folded: the counts of one zone in the frame, taken a whole number of seconds apart at one
    /// steady interval, go as one count-run record (kind 8: 9 bytes plus 2 per count, against 8 bytes per count
    /// record), lossless: every count keeps its own sequence number and time. Byte layout in Lorawan/README.md.
    /// Every array is sized here for <see cref="MaxReadings"/>; packing allocates nothing.
    /// </summary>
    public sealed class ReadingFramePacker
    {
        /// <summary>
        /// Most readings one frame may take: 32 x ~48 bytes of readings held by the sender to look ahead. At the
        /// largest payload (242 bytes) 32 presence records would not fit anyway; 32 folded counts need 73 bytes.
        /// </summary>
        public const int MaxReadings = 32;

        /// <summary>The record kind code of a count run (after the seven <see cref="ReadingKind"/> codes).</summary>
        public const int CountRunKind = 8;

        /// <summary>Common header, number of counts, interval in seconds.</summary>
        public const int CountRunHeaderLength = ReadingPayloadEncoder.CommonLength + 3;

        /// <summary>Each count of a run: sequence step (4 bits) and count (12 bits).</summary>
        public const int CountRunEntryLength = 2;

        /// <summary>Largest sequence step from one count of a run to the next (4 bits).</summary>
        public const int MaxRunStep = 15;

        /// <summary>Largest count a run entry carries (12 bits); a larger count goes as its own record.</summary>
        public const int MaxRunCount = 4095;

        /// <summary>Largest interval between the counts of a run, in seconds (16 bits).</summary>
        public const int MaxRunIntervalSeconds = 65535;

        // The zone nibbles: 0..14 and 15 for the whole unit.
        private const int ZoneSlots = 16;
        private const int NotInRun = -1;

        // Per reading of the frame: the index of the first count of its run, or NotInRun. Per first count: how many.
        private readonly int[] _runOf = new int[MaxReadings];
        private readonly int[] _runLength = new int[MaxReadings];

        // Per zone: the run still open to more counts, the last count's sequence and time, the run's interval.
        private readonly int[] _openRun = new int[ZoneSlots];
        private readonly long[] _lastSequence = new long[ZoneSlots];
        private readonly long[] _lastTime = new long[ZoneSlots];
        private readonly long[] _interval = new long[ZoneSlots];

        /// <summary>Readings the last <see cref="Pack"/> took (sent, or skipped as not encodable).</summary>
        public int ReadingsPacked { get; private set; }

        /// <summary>Readings the last <see cref="Pack"/> skipped because the format cannot carry them.</summary>
        public int ReadingsSkipped { get; private set; }

        /// <summary>Count runs the last <see cref="Pack"/> wrote.</summary>
        public int RunsWritten { get; private set; }

        /// <summary>
        /// Packs the first readings of <paramref name="readings"/> (<paramref name="count"/> of them, oldest first)
        /// into <paramref name="buffer"/> up to <paramref name="maxLength"/> bytes; returns the frame length.
        /// <paramref name="now"/> and <paramref name="knownFromSequence"/> give the ages: readings numbered below it
        /// were taken before the last restart, on another clock, and go with age unknown (and are never folded).
        /// </summary>
        public int Pack(Reading[] readings, int count, long now, long knownFromSequence, byte[] buffer, int maxLength)
        {
            if (count > MaxReadings)
            {
                count = MaxReadings;
            }

            for (int z = 0; z < ZoneSlots; z++)
            {
                _openRun[z] = NotInRun;
            }

            int size = 0;
            int taken = 0;
            int skipped = 0;
            for (int i = 0; i < count; i++)
            {
                Reading reading = readings[i];
                _runOf[i] = NotInRun;
                _runLength[i] = 0;
                if (!ReadingPayloadEncoder.CanEncode(reading))
                {
                    taken++;
                    skipped++;
                    continue;
                }

                int zone = reading.Zone == Reading.WholeUnit ? ReadingPayloadEncoder.WholeUnitZone : reading.Zone;
                int added = ReadingPayloadEncoder.RecordLength(reading.Kind);
                bool foldable = reading.Kind == ReadingKind.PeriodicCount && reading.ValueA >= 0 &&
                                reading.ValueA <= MaxRunCount && reading.Sequence >= knownFromSequence;
                int joins = NotInRun;
                if (foldable && _openRun[zone] != NotInRun && Extends(zone, reading))
                {
                    joins = _openRun[zone];

                    // One count alone is a plain record (8 bytes); the second turns it into a run.
                    added = _runLength[joins] == 1
                        ? CountRunHeaderLength + (2 * CountRunEntryLength) - ReadingPayloadEncoder.RecordLength(ReadingKind.PeriodicCount)
                        : CountRunEntryLength;
                }

                if (size + added > maxLength)
                {
                    break;
                }

                size += added;
                taken++;
                if (!foldable)
                {
                    continue;
                }

                if (joins == NotInRun)
                {
                    // A count that cannot join its zone's run starts a new one (the old one is closed).
                    joins = i;
                    _openRun[zone] = i;
                    _interval[zone] = 0;
                }
                else if (_runLength[joins] == 1)
                {
                    _interval[zone] = reading.TimestampMilliseconds - _lastTime[zone];
                }

                _runOf[i] = joins;
                _runLength[joins]++;
                _lastSequence[zone] = reading.Sequence;
                _lastTime[zone] = reading.TimestampMilliseconds;
            }

            ReadingsPacked = taken;
            ReadingsSkipped = skipped;
            return Write(readings, taken, now, knownFromSequence, buffer);
        }

        // Whether a count can follow the open run of its zone: a sequence step of 1..15 and the run's interval
        // (the second count sets it: a whole number of seconds, 1..65535).
        private bool Extends(int zone, Reading reading)
        {
            long step = reading.Sequence - _lastSequence[zone];
            long gap = reading.TimestampMilliseconds - _lastTime[zone];
            if (step < 1 || step > MaxRunStep || _runLength[_openRun[zone]] >= 255)
            {
                return false;
            }

            if (_interval[zone] == 0)
            {
                return gap >= 1000 && gap % 1000 == 0 && gap / 1000 <= MaxRunIntervalSeconds;
            }

            return gap == _interval[zone];
        }

        private int Write(Reading[] readings, int taken, long now, long knownFromSequence, byte[] buffer)
        {
            int at = 0;
            int runs = 0;
            for (int i = 0; i < taken; i++)
            {
                Reading reading = readings[i];
                if (!ReadingPayloadEncoder.CanEncode(reading))
                {
                    continue;
                }

                long age = reading.Sequence >= knownFromSequence ? now - reading.TimestampMilliseconds : -1;
                if (_runOf[i] == NotInRun || _runLength[_runOf[i]] == 1)
                {
                    at += ReadingPayloadEncoder.Encode(reading, age, buffer, at);
                    continue;
                }

                if (_runOf[i] != i)
                {
                    // A later count of a run: written with its first.
                    continue;
                }

                at += WriteRun(readings, i, taken, age, buffer, at);
                runs++;
            }

            RunsWritten = runs;
            return at;
        }

        private int WriteRun(Reading[] readings, int first, int taken, long age, byte[] buffer, int offset)
        {
            Reading leader = readings[first];
            int entries = _runLength[first];
            ReadingPayloadEncoder.WriteCommon(CountRunKind, leader, age, buffer, offset);
            buffer[offset + 6] = (byte)entries;
            long interval = entries > 1 ? (readings[NextMember(first, first, taken)].TimestampMilliseconds - leader.TimestampMilliseconds) / 1000 : 0;
            buffer[offset + 7] = (byte)(interval >> 8);
            buffer[offset + 8] = (byte)interval;
            int at = offset + CountRunHeaderLength;
            long previous = leader.Sequence;
            for (int i = first; i < taken; i = NextMember(first, i, taken))
            {
                int step = (int)(readings[i].Sequence - previous);
                int value = (step << 12) | readings[i].ValueA;
                buffer[at] = (byte)(value >> 8);
                buffer[at + 1] = (byte)value;
                at += CountRunEntryLength;
                previous = readings[i].Sequence;
            }

            return at - offset;
        }

        private int NextMember(int first, int after, int taken)
        {
            for (int i = after + 1; i < taken; i++)
            {
                if (_runOf[i] == first)
                {
                    return i;
                }
            }

            return taken;
        }
    }
}
