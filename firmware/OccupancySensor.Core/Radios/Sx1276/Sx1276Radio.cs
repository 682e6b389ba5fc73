using System;
using OccupancySensor.Hardware;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;
using OccupancySensor.Runtime;
using R = OccupancySensor.Radios.Sx1276.Sx1276Registers;

namespace OccupancySensor.Radios.Sx1276
{
    /// <summary>
    /// SX1276 (SX1276/77/78/79, RFM95W) LoRa driver at register level over SPI, for the LoRaWAN MAC. Uplinks: normal IQ,
    /// the modulation's CRC; receive windows: inverted IQ, RX single with a symbol timeout. Completion is polled from
    /// RegIrqFlags with a deadline, so a chip that stops answering is a recorded fault, never a hang. Between calls the
    /// chip sleeps (about 0.2 uA; registers are kept, only the FIFO is lost). Nothing is allocated after construction:
    /// every SPI frame is built in the buffers below.
    /// </summary>
    public sealed class Sx1276Radio : ILoraRadio
    {
        // Datasheet 7.2.2 "Manual reset": NRESET low for more than 100 us, then 5 ms before the chip is used.
        private const int ResetPulseMilliseconds = 1;
        private const int ResetRecoveryMilliseconds = 6;

        // A transmission that has not raised TxDone this long after its computed time on air is a fault.
        private const int TransmitMarginMilliseconds = 100;

        // The SX1276 synthesiser covers 137-1020 MHz; below 525 MHz the low-frequency port and mode bit are used.
        private const int MinimumFrequencyHz = 137000000;
        private const int MaximumFrequencyHz = 1020000000;
        private const int LowBandLimitHz = 525000000;

        private readonly ISpiBus _bus;
        private readonly IDigitalOutput _reset;
        private readonly IClock _clock;
        private readonly IDelay _delay;
        private readonly FaultLog _faults;
        private readonly IrqPoller _irq;

        // Two-byte register frames (address, value) and their answers.
        private readonly byte[] _frame = new byte[2];
        private readonly byte[] _answer = new byte[2];

        // RegFrfMsb/Mid/Lsb in one burst frame.
        private readonly byte[] _frequencyFrame = new byte[4];

        // FIFO frames: the address byte plus up to 255 payload bytes (the LoRa maximum), one for writing, one for the
        // answer of a burst read; 256 + 256 + 256 bytes, allocated once.
        private readonly byte[] _fifoWrite = new byte[256];
        private readonly byte[] _fifoReadCommand = new byte[256];
        private readonly byte[] _fifoAnswer = new byte[256];

        private byte _modeBase = R.LongRangeMode;
        private int _transmitPowerDbm = 14;

        /// <summary>Creates the driver; call <see cref="Start"/> before use.</summary>
        public Sx1276Radio(ISpiBus bus, IDigitalOutput reset, IClock clock, IDelay delay, FaultLog faults)
        {
            _bus = bus;
            _reset = reset;
            _clock = clock;
            _delay = delay;
            _faults = faults;
            _irq = new IrqPoller(ReadIrqFlags, clock, delay);
            LastStatus = RadioStatus.NotStarted;
        }

        /// <summary>Whether <see cref="Start"/> found the chip and configured it.</summary>
        public bool IsStarted { get; private set; }

        /// <summary>The outcome of the last call.</summary>
        public RadioStatus LastStatus { get; private set; }

        /// <inheritdoc />
        public int LastSnr { get; private set; }

        /// <summary>Packets dropped for a bad CRC since start.</summary>
        public int CrcErrors { get; private set; }

        /// <summary>
        /// Output power on PA_BOOST, 2..17 dBm (default 14: EU868's 16 dBm EIRP limit with a 2 dBi antenna). The
        /// +20 dBm mode (RegPaDac) is not used: it needs a 1 % transmit duty cycle of its own and no LoRaWAN region
        /// here allows it. Takes effect at the next transmission.
        /// </summary>
        public int TransmitPowerDbm
        {
            get { return _transmitPowerDbm; }
            set { _transmitPowerDbm = value < 2 ? 2 : (value > 17 ? 17 : value); }
        }

