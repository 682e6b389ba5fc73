namespace OccupancySensor.Runtime
{
    /// <summary>One recorded fault.</summary>
    public struct FaultRecord
    {
        /// <summary>When, on the unit's clock.</summary>
        public long TimestampMilliseconds;

        /// <summary>Where.</summary>
        public FaultSource Source;

        /// <summary>What.</summary>
        public FaultCode Code;

        /// <summary>Detail for a technician (a key, a file name); a constant or rare string, never built per frame.</summary>
        public string Detail;
    }
}
