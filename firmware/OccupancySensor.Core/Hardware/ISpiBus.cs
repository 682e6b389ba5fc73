namespace OccupancySensor.Hardware
{
    /// <summary>
    /// One SPI device (chip select handled by the bus driver), as used by LoRa radios. The device adapter wraps an
    /// already created SpiDevice. Buffers are the caller's and preallocated.
    /// </summary>
    public interface ISpiBus
    {
        /// <summary>Clocks out <paramref name="count"/> bytes in one chip-select frame.</summary>
        BusStatus Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Full duplex: clocks out <paramref name="count"/> bytes of <paramref name="writeBuffer"/> while reading
        /// the same number of bytes into <paramref name="readBuffer"/>, in one chip-select frame.
        /// </summary>
        BusStatus Exchange(byte[] writeBuffer, byte[] readBuffer, int count);
    }
}