        /// <summary>
        /// Resets the chip, checks RegVersion, switches it to LoRa mode and sets what never changes (sync word, LNA,
        /// FIFO bases). Returns false with a recorded fault when the chip is missing or is not an SX1276.
        /// </summary>
        public bool Start()
        {
            IsStarted = false;
            if (_reset != null)
            {
                _reset.Write(false);
                _delay.Wait(ResetPulseMilliseconds);
                _reset.Write(true);
                _delay.Wait(ResetRecoveryMilliseconds);
            }

            int version = ReadRegister(R.Version);
            if (version < 0)
            {
                return Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
            }

            if (version != R.ExpectedVersion)
            {
                // 0x00 or 0xFF: no chip or MISO stuck; anything else: another part on the bus.
                return Fail(RadioStatus.WrongChip, "SX1276 RegVersion is not 0x12");
            }

            // LongRangeMode can only be changed in Sleep (datasheet table 41, RegOpMode bit 7): sleep in FSK first,
            // then set the bit while still asleep, and read it back to be sure the chip took it.
            if (!WriteRegister(R.OpMode, R.ModeSleep) || !WriteRegister(R.OpMode, (byte)(R.LongRangeMode | R.ModeSleep)))
            {
                return Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
            }

            int opMode = ReadRegister(R.OpMode);
            if (opMode < 0)
            {
                return Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
            }

            if ((opMode & R.LongRangeMode) == 0)
            {
                return Fail(RadioStatus.WrongChip, "SX1276 did not enter LoRa mode");
            }

            _modeBase = R.LongRangeMode;
            bool ok = WriteRegister(R.SyncWord, R.PublicSyncWord)
                      && WriteRegister(R.Lna, R.LnaMaxGainBoost)
                      && WriteRegister(R.FifoTxBaseAddr, 0x00)
                      && WriteRegister(R.FifoRxBaseAddr, 0x00)
                      && WriteRegister(R.MaxPayloadLength, 0xFF);
            if (!ok)
            {
                return Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
            }

            IsStarted = true;
            LastStatus = RadioStatus.Ok;
            return true;
        }

        /// <summary>
        /// Sends one packet and returns once the chip raised TxDone (the caller's loop waits for the time on air, up to
        /// about 2.8 s at SF12). Returns false with a recorded fault when nothing could be sent.
        /// </summary>
        public bool Transmit(int frequencyHz, LoraModulation modulation, byte[] buffer, int length)
        {
            if (!Ready())
            {
                return false;
            }

            if (buffer == null || length < 1 || length > 255 || length > buffer.Length || !Supported(frequencyHz, modulation))
            {
                return Fail(RadioStatus.InvalidSettings, "SX1276 transmit settings out of range");
            }

            bool ok = Configure(frequencyHz, modulation, 0)
                      && WriteRegister(R.InvertIq, R.InvertIqNormal)
                      && WriteRegister(R.InvertIq2, R.InvertIq2Normal)
                      && WriteRegister(R.PaConfig, (byte)(R.PaBoostMaxPower | (_transmitPowerDbm - 2)))
                      && WriteRegister(R.FifoAddrPtr, 0x00)
                      && WriteFifo(buffer, length)
                      && WriteRegister(R.PayloadLength, (byte)length)
                      && WriteRegister(R.DioMapping1, R.Dio0TxDone)
                      && WriteRegister(R.IrqFlags, R.IrqAll)
                      && WriteRegister(R.OpMode, (byte)(_modeBase | R.ModeTransmit));
            if (!ok)
            {
                return FailAndSleep(RadioStatus.BusError, "SX1276 SPI transfer failed");
            }

            int airtime = TimeOnAir.Milliseconds(modulation, length, LoraChip.Sx127x);
            int flags = _irq.WaitForTransmission(R.IrqTxDone, airtime, TransmitMarginMilliseconds);
            if (flags < 0)
            {
                return FailAndSleep(RadioStatus.BusError, "SX1276 SPI transfer failed");
            }

            if (flags == 0)
            {
                return FailAndSleep(RadioStatus.NoCompletion, "SX1276 TxDone missing");
            }

            if (!WriteRegister(R.IrqFlags, R.IrqAll) || !Sleep())
            {
                return Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
            }

            LastStatus = RadioStatus.Ok;
            return true;
        }

