namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// The downlink commands, the same set the unit takes over MQTT: the first byte of a command on FPort 2.
    /// The values are the wire values.
    /// </summary>
    public enum CommandCode : byte
    {
        /// <summary>Not a command (an empty downlink).</summary>
        None = 0,

        /// <summary>Send the current counts and health now, not at the next report period. No arguments.</summary>
        ReportNow = 1,

        /// <summary>Send stored readings again from a sequence number on: 4 bytes, big-endian.</summary>
        HistorySince = 2,

        /// <summary>Change numeric settings: 1..4 pairs of (setting id, 24-bit big-endian value), applied all or none.</summary>
        SetConfiguration = 3,
    }
}
