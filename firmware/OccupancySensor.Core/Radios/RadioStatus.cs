namespace OccupancySensor.Radios
{
    /// <summary>
    /// The outcome of a radio driver's last call. A plain empty receive window (<see cref="NoPacket"/>) and a packet
    /// that failed its CRC are radio events, counted but not recorded as unit faults; the others are faults and are
    /// also recorded in the unit's fault log.
    /// </summary>
    public enum RadioStatus
    {
        /// <summary>The call did what it was asked.</summary>
        Ok = 0,

        /// <summary>Start has not succeeded yet: the radio is not used.</summary>
        NotStarted = 1,

        /// <summary>The chip did not identify itself as the expected part (wrong chip, no chip, MISO stuck).</summary>
        WrongChip = 2,

        /// <summary>An SPI transfer failed.</summary>
        BusError = 3,

        /// <summary>The SX126x BUSY line stayed high past its deadline.</summary>
        BusyTimeout = 4,

        /// <summary>The radio did not report the end of a transmission or reception in time.</summary>
        NoCompletion = 5,

        /// <summary>Frequency, modulation or length outside what the chip or the driver supports: nothing was sent.</summary>
        InvalidSettings = 6,

        /// <summary>The receive window closed without a preamble (the normal outcome of most windows).</summary>
        NoPacket = 7,

        /// <summary>A packet arrived with a bad payload CRC or header; it was dropped.</summary>
        CrcError = 8,

        /// <summary>A packet arrived that is longer than the caller's buffer; it was dropped.</summary>
        TooLong = 9,
    }
}
