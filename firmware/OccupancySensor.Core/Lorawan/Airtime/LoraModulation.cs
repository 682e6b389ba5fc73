namespace OccupancySensor.Lorawan.Airtime
{
    /// <summary>The LoRa packet settings time on air depends on. A plain value type: building one allocates nothing.</summary>
    public struct LoraModulation
    {
        /// <summary>Spreading factor, 5..12.</summary>
        public int SpreadingFactor;

        /// <summary>Bandwidth in Hz (125000, 250000, 500000, ...).</summary>
        public int BandwidthHz;

        /// <summary>Coding rate 4/(4+n): 1 for 4/5 (LoRaWAN's) .. 4 for 4/8.</summary>
        public int CodingRate;

        /// <summary>Programmed preamble symbols (LoRaWAN: 8).</summary>
        public int PreambleSymbols;

        /// <summary>Explicit header (LoRaWAN: always).</summary>
        public bool ExplicitHeader;

        /// <summary>Payload CRC (LoRaWAN: on uplinks, off on downlinks).</summary>
        public bool Crc;

        /// <summary>Low data rate optimisation (LoRaWAN: on when a symbol lasts 16 ms or more, i.e. SF11/SF12 at 125 kHz).</summary>
        public bool LowDataRateOptimize;

        /// <summary>
        /// A LoRaWAN uplink's settings: preamble 8, explicit header, CRC on, coding rate 4/5, and low data rate
        /// optimisation where the specification and the radios require it (symbol time 16 ms or more).
        /// </summary>
        public static LoraModulation LorawanUplink(int spreadingFactor, int bandwidthHz)
        {
            LoraModulation modulation = new LoraModulation();
            modulation.SpreadingFactor = spreadingFactor;
            modulation.BandwidthHz = bandwidthHz;
            modulation.CodingRate = 1;
            modulation.PreambleSymbols = 8;
            modulation.ExplicitHeader = true;
            modulation.Crc = true;
            modulation.LowDataRateOptimize = RequiresLowDataRateOptimize(spreadingFactor, bandwidthHz);
            return modulation;
        }

        /// <summary>
        /// Whether symbols of <paramref name="spreadingFactor"/> at <paramref name="bandwidthHz"/> last 16 ms or more, where
        /// both LoRaWAN (1.0.4, 4.3.2) and the radios (SX1276 4.1.1.6, SX1261/2 6.1.1.4) require Low Data Rate Optimize.
        /// </summary>
        public static bool RequiresLowDataRateOptimize(int spreadingFactor, int bandwidthHz)
        {
            return TimeOnAir.SymbolMicroseconds(spreadingFactor, bandwidthHz) >= 16000;
        }

        /// <summary>
        /// A LoRaWAN downlink's settings, as a receive window listens for them: the uplink's, without the payload
        /// CRC (network servers send downlinks without one).
        /// </summary>
        public static LoraModulation LorawanDownlink(int spreadingFactor, int bandwidthHz)
        {
            LoraModulation modulation = LorawanUplink(spreadingFactor, bandwidthHz);
            modulation.Crc = false;
            return modulation;
        }
    }
}
