namespace OccupancySensor.Hardware
{
    /// <summary>
    /// One I2C device seen as a set of byte registers, the way register-mapped sensors (AMG8833, BME280) work.
    /// The device adapter wraps an already created I2cDevice; the simulator answers with a simulated chip.
    /// Transfers never throw: failures come back as a <see cref="BusStatus"/> so the sampling loop can record
    /// them as faults and carry on.
    /// </summary>
    public interface II2cRegisterBus
    {
        /// <summary>Writes one byte to a register.</summary>
        BusStatus WriteRegister(byte register, byte value);

        /// <summary>
        /// Reads <paramref name="count"/> consecutive registers starting at <paramref name="startRegister"/>
        /// into <paramref name="buffer"/> at <paramref name="offset"/> (a write of the register address followed
        /// by a repeated-start read). The buffer is the caller's, preallocated: nothing is allocated per read.
        /// </summary>
        BusStatus ReadRegisters(byte startRegister, byte[] buffer, int offset, int count);
    }
}
