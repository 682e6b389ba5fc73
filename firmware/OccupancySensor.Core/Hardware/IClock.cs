namespace OccupancySensor.Hardware
{
    /// <summary>
    /// A monotonic millisecond clock. On the device it is Environment.TickCount64 (milliseconds since boot);
    /// in the simulator it is a simulated clock that runs much faster than real time.
    /// Everything that schedules or timestamps work asks this clock, never DateTime, so that the same code
    /// runs identically in both places.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long NowMilliseconds { get; }
    }
}
