namespace OccupancySensor.Runtime
{
    /// <summary>The part of the unit a fault came from.</summary>
    public enum FaultSource : byte
    {
        /// <summary>The thermal array or its bus.</summary>
        Thermal = 1,

        /// <summary>The ambient sensor or its bus.</summary>
        Ambient = 2,

        /// <summary>The PIR input.</summary>
        Pir = 3,

        /// <summary>The configuration file or a configuration command.</summary>
        Configuration = 4,

        /// <summary>The flash file system.</summary>
        Storage = 5,

        /// <summary>The uplink (network, broker, radio).</summary>
        Uplink = 6,

        /// <summary>The processing stages or the loop itself.</summary>
        Processing = 7,
    }

    /// <summary>What went wrong.</summary>
    public enum FaultCode : byte
    {
        /// <summary>No device acknowledged its address.</summary>
        NotAcknowledged = 1,

        /// <summary>A transfer ended early or returned implausible data.</summary>
        ShortOrCorruptRead = 2,

        /// <summary>The bus clock was held too long.</summary>
        BusTimeout = 3,

        /// <summary>Any other bus error.</summary>
        BusError = 4,

        /// <summary>A file or key is missing.</summary>
        Missing = 5,

        /// <summary>A file, value or command is invalid.</summary>
        Invalid = 6,

        /// <summary>Reading from flash failed.</summary>
        ReadFailed = 7,

        /// <summary>Writing to flash failed (full or worn).</summary>
        WriteFailed = 8,

        /// <summary>An unexpected exception in a processing stage.</summary>
        Exception = 9,

        /// <summary>A sensor came back after faults.</summary>
        Recovered = 10,

        /// <summary>Edges or readings were dropped because a buffer was full.</summary>
        Overflow = 11,
    }
}