        /// <summary>
        /// Listens in one receive window (inverted IQ, RX single) that opens at <paramref name="opensAtMilliseconds"/>:
        /// returns the packet's length, or 0 when no packet came (<see cref="LastStatus"/> tells why).
        /// </summary>
        public int Receive(int frequencyHz, LoraModulation modulation, long opensAtMilliseconds, byte[] buffer)
        {
            if (!Ready())
            {
                return 0;
            }

            if (buffer == null || buffer.Length == 0 || !Supported(frequencyHz, modulation))
            {
                Fail(RadioStatus.InvalidSettings, "SX1276 receive settings out of range");
                return 0;
            }

            int symbols = ReceiveWindow.TimeoutSymbols(modulation);
            bool ok = Configure(frequencyHz, modulation, symbols)
                      && WriteRegister(R.InvertIq, R.InvertIqReceive)
                      && WriteRegister(R.InvertIq2, R.InvertIq2Inverted)
                      && WriteRegister(R.FifoAddrPtr, 0x00)
                      && WriteRegister(R.DioMapping1, R.Dio0RxDone)
                      && WriteRegister(R.IrqFlags, R.IrqAll);
            if (!ok)
            {
                FailAndSleep(RadioStatus.BusError, "SX1276 SPI transfer failed");
                return 0;
            }

            ReceiveWindow.WaitUntilStart(_clock, _delay, opensAtMilliseconds);
            if (!WriteRegister(R.OpMode, (byte)(_modeBase | R.ModeReceiveSingle)))
            {
                FailAndSleep(RadioStatus.BusError, "SX1276 SPI transfer failed");
                return 0;
            }

            int flags = _irq.WaitForReception(R.IrqRxDone | R.IrqRxTimeout, modulation, LoraChip.Sx127x);
            int length = ReadPacket(flags, buffer);
            if (!WriteRegister(R.IrqFlags, R.IrqAll) || !Sleep())
            {
                Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
                return 0;
            }

            return length;
        }

        private int ReadPacket(int flags, byte[] buffer)
        {
            if (flags < 0)
            {
                Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
                return 0;
            }

            if (flags == 0)
            {
                Fail(RadioStatus.NoCompletion, "SX1276 RxDone/RxTimeout missing");
                return 0;
            }

            if ((flags & R.IrqRxDone) == 0)
            {
                LastStatus = RadioStatus.NoPacket;
                return 0;
            }

            if ((flags & R.IrqPayloadCrcError) != 0)
            {
                CrcErrors++;
                LastStatus = RadioStatus.CrcError;
                return 0;
            }

            int count = ReadRegister(R.RxNbBytes);
            int start = ReadRegister(R.FifoRxCurrentAddr);
            int snr = ReadRegister(R.PktSnrValue);
            if (count < 0 || start < 0 || snr < 0 || !WriteRegister(R.FifoAddrPtr, (byte)start))
            {
                Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
                return 0;
            }

            if (count == 0 || count > buffer.Length)
            {
                LastStatus = RadioStatus.TooLong;
                return 0;
            }

            // Burst read from RegFifo: address 0x00 with the write bit clear, then one clocked byte per payload byte.
            _fifoReadCommand[0] = R.Fifo;
            if (_bus.Exchange(_fifoReadCommand, _fifoAnswer, count + 1) != BusStatus.Ok)
            {
                Fail(RadioStatus.BusError, "SX1276 SPI transfer failed");
                return 0;
            }

            Array.Copy(_fifoAnswer, 1, buffer, 0, count);

            // RegPktSnrValue: two's complement, in quarter dB (datasheet 6.4, table 41).
            LastSnr = ((sbyte)(byte)snr) / 4;
            LastStatus = RadioStatus.Ok;
            return count;
        }

        // Standby, frequency and modem registers, shared by transmit and receive. symbols = 0 for a transmission.
        private bool Configure(int frequencyHz, LoraModulation modulation, int symbols)
        {
            byte lowBand = frequencyHz < LowBandLimitHz ? R.LowFrequencyModeOn : (byte)0;
            _modeBase = (byte)(R.LongRangeMode | lowBand);

            // Frf = f * 2^19 / 32 MHz (datasheet 4.1.4): 61.035 Hz steps; the registers take effect on the LSB write,
            // which the burst writes last.
            long frf = ((long)frequencyHz << 19) / 32000000L;
            byte config1 = (byte)((BandwidthCode(modulation.BandwidthHz) << 4) | (modulation.CodingRate << 1) | (modulation.ExplicitHeader ? 0 : 1));
            byte config2 = (byte)((modulation.SpreadingFactor << 4) | (modulation.Crc ? 0x04 : 0) | ((symbols >> 8) & 0x03));
            byte config3 = (byte)((modulation.LowDataRateOptimize ? R.LowDataRateOptimize : 0) | R.AgcAutoOn);
            bool bw500 = modulation.BandwidthHz == 500000;
            return WriteRegister(R.OpMode, (byte)(_modeBase | R.ModeStandby))
                   && WriteFrequency(frf)
                   && WriteRegister(R.ModemConfig1, config1)
                   && WriteRegister(R.ModemConfig2, config2)
                   && WriteRegister(R.ModemConfig3, config3)
                   && (symbols == 0 || WriteRegister(R.SymbTimeoutLsb, (byte)(symbols & 0xFF)))
                   && WriteRegister(R.PreambleMsb, (byte)(modulation.PreambleSymbols >> 8))
                   && WriteRegister(R.PreambleLsb, (byte)(modulation.PreambleSymbols & 0xFF))
                   && WriteRegister(R.HighBwOptimize1, bw500 ? R.HighBwOptimize1Bw500 : R.HighBwOptimize1Default)
                   && (!bw500 || WriteRegister(R.HighBwOptimize2, lowBand != 0 ? R.HighBwOptimize2LowBand : R.HighBwOptimize2HighBand));
        }

