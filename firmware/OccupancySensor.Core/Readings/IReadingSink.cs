namespace OccupancySensor.Readings
{
    /// <summary>
    /// Where the sampling loop hands readings on: towards the flash log and the uplink on a device, or a
    /// recorder in the simulator. Called on the loop's thread; must not block for long.
    /// </summary>
    public interface IReadingSink
    {
        /// <summary>Takes one reading.</summary>
        void Accept(Reading reading);
    }
}
