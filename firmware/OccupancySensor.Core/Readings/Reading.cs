namespace OccupancySensor.Readings
{
    /// <summary>
    /// One thing a sensor unit reports: states, counts and zones only, never images or anything that identifies a
    /// person. A small value type so readings pass through the loop without allocating. What the two integer and
    /// three float fields mean depends on <see cref="Kind"/>; build readings with the factory methods, which name them.
    /// </summary>
    public struct Reading
    {
        /// <summary>Zone index of readings about the whole unit rather than one zone.</summary>
        public const int WholeUnit = -1;

        /// <summary>What the reading reports.</summary>
        public ReadingKind Kind;

        /// <summary>The unit's sequence number, assigned when the reading is queued for the uplink; 0 before.</summary>
        public long Sequence;

        /// <summary>When it was taken, on the unit's clock.</summary>
        public long TimestampMilliseconds;

        /// <summary>The zone's index in the configuration, or <see cref="WholeUnit"/>.</summary>
        public int Zone;

        /// <summary>Occupied (1/0), a count, in total, alert state (1 raised, 0 cleared), fault count or readings dropped.</summary>
        public int ValueA;

        /// <summary>Out total, the count behind an alert, uptime in seconds, or readings dropped in total.</summary>
        public int ValueB;

        /// <summary>Ambient temperature in °C.</summary>
        public float MeasureA;

        /// <summary>Relative humidity in percent.</summary>
        public float MeasureB;

        /// <summary>Pressure in hPa.</summary>
        public float MeasureC;

        /// <summary>A zone became occupied or vacant.</summary>
        public static Reading PresenceChanged(long timestampMilliseconds, int zone, bool occupied)
        {
            return Create(ReadingKind.PresenceChanged, timestampMilliseconds, zone, occupied ? 1 : 0, 0);
        }

        /// <summary>The people count of a zone at a report period.</summary>
        public static Reading PeriodicCount(long timestampMilliseconds, int zone, int count)
        {
            return Create(ReadingKind.PeriodicCount, timestampMilliseconds, zone, count, 0);
        }

        /// <summary>Cumulative doorway totals.</summary>
        public static Reading InOutTotals(long timestampMilliseconds, int zone, int totalIn, int totalOut)
        {
            return Create(ReadingKind.InOutTotals, timestampMilliseconds, zone, totalIn, totalOut);
        }

        /// <summary>An occupancy alert was raised or cleared at <paramref name="count"/> people.</summary>
        public static Reading Alert(long timestampMilliseconds, int zone, bool raised, int count)
        {
            return Create(ReadingKind.Alert, timestampMilliseconds, zone, raised ? 1 : 0, count);
        }

        /// <summary>The unit's health.</summary>
        public static Reading DeviceHealth(long timestampMilliseconds, int faultsSinceLastReport, int uptimeSeconds)
        {
            return Create(ReadingKind.DeviceHealth, timestampMilliseconds, WholeUnit, faultsSinceLastReport, uptimeSeconds);
        }

        /// <summary>Ambient conditions.</summary>
        public static Reading Ambient(long timestampMilliseconds, float celsius, float humidityPercent, float pressureHectopascals)
        {
            Reading reading = Create(ReadingKind.Ambient, timestampMilliseconds, WholeUnit, 0, 0);
            reading.MeasureA = celsius;
            reading.MeasureB = humidityPercent;
            reading.MeasureC = pressureHectopascals;
            return reading;
        }

        /// <summary>
        /// <paramref name="dropped"/> undelivered readings were pushed out of a full flash log since the last such
        /// reading, <paramref name="droppedTotal"/> since start.
        /// </summary>
        public static Reading ReadingsDropped(long timestampMilliseconds, int dropped, int droppedTotal)
        {
            return Create(ReadingKind.ReadingsDropped, timestampMilliseconds, WholeUnit, dropped, droppedTotal);
        }

        private static Reading Create(ReadingKind kind, long timestampMilliseconds, int zone, int a, int b)
        {
            Reading reading = new Reading();
            reading.Kind = kind;
            reading.TimestampMilliseconds = timestampMilliseconds;
            reading.Zone = zone;
            reading.ValueA = a;
            reading.ValueB = b;
            return reading;
        }
    }
}
