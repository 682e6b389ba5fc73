namespace OccupancySensor.Readings
{
    /// <summary>What a reading reports. The numeric values are part of the stored and transmitted formats.</summary>
    public enum ReadingKind : byte
    {
        /// <summary>A zone became occupied or vacant.</summary>
        PresenceChanged = 1,

        /// <summary>The people count of a zone, at every report period.</summary>
        PeriodicCount = 2,

        /// <summary>Cumulative in and out totals of the doorway.</summary>
        InOutTotals = 3,

        /// <summary>An occupancy alert was raised or cleared.</summary>
        Alert = 4,

        /// <summary>The unit's health: faults since the last report and uptime.</summary>
        DeviceHealth = 5,

        /// <summary>Ambient temperature, humidity and pressure.</summary>
        Ambient = 6,

        /// <summary>
        /// Undelivered readings were dropped because the flash log was full: how many since the last such report,
        /// and in total since start. Never silent: the report goes out ahead of the backlog.
        /// </summary>
        ReadingsDropped = 7,
    }
}
