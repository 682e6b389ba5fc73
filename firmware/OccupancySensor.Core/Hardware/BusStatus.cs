namespace OccupancySensor.Hardware
{
    /// <summary>
    /// Outcome of one bus transfer. Mirrors the failure modes an I2C transfer reports on nanoFramework
    /// (I2cTransferStatus) without depending on it, so portable code and the simulator can produce them too.
    /// </summary>
    public enum BusStatus
    {
        /// <summary>Every byte was transferred.</summary>
        Ok = 0,

        /// <summary>No device answered at the address: unplugged, unpowered or a wrong address.</summary>
        AddressNotAcknowledged = 1,

        /// <summary>The device stopped answering part way through: a short read or write.</summary>
        PartialTransfer = 2,

        /// <summary>The device held the clock low for too long.</summary>
        ClockStretchTimeout = 3,

        /// <summary>Any other failure, including an exception thrown by the bus driver.</summary>
        UnknownError = 4,
    }
}