        private bool WriteFrequency(long frf)
        {
            _frequencyFrame[0] = (byte)(R.FrfMsb | R.WriteFlag);
            _frequencyFrame[1] = (byte)(frf >> 16);
            _frequencyFrame[2] = (byte)(frf >> 8);
            _frequencyFrame[3] = (byte)frf;
            return _bus.Write(_frequencyFrame, 0, 4) == BusStatus.Ok;
        }

        // Burst write to RegFifo at the FIFO pointer (set to the TX base before).
        private bool WriteFifo(byte[] payload, int length)
        {
            _fifoWrite[0] = (byte)(R.Fifo | R.WriteFlag);
            Array.Copy(payload, 0, _fifoWrite, 1, length);
            return _bus.Write(_fifoWrite, 0, length + 1) == BusStatus.Ok;
        }

        // What _irq polls: RegIrqFlags, or -1 on a bus error (the caller records the fault).
        private int ReadIrqFlags()
        {
            return ReadRegister(R.IrqFlags);
        }

        private bool Supported(int frequencyHz, LoraModulation modulation)
        {
            // SF6 needs implicit header and its own detection settings; LoRaWAN never uses it.
            if (frequencyHz < MinimumFrequencyHz || frequencyHz > MaximumFrequencyHz
                || modulation.SpreadingFactor < 7 || modulation.SpreadingFactor > 12
                || BandwidthCode(modulation.BandwidthHz) < 0
                || modulation.CodingRate < 1 || modulation.CodingRate > 4
                || modulation.PreambleSymbols < 6 || modulation.PreambleSymbols > 65535)
            {
                return false;
            }

            // Datasheet 4.1.1.6: LowDataRateOptimize is mandated when a symbol lasts more than 16 ms; the MAC's time on
            // air must count it too, so a modulation without it is refused rather than silently changed.
            return modulation.LowDataRateOptimize || !LoraModulation.RequiresLowDataRateOptimize(modulation.SpreadingFactor, modulation.BandwidthHz);
        }

        // RegModemConfig1 bits 7..4 (datasheet table 41): 7 = 125 kHz, 8 = 250 kHz, 9 = 500 kHz.
        private static int BandwidthCode(int bandwidthHz)
        {
            switch (bandwidthHz)
            {
                case 125000:
                    return 7;
                case 250000:
                    return 8;
                case 500000:
                    return 9;
                default:
                    return -1;
            }
        }

        private bool Ready()
        {
            if (IsStarted)
            {
                return true;
            }

            LastStatus = RadioStatus.NotStarted;
            return false;
        }

        private bool Sleep()
        {
            return WriteRegister(R.OpMode, (byte)(_modeBase | R.ModeSleep));
        }

        private bool WriteRegister(byte address, byte value)
        {
            _frame[0] = (byte)(address | R.WriteFlag);
            _frame[1] = value;
            return _bus.Write(_frame, 0, 2) == BusStatus.Ok;
        }

        // The register's value, or -1 when the transfer failed.
        private int ReadRegister(byte address)
        {
            _frame[0] = (byte)(address & 0x7F);
            _frame[1] = 0x00;
            if (_bus.Exchange(_frame, _answer, 2) != BusStatus.Ok)
            {
                return -1;
            }

            return _answer[1];
        }

        private bool FailAndSleep(RadioStatus status, string detail)
        {
            // Best effort: leave the chip asleep (a stuck transmitter must not stay on the air).
            Sleep();
            return Fail(status, detail);
        }

        private bool Fail(RadioStatus status, string detail)
        {
            LastStatus = status;
            RadioFaults.Record(_faults, _clock.NowMilliseconds, status, detail);

            return false;
        }
    }
}
