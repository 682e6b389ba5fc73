namespace OccupancySensor.Radios.Sx1276
{
    /// <summary>
    /// SX1276 LoRa-mode register addresses and values (Semtech SX1276/77/78/79 datasheet rev. 7, table 41 "Register
    /// map" and 4.1.6 / 6.4 "LoRa mode register map"; errata note for the 500 kHz and inverted-IQ registers).
    /// </summary>
    internal static class Sx1276Registers
    {
        // SPI: the first byte is the address, MSB 1 for a write and 0 for a read; further bytes in the same frame go to
        // or come from the next addresses (burst), except RegFifo, which stays put and moves the FIFO pointer (4.3).
        public const byte WriteFlag = 0x80;

        public const byte Fifo = 0x00;
        public const byte OpMode = 0x01;
        public const byte FrfMsb = 0x06;
        public const byte PaConfig = 0x09;
        public const byte Lna = 0x0C;
        public const byte FifoAddrPtr = 0x0D;
        public const byte FifoTxBaseAddr = 0x0E;
        public const byte FifoRxBaseAddr = 0x0F;
        public const byte FifoRxCurrentAddr = 0x10;
        public const byte IrqFlags = 0x12;
        public const byte RxNbBytes = 0x13;
        public const byte PktSnrValue = 0x19;
        public const byte ModemConfig1 = 0x1D;
        public const byte ModemConfig2 = 0x1E;
        public const byte SymbTimeoutLsb = 0x1F;
        public const byte PreambleMsb = 0x20;
        public const byte PreambleLsb = 0x21;
        public const byte PayloadLength = 0x22;
        public const byte MaxPayloadLength = 0x23;
        public const byte ModemConfig3 = 0x26;
        public const byte InvertIq = 0x33;
        public const byte HighBwOptimize1 = 0x36;
        public const byte SyncWord = 0x39;
        public const byte HighBwOptimize2 = 0x3A;
        public const byte InvertIq2 = 0x3B;
        public const byte DioMapping1 = 0x40;
        public const byte Version = 0x42;

        /// <summary>RegVersion of every SX1276/77/78/79 (and the RFM95W, which carries one).</summary>
        public const byte ExpectedVersion = 0x12;

        // RegOpMode: bit 7 LongRangeMode (LoRa), bit 3 LowFrequencyModeOn (bands below 525 MHz), bits 2..0 the mode.
        public const byte LongRangeMode = 0x80;
        public const byte LowFrequencyModeOn = 0x08;
        public const byte ModeSleep = 0x00;
        public const byte ModeStandby = 0x01;
        public const byte ModeTransmit = 0x03;
        public const byte ModeReceiveSingle = 0x06;

        // RegIrqFlags (write 1 to clear).
        public const byte IrqRxTimeout = 0x80;
        public const byte IrqRxDone = 0x40;
        public const byte IrqPayloadCrcError = 0x20;
        public const byte IrqTxDone = 0x08;
        public const byte IrqAll = 0xFF;

        // RegDioMapping1 bits 7..6: DIO0 = RxDone (00) or TxDone (01).
        public const byte Dio0RxDone = 0x00;
        public const byte Dio0TxDone = 0x40;

        /// <summary>The LoRaWAN public-network sync word (0x12 is the private one).</summary>
        public const byte PublicSyncWord = 0x34;

        // RegLna: maximum gain G1 (bits 7..5 = 001) and the HF LNA current boost (bits 1..0 = 11).
        public const byte LnaMaxGainBoost = 0x23;

        // RegPaConfig: PaSelect = PA_BOOST (bit 7; the Heltec V2 and RFM95 route only PA_BOOST to the antenna),
        // MaxPower 7 (bits 6..4, only used by RFO), OutputPower in bits 3..0: Pout = 2 + OutputPower dBm on PA_BOOST.
        public const byte PaBoostMaxPower = 0xF0;

        // RegModemConfig3: bit 3 LowDataRateOptimize, bit 2 AgcAutoOn (LNA gain set by the AGC).
        public const byte LowDataRateOptimize = 0x08;
        public const byte AgcAutoOn = 0x04;

        // RegInvertIQ (0x33) bit 6 inverts RX I/Q, bit 0 set leaves TX not inverted; RegInvertIQ2 (0x3B) must follow
        // it: 0x19 with inverted IQ, 0x1D otherwise (Semtech errata / AN "LoRaWAN IQ inversion").
        public const byte InvertIqNormal = 0x27;
        public const byte InvertIqReceive = 0x67;
        public const byte InvertIq2Normal = 0x1D;
        public const byte InvertIq2Inverted = 0x19;

        // Errata note 2.1 "Sensitivity optimization with a 500 kHz bandwidth": at 500 kHz RegHighBWOptimize1 = 0x02 and
        // RegHighBWOptimize2 = 0x64 (862-1020 MHz) or 0x7F (410-525 MHz); at any other bandwidth RegHighBWOptimize1 = 0x03.
        public const byte HighBwOptimize1Bw500 = 0x02;
        public const byte HighBwOptimize1Default = 0x03;
        public const byte HighBwOptimize2HighBand = 0x64;
        public const byte HighBwOptimize2LowBand = 0x7F;
    }
}
