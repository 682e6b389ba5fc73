namespace OccupancySensor.Lorawan.Regions
{
    /// <summary>One data rate of a region's table (LoRaWAN Regional Parameters RP002-1.0.x): modulation and payload limit.</summary>
    public struct DataRate
    {
        /// <summary>Spreading factor (0 for a data rate this device does not use, such as EU868 DR7 FSK).</summary>
        public int SpreadingFactor;

        /// <summary>Bandwidth in Hz.</summary>
        public int BandwidthHz;

        /// <summary>Largest application payload N with FOpts empty (with FOpts, N minus their length).</summary>
        public int MaxApplicationPayload;

        /// <summary>Whether the table has a LoRa modulation at this index.</summary>
        public bool IsDefined
        {
            get { return SpreadingFactor != 0; }
        }

        internal static DataRate Of(int spreadingFactor, int bandwidthHz, int maxApplicationPayload)
        {
            DataRate rate = new DataRate();
            rate.SpreadingFactor = spreadingFactor;
            rate.BandwidthHz = bandwidthHz;
            rate.MaxApplicationPayload = maxApplicationPayload;
            return rate;
        }
    }
}
