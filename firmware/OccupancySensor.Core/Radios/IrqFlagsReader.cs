namespace OccupancySensor.Radios
{
    /// <summary>
    /// Reads a radio chip's interrupt flags, the one chip-specific step of <see cref="IrqPoller"/> (SX1276: the
    /// RegIrqFlags register; SX1262: the GetIrqStatus command). Returns the flag bits (never negative), or -1 when the
    /// read failed; whether that fault is already recorded is the driver's own business. A delegate rather than an
    /// interface so a driver can hand over a private method without adding anything to its public surface.
    /// </summary>
    internal delegate int IrqFlagsReader();
}
