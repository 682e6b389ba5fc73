namespace OccupancySensor.Radios.Sx1262
{
    /// <summary>
    /// SX1261/2 command opcodes, parameters and registers (Semtech SX1261/2 datasheet rev. 2.1, chapter 11 "List of
    /// commands", chapter 13 "Commands interface", chapter 12 "Register map", chapter 15 "Known limitations").
    /// </summary>
    internal static class Sx1262Commands
    {
        // 13.1 operational modes.
        public const byte SetSleep = 0x84;
        public const byte SetStandby = 0x80;
        public const byte SetTx = 0x83;
        public const byte SetRx = 0x82;
        public const byte SetRegulatorMode = 0x96;
        public const byte Calibrate = 0x89;
        public const byte CalibrateImage = 0x98;
        public const byte SetPaConfig = 0x95;

        // 13.2 register and buffer access.
        public const byte WriteRegister = 0x0D;
        public const byte ReadRegister = 0x1D;
        public const byte WriteBuffer = 0x0E;
        public const byte ReadBuffer = 0x1E;

        // 13.3 DIO and IRQ control.
        public const byte SetDioIrqParams = 0x08;
        public const byte GetIrqStatus = 0x12;
        public const byte ClearIrqStatus = 0x02;
        public const byte SetDio2AsRfSwitchCtrl = 0x9D;
        public const byte SetDio3AsTcxoCtrl = 0x97;

        // 13.4 RF, modulation and packet.
        public const byte SetRfFrequency = 0x86;
        public const byte SetPacketType = 0x8A;
        public const byte SetTxParams = 0x8E;
        public const byte SetModulationParams = 0x8B;
        public const byte SetPacketParams = 0x8C;
        public const byte SetBufferBaseAddress = 0x8F;

        // 13.5 status.
        public const byte GetStatus = 0xC0;
        public const byte GetRxBufferStatus = 0x13;
        public const byte GetPacketStatus = 0x14;
        public const byte ClearDeviceErrors = 0x07;

        /// <summary>The byte clocked out while the chip answers.</summary>
        public const byte Nop = 0x00;

        // SetStandby: STDBY_RC (13 MHz RC oscillator).
        public const byte StandbyRc = 0x00;

        // SetSleep sleepConfig bit 2: warm start, the configuration is kept in retention (13.1.1).
        public const byte SleepWarmStart = 0x04;

        // SetRegulatorMode: 1 = DC-DC + LDO (13.1.14); lower current in receive and transmit.
        public const byte RegulatorDcDc = 0x01;

        // Calibrate: all blocks (RC64k, RC13M, PLL, ADC pulse, ADC bulk N/P, image) (13.1.12).
        public const byte CalibrateAll = 0x7F;

        // SetPacketType: 1 = LoRa (13.4.2).
        public const byte PacketTypeLora = 0x01;

        // SetPaConfig for the SX1262 high-power PA (13.1.14, table 13-21): paDutyCycle 0x04, hpMax 0x07, deviceSel 0
        // (SX1262), paLut 1: the +22 dBm setting, under which SetTxParams sets any power from -9 to +22 dBm.
        public const byte PaDutyCycle = 0x04;
        public const byte HpMax = 0x07;
        public const byte DeviceSelSx1262 = 0x00;
        public const byte PaLut = 0x01;

        // SetTxParams ramp time 0x04 = 200 us (13.4.4, table 13-41).
        public const byte Ramp200Microseconds = 0x04;

        // IRQ bits (13.3.1, table 13-29).
        public const int IrqTxDone = 0x0001;
        public const int IrqRxDone = 0x0002;
        public const int IrqHeaderError = 0x0020;
        public const int IrqCrcError = 0x0040;
        public const int IrqTimeout = 0x0200;
        public const int IrqUsed = IrqTxDone | IrqRxDone | IrqHeaderError | IrqCrcError | IrqTimeout;

        // SetDio3AsTcxoCtrl voltages (13.3.6, table 13-35): 0x02 = 1.8 V.
        public const byte Tcxo1V8 = 0x02;

        // Registers (chapter 12, table 12-1).
        public const ushort RegisterLoraSyncWordMsb = 0x0740;
        public const ushort RegisterIqPolarity = 0x0736;
        public const ushort RegisterTxModulation = 0x0889;
        public const ushort RegisterTxClampConfig = 0x08D8;

        /// <summary>LoRa sync word after reset: 0x1424 (private networks).</summary>
        public const byte ResetSyncWordMsb = 0x14;
        public const byte ResetSyncWordLsb = 0x24;

        /// <summary>LoRaWAN public-network sync word 0x3444 (the SX127x's 0x34).</summary>
        public const byte PublicSyncWordMsb = 0x34;
        public const byte PublicSyncWordLsb = 0x44;
    }
}
