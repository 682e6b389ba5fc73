namespace OccupancySensor.Lorawan.Airtime
{
    /// <summary>
    /// Time on air of a LoRa packet, in whole microseconds, in integer arithmetic (float would drift and the device's
    /// double maths is single precision). Symbol time Tsym = 2^SF / BW. For SF7..SF12 (Semtech AN1200.13; SX1261/2
    /// datasheet 6.1.4 gives the same): preamble = (Npreamble + 4.25) Tsym, payload = 8 + max(ceil((8 PL - 4 SF + 28
    /// + 16 CRC - 20 IH) / (4 (SF - 2 DE))) (CR + 4), 0) symbols. SX126x at SF5/SF6: preamble (Npreamble + 6.25) Tsym
    /// and the numerator has no +8 term (8 PL + 16 CRC - 4 SF + 20 for an explicit header).
    /// The sum is counted in quarter symbols so the 4.25/6.25 stay exact; at 125/250/500 kHz every figure is exact to
    /// the microsecond, at other bandwidths it is rounded down.
    /// </summary>
    public static class TimeOnAir
    {
        /// <summary>The duration of one symbol in microseconds (rounded down where it is not whole).</summary>
        public static long SymbolMicroseconds(int spreadingFactor, int bandwidthHz)
        {
            return ((1L << spreadingFactor) * 1000000L) / bandwidthHz;
        }

        /// <summary>The time on air of a packet with <paramref name="payloadBytes"/> bytes of PHY payload.</summary>
        public static long Microseconds(LoraModulation modulation, int payloadBytes, LoraChip chip)
        {
            int sf = modulation.SpreadingFactor;
            if (modulation.BandwidthHz <= 0 || modulation.CodingRate < 1 || modulation.CodingRate > 4 || payloadBytes < 0 || payloadBytes > 255)
            {
                throw new System.ArgumentOutOfRangeException("modulation", "bandwidth > 0, coding rate 1..4, payload 0..255");
            }

            bool shortSpreading = sf == 5 || sf == 6;
            if (sf < (chip == LoraChip.Sx126x ? 5 : 6) || sf > 12)
            {
                throw new System.ArgumentOutOfRangeException("modulation", "spreading factor outside the chip's range");
            }

            int crcBits = modulation.Crc ? 16 : 0;
            int numerator;
            int preambleQuarters;
            if (chip == LoraChip.Sx126x && shortSpreading)
            {
                numerator = 8 * payloadBytes + crcBits - 4 * sf + (modulation.ExplicitHeader ? 20 : 0);
                preambleQuarters = 4 * modulation.PreambleSymbols + 25;
            }
            else
            {
                numerator = 8 * payloadBytes - 4 * sf + 28 + crcBits - (modulation.ExplicitHeader ? 0 : 20);
                preambleQuarters = 4 * modulation.PreambleSymbols + 17;
            }

            int denominator = 4 * (sf - (modulation.LowDataRateOptimize ? 2 : 0));
            int blocks = numerator <= 0 ? 0 : (numerator + denominator - 1) / denominator;
            int payloadSymbols = 8 + blocks * (modulation.CodingRate + 4);
            long quarterSymbols = preambleQuarters + 4L * payloadSymbols;
            return (quarterSymbols * (1L << sf) * 1000000L) / (4L * modulation.BandwidthHz);
        }

        /// <summary>The time on air of a packet in whole milliseconds, rounded up (see <see cref="EndMilliseconds"/>).</summary>
        public static int Milliseconds(LoraModulation modulation, int payloadBytes, LoraChip chip)
        {
            return (int)((Microseconds(modulation, payloadBytes, chip) + 999) / 1000);
        }

        /// <summary>
        /// The millisecond at which a packet that started at <paramref name="startMilliseconds"/> and lasts
        /// <paramref name="airtimeMicroseconds"/> ends, rounded up; receive windows count from it. The device, the
        /// simulated network and the test channels must all round the same way: the simulated network delivers a
        /// downlink only to a window that opens at exactly the millisecond it scheduled, so a window counted from an end
        /// rounded differently would hear nothing.
        /// </summary>
        public static long EndMilliseconds(long startMilliseconds, long airtimeMicroseconds)
        {
            return startMilliseconds + (airtimeMicroseconds + 999) / 1000;
        }
    }
}
