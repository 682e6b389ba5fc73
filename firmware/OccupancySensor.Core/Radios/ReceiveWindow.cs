using OccupancySensor.Hardware;
using OccupancySensor.Lorawan.Airtime;

namespace OccupancySensor.Radios
{
    /// <summary>
    /// When a receive window starts listening and how long it listens, shared by the radio drivers. LoRaWAN downlinks
    /// start exactly at the window's opening (RX1 = end of the uplink + RxDelay); the device knows that moment only to
    /// its millisecond clock and its wake-up latency, so the radio starts listening <see cref="LeadMilliseconds"/> early
    /// when it can and keeps listening long enough to cover the same uncertainty after the opening, plus the preamble
    /// symbols the modem needs to lock. Stopping on a missed preamble keeps the receiver's current (about 11 mA) short.
    /// </summary>
    public static class ReceiveWindow
    {
        /// <summary>How early the receiver is started before the window's nominal opening, when the call comes early enough.</summary>
        public const int LeadMilliseconds = 10;

        // Preamble symbols the LoRa modem needs to detect a packet: LoRaWAN downlinks carry 8; listening for 8 plus
        // the timing uncertainty finds any preamble that begins inside the uncertainty.
        private const int PreambleSymbols = 8;

        // RegSymbTimeout on the SX1276 is 10 bits.
        private const int MaximumSymbols = 1023;

        // Allowance past the longest possible packet before a missing RxDone counts as a radio fault.
        private const int CompletionMarginMilliseconds = 100;

        /// <summary>Symbols the receiver waits for a preamble: 8 plus twice the lead, rounded up to whole symbols.</summary>
        public static int TimeoutSymbols(LoraModulation modulation)
        {
            long symbolMicroseconds = TimeOnAir.SymbolMicroseconds(modulation.SpreadingFactor, modulation.BandwidthHz);
            long uncertainty = 2L * LeadMilliseconds * 1000L;
            int symbols = PreambleSymbols + (int)((uncertainty + symbolMicroseconds - 1) / symbolMicroseconds);
            return symbols > MaximumSymbols ? MaximumSymbols : symbols;
        }

        /// <summary>The preamble timeout in whole milliseconds, rounded up.</summary>
        public static int TimeoutMilliseconds(LoraModulation modulation)
        {
            long symbolMicroseconds = TimeOnAir.SymbolMicroseconds(modulation.SpreadingFactor, modulation.BandwidthHz);
            return (int)((TimeoutSymbols(modulation) * symbolMicroseconds + 999) / 1000);
        }

        /// <summary>
        /// Waits until <see cref="LeadMilliseconds"/> before the window opens at <paramref name="opensAtMilliseconds"/>,
        /// the moment a driver starts its receiver; returns at once when that moment has already passed.
        /// </summary>
        internal static void WaitUntilStart(IClock clock, IDelay delay, long opensAtMilliseconds)
        {
            long startAt = opensAtMilliseconds - LeadMilliseconds;
            long early = startAt - clock.NowMilliseconds;
            if (early > 0)
            {
                delay.Wait((int)early);
            }
        }

        /// <summary>
        /// How often a listening driver polls for the window's end, in whole milliseconds (at least 1): once a symbol,
        /// as nothing can end before the preamble timeout unless a packet is being received.
        /// </summary>
        internal static int PollMilliseconds(LoraModulation modulation)
        {
            long symbolMicroseconds = TimeOnAir.SymbolMicroseconds(modulation.SpreadingFactor, modulation.BandwidthHz);
            int pollEvery = (int)(symbolMicroseconds / 1000);
            return pollEvery < 1 ? 1 : pollEvery;
        }

        /// <summary>
        /// The longest a reception can last once started: the preamble timeout, then the longest packet (255 bytes with
        /// CRC) at this modulation, then a margin. Past it, a missing RxDone/RxTimeout is a radio fault.
        /// </summary>
        public static int CompletionDeadlineMilliseconds(LoraModulation modulation, LoraChip chip)
        {
            LoraModulation longest = modulation;
            longest.Crc = true;
            return TimeoutMilliseconds(modulation) + TimeOnAir.Milliseconds(longest, 255, chip) + CompletionMarginMilliseconds;
        }
    }
}
