namespace OccupancySensor.Lorawan.Regions
{
    /// <summary>Whether an uplink of a given size may go out at a given data rate (<see cref="LorawanRegion.CheckUplink"/>).</summary>
    public enum UplinkCheck
    {
        /// <summary>Allowed.</summary>
        Allowed = 0,

        /// <summary>The region has no such uplink data rate.</summary>
        UnknownDataRate = 1,

        /// <summary>Application payload plus FOpts exceed the data rate's maximum.</summary>
        PayloadTooLarge = 2,

        /// <summary>The packet would stay on the air longer than the region's dwell-time limit (US915: 400 ms).</summary>
        DwellTimeExceeded = 3,
    }
}
