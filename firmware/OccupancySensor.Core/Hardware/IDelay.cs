namespace OccupancySensor.Hardware
{
    /// <summary>
    /// Blocks the caller for a while. Radio drivers need it for the few waits a datasheet prescribes (a reset pulse,
    /// the chip's start-up, the wait for a receive window to open, polling a busy line); portable code never sleeps
    /// on a hardware API itself. On the device it is Thread.Sleep; in tests and the simulator it advances a simulated
    /// clock, so a driver's timing runs in no real time.
    /// </summary>
    public interface IDelay
    {
        /// <summary>Blocks for about <paramref name="milliseconds"/> ms (0 or less returns at once).</summary>
        void Wait(int milliseconds);
    }
}
