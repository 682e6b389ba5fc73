namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// The downlink commands, the same set and names the unit takes over MQTT ("report", "history", "config"): the
    /// first byte of a command on FPort 2. The values are the wire values.
    /// </summary>
    public enum CommandCode : byte
    {
        /// <summary>Not a command (an empty downlink).</summary>
        None = 0,

        /// <summary>"report": send the current counts and health now, not at the next report period. No arguments.</summary>
        Report = 1,

        /// <summary>"history" with "since": send stored readings again from a sequence number on: 4 bytes, big-endian.</summary>
        History = 2,

        /// <summary>"config" with "set": change numeric settings: 1..4 pairs of (setting id, 24-bit big-endian value), applied all or none.</summary>
        Config = 3,
    }
}
