using System;
using OccupancySensor.Hardware;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;
using OccupancySensor.Runtime;
using C = OccupancySensor.Radios.Sx1262.Sx1262Commands;

namespace OccupancySensor.Radios.Sx1262
{
    /// <summary>
    /// SX1262 LoRa driver at command level over SPI, for the LoRaWAN MAC. Every command waits for the BUSY line to be
    /// low first (datasheet 8.3.1: the chip takes no command while BUSY is high), with a deadline: a stuck BUSY is a
    /// recorded fault, never a hang. Between calls the chip sleeps with warm start (configuration kept, about 0.6 uA)
    /// and is woken by the falling edge of NSS of the next frame (13.1.1). The known limitations of chapter 15 are
    /// applied: 15.1 (500 kHz modulation quality), 15.2 (TX clamp against antenna mismatch) and 15.4 (inverted IQ).
    /// Nothing is allocated after construction.
    /// </summary>
    public sealed class Sx1262Radio : ILoraRadio
    {
        // Datasheet 8.1: NRESET low for typically 100 us; BUSY then stays high until the chip is in STDBY_RC.
        private const int ResetPulseMilliseconds = 1;
        private const int ResetSettleMilliseconds = 1;

        // Longest BUSY phase expected: wake-up with TCXO start plus a full calibration (13.1.12: up to 3.5 ms) and the
        // image calibration; well below this unless the chip is gone or hung.
        private const int BusyTimeoutMilliseconds = 50;

        // A transmission that has not raised TxDone this long after its computed time on air is a fault.
        private const int TransmitMarginMilliseconds = 100;

        // TCXO start-up time given to SetDio3AsTcxoCtrl: 5 ms, in 15.625 us steps (320).
        private const int TcxoStartupSteps = 320;

        private readonly ISpiBus _bus;
        private readonly IDigitalOutput _reset;
        private readonly IDigitalInput _busy;
        private readonly IClock _clock;
        private readonly IDelay _delay;
        private readonly FaultLog _faults;
        private readonly IrqPoller _irq;

        // Command frames: opcode plus up to 2 + 255 bytes (WriteBuffer with a full packet); answers of ReadBuffer need
        // opcode, offset, status and 255 data bytes. The query frame stays NOP after its header bytes.
        private readonly byte[] _command = new byte[258];
        private readonly byte[] _query = new byte[258];
        private readonly byte[] _answer = new byte[258];
        private readonly byte[] _wake = new byte[2];

        private bool _asleep;
        private int _calibratedBand = -1;
        private int _transmitPowerDbm = 14;

        /// <summary>Creates the driver; set the board options, then call <see cref="Start"/>.</summary>
        public Sx1262Radio(ISpiBus bus, IDigitalOutput reset, IDigitalInput busy, IClock clock, IDelay delay, FaultLog faults)
        {
            _bus = bus;
            _reset = reset;
            _busy = busy;
            _clock = clock;
            _delay = delay;
            _faults = faults;
            _irq = new IrqPoller(ReadIrqFlags, clock, delay);
            TcxoVoltage = -1;
            LastStatus = RadioStatus.NotStarted;
        }

        /// <summary>
        /// The TCXO supply the chip drives on DIO3 (SetDio3AsTcxoCtrl code, 0x00 = 1.6 V .. 0x07 = 3.3 V), or -1 for a
        /// crystal. The Heltec WiFi LoRa 32 V3 has a 1.8 V TCXO (0x02).
        /// </summary>
        public int TcxoVoltage { get; set; }

        /// <summary>Whether DIO2 switches the antenna path (high in transmit), as on the Heltec WiFi LoRa 32 V3.</summary>
        public bool Dio2AsRfSwitch { get; set; }

        /// <summary>Whether <see cref="Start"/> found the chip and configured it.</summary>
        public bool IsStarted { get; private set; }

        /// <summary>The outcome of the last call.</summary>
        public RadioStatus LastStatus { get; private set; }

        /// <inheritdoc />
        public int LastSnr { get; private set; }

        /// <summary>Packets dropped for a bad CRC or header since start.</summary>
        public int CrcErrors { get; private set; }

        /// <summary>Output power, -9..+22 dBm (default 14: EU868's 16 dBm EIRP with a 2 dBi antenna). Next transmission on.</summary>
        public int TransmitPowerDbm
        {
            get { return _transmitPowerDbm; }
            set { _transmitPowerDbm = value < -9 ? -9 : (value > 22 ? 22 : value); }
        }

        /// <summary>
        /// Resets the chip, checks that it answers like an SX126x (the reset value of the LoRa sync word registers),
        /// starts the TCXO and calibrates, then sets what never changes. Returns false with a recorded fault when the
        /// chip is missing, BUSY never falls, or the bus fails.
        /// </summary>
        public bool Start()
        {
            IsStarted = false;
            _asleep = false;
            _calibratedBand = -1;
            if (_reset != null)
            {
                _reset.Write(false);
                _delay.Wait(ResetPulseMilliseconds);
                _reset.Write(true);
                _delay.Wait(ResetSettleMilliseconds);
            }

            if (!Command2(C.SetStandby, C.StandbyRc))
            {
                return false;
            }

            // No version register: after a reset the LoRa sync word reads 0x14 0x24; anything else (0x00/0xFF from an
            // empty bus) means no SX126x answers.
            if (!ReadRegisters(C.RegisterLoraSyncWordMsb, 2))
            {
                return false;
            }

            if (_answer[4] != C.ResetSyncWordMsb || _answer[5] != C.ResetSyncWordLsb)
            {
                return Fail(RadioStatus.WrongChip, "SX1262 sync word reset value not found");
            }

            if (TcxoVoltage >= 0)
            {
                // 13.3.6: with a TCXO the start-up calibration ran without a clock and flagged XOSC_START_ERR; set the
                // supply and start-up time, calibrate again, and clear the error.
                _command[0] = C.SetDio3AsTcxoCtrl;
                _command[1] = (byte)TcxoVoltage;
                _command[2] = (byte)(TcxoStartupSteps >> 16);
                _command[3] = (byte)(TcxoStartupSteps >> 8);
                _command[4] = (byte)(TcxoStartupSteps & 0xFF);
                if (!Command(5) || !Command2(C.Calibrate, C.CalibrateAll) || !Command3(C.ClearDeviceErrors, 0x00, 0x00))
                {
                    return false;
                }
            }

            if (Dio2AsRfSwitch && !Command2(C.SetDio2AsRfSwitchCtrl, 0x01))
            {
                return false;
            }

            bool ok = Command2(C.SetRegulatorMode, C.RegulatorDcDc)
                      && Command2(C.SetPacketType, C.PacketTypeLora)
                      && WriteRegister2(C.RegisterLoraSyncWordMsb, C.PublicSyncWordMsb, C.PublicSyncWordLsb)
                      && Command3(C.SetBufferBaseAddress, 0x00, 0x00)
                      && SetPaConfig()
                      && FixTxClamp()
                      && SetDioIrqParams()
                      && Sleep();
            if (!ok)
            {
                return false;
            }

            IsStarted = true;
            LastStatus = RadioStatus.Ok;
            return true;
        }

        /// <summary>
        /// Sends one packet and returns once the chip raised TxDone (the caller's loop waits for the time on air).
        /// Returns false with a recorded fault when nothing could be sent.
        /// </summary>
        public bool Transmit(int frequencyHz, LoraModulation modulation, byte[] buffer, int length)
        {
            if (!Ready())
            {
                return false;
            }

            if (buffer == null || length < 1 || length > 255 || length > buffer.Length || !Supported(frequencyHz, modulation))
            {
                return Fail(RadioStatus.InvalidSettings, "SX1262 transmit settings out of range");
            }

            int airtime = TimeOnAir.Milliseconds(modulation, length, LoraChip.Sx126x);
            bool ok = Configure(frequencyHz, modulation, length, false)
                      && Command3(C.SetTxParams, (byte)(sbyte)_transmitPowerDbm, C.Ramp200Microseconds)
                      && WriteBuffer(buffer, length)
                      && ClearIrq()
                      && SetTimed(C.SetTx, airtime + TransmitMarginMilliseconds);
            if (!ok)
            {
                return SleepAfterFault();
            }

            // The chip's own TX timeout (SetTx above) ends at time on air + margin; its Timeout IRQ gets one more margin.
            int irq = _irq.WaitForTransmission(C.IrqTxDone | C.IrqTimeout, airtime, 2 * TransmitMarginMilliseconds);
            if (irq < 0)
            {
                return SleepAfterFault();
            }

            if ((irq & C.IrqTxDone) == 0)
            {
                Fail(RadioStatus.NoCompletion, "SX1262 TxDone missing");
                return SleepAfterFault();
            }

            if (!ClearIrq() || !Sleep())
            {
                return false;
            }

            LastStatus = RadioStatus.Ok;
            return true;
        }

        /// <summary>
        /// Listens in one receive window (inverted IQ) that opens at <paramref name="opensAtMilliseconds"/>: returns the
        /// packet's length, or 0 when no packet came (<see cref="LastStatus"/> tells why).
        /// </summary>
        public int Receive(int frequencyHz, LoraModulation modulation, long opensAtMilliseconds, byte[] buffer)
        {
            if (!Ready())
            {
                return 0;
            }

            if (buffer == null || buffer.Length == 0 || !Supported(frequencyHz, modulation))
            {
                Fail(RadioStatus.InvalidSettings, "SX1262 receive settings out of range");
                return 0;
            }

            // Wait out BUSY before timing the window, so SetRx goes out at the planned moment.
            if (!Configure(frequencyHz, modulation, 255, true) || !ClearIrq() || !WaitWhileBusy())
            {
                SleepAfterFault();
                return 0;
            }

            ReceiveWindow.WaitUntilStart(_clock, _delay, opensAtMilliseconds);

            // The RX timer stops when a header is found (StopTimerOnPreamble left at its reset value), so the timeout is
            // only the preamble search; a packet then runs to RxDone.
            if (!SetTimed(C.SetRx, ReceiveWindow.TimeoutMilliseconds(modulation)))
            {
                SleepAfterFault();
                return 0;
            }

            int irq = _irq.WaitForReception(C.IrqRxDone | C.IrqTimeout | C.IrqHeaderError, modulation, LoraChip.Sx126x);
            int length = ReadPacket(irq, buffer);
            if (irq < 0 || LastStatus == RadioStatus.NoCompletion || LastStatus == RadioStatus.BusError || LastStatus == RadioStatus.BusyTimeout)
            {
                SleepAfterFault();
                return 0;
            }

            if (!ClearIrq() || !Sleep())
            {
                return 0;
            }

            return length;
        }

        private int ReadPacket(int irq, byte[] buffer)
        {
            if (irq < 0)
            {
                return 0;
            }

            if (irq == 0)
            {
                Fail(RadioStatus.NoCompletion, "SX1262 RxDone/Timeout missing");
                return 0;
            }

            if ((irq & (C.IrqCrcError | C.IrqHeaderError)) != 0)
            {
                CrcErrors++;
                LastStatus = RadioStatus.CrcError;
                return 0;
            }

            if ((irq & C.IrqRxDone) == 0)
            {
                LastStatus = RadioStatus.NoPacket;
                return 0;
            }

            // GetRxBufferStatus answers: status, PayloadLengthRx, RxStartBufferPointer (13.5.2).
            if (!Query(C.GetRxBufferStatus, 4))
            {
                return 0;
            }

            int count = _answer[2];
            int start = _answer[3];
            if (count == 0 || count > buffer.Length)
            {
                LastStatus = RadioStatus.TooLong;
                return 0;
            }

            // ReadBuffer: opcode, offset, then a NOP during which the chip sends its status, then the data (13.2.4).
            _query[1] = (byte)start;
            if (!Query(C.ReadBuffer, 3 + count))
            {
                return 0;
            }

            Array.Copy(_answer, 3, buffer, 0, count);

            // GetPacketStatus answers: status, RssiPkt, SnrPkt (two's complement, quarter dB), SignalRssiPkt (13.5.3).
            if (!Query(C.GetPacketStatus, 5))
            {
                return 0;
            }

            LastSnr = ((sbyte)_answer[3]) / 4;
            LastStatus = RadioStatus.Ok;
            return count;
        }

        // Image calibration for the band, frequency, modulation and packet parameters with the chapter 15 fixes.
        private bool Configure(int frequencyHz, LoraModulation modulation, int length, bool invertIq)
        {
            int band = CalibrationBand(frequencyHz);
            if (band != _calibratedBand)
            {
                // 9.2.1: the image calibration is valid for one band; repeat it when the frequency leaves it.
                if (!Command3(C.CalibrateImage, BandLow(band), BandHigh(band)))
                {
                    return false;
                }

                _calibratedBand = band;
            }

            if (!Command2(C.SetStandby, C.StandbyRc))
            {
                return false;
            }

            // RF frequency = f * 2^25 / 32 MHz (13.4.1), big-endian.
            long frequency = ((long)frequencyHz << 25) / 32000000L;
            _command[0] = C.SetRfFrequency;
            _command[1] = (byte)(frequency >> 24);
            _command[2] = (byte)(frequency >> 16);
            _command[3] = (byte)(frequency >> 8);
            _command[4] = (byte)frequency;
            if (!Command(5))
            {
                return false;
            }

            // SetModulationParams for LoRa (13.4.5): SF, BW code, CR (1 = 4/5), LowDataRateOptimize.
            _command[0] = C.SetModulationParams;
            _command[1] = (byte)modulation.SpreadingFactor;
            _command[2] = (byte)BandwidthCode(modulation.BandwidthHz);
            _command[3] = (byte)modulation.CodingRate;
            _command[4] = (byte)(modulation.LowDataRateOptimize ? 1 : 0);
            if (!Command(5))
            {
                return false;
            }

            // 15.1: with LoRa at 500 kHz, bit 2 of register 0x0889 must be 0; at any other bandwidth 1.
            if (!UpdateRegisterBit(C.RegisterTxModulation, 0x04, modulation.BandwidthHz != 500000))
            {
                return false;
            }

            // SetPacketParams for LoRa (13.4.6): preamble (16 bits), header type (0 explicit), payload length, CRC,
            // IQ (1 inverted).
            _command[0] = C.SetPacketParams;
            _command[1] = (byte)(modulation.PreambleSymbols >> 8);
            _command[2] = (byte)modulation.PreambleSymbols;
            _command[3] = (byte)(modulation.ExplicitHeader ? 0 : 1);
            _command[4] = (byte)length;
            _command[5] = (byte)(modulation.Crc ? 1 : 0);
            _command[6] = (byte)(invertIq ? 1 : 0);
            if (!Command(7))
            {
                return false;
            }

            // 15.4: bit 2 of register 0x0736 must be 0 with inverted IQ and 1 with standard IQ, or longer packets get
            // lost; set after every SetPacketParams.
            return UpdateRegisterBit(C.RegisterIqPolarity, 0x04, !invertIq);
        }

        private bool SetPaConfig()
        {
            _command[0] = C.SetPaConfig;
            _command[1] = C.PaDutyCycle;
            _command[2] = C.HpMax;
            _command[3] = C.DeviceSelSx1262;
            _command[4] = C.PaLut;
            return Command(5);
        }

        // 15.2: the PA clamping threshold must be raised (bits 4..1 of register 0x08D8 set to 0xF) so a mismatched
        // antenna does not lose power; after every reset or cold start.
        private bool FixTxClamp()
        {
            return UpdateRegisterBit(C.RegisterTxClampConfig, 0x1E, true);
        }

        // TxDone, RxDone, Timeout, HeaderErr, CrcErr on the IRQ register and DIO1 (13.3.1); DIO2/DIO3 none.
        private bool SetDioIrqParams()
        {
            _command[0] = C.SetDioIrqParams;
            _command[1] = (byte)(C.IrqUsed >> 8);
            _command[2] = (byte)(C.IrqUsed & 0xFF);
            _command[3] = (byte)(C.IrqUsed >> 8);
            _command[4] = (byte)(C.IrqUsed & 0xFF);
            _command[5] = 0x00;
            _command[6] = 0x00;
            _command[7] = 0x00;
            _command[8] = 0x00;
            return Command(9);
        }

        // SetTx / SetRx with a timeout in 15.625 us steps (24 bits, 13.1.4 / 13.1.5).
        private bool SetTimed(byte opcode, int milliseconds)
        {
            long steps = (long)milliseconds * 64;
            if (steps > 0xFFFFFE)
            {
                steps = 0xFFFFFE;
            }

            _command[0] = opcode;
            _command[1] = (byte)(steps >> 16);
            _command[2] = (byte)(steps >> 8);
            _command[3] = (byte)steps;
            return Command(4);
        }

        private bool WriteBuffer(byte[] payload, int length)
        {
            _command[0] = C.WriteBuffer;
            _command[1] = 0x00;
            Array.Copy(payload, 0, _command, 2, length);
            return Command(2 + length);
        }

        private bool ClearIrq()
        {
            return Command3(C.ClearIrqStatus, 0x03, 0xFF);
        }

        // What _irq polls: GetIrqStatus answers status, then the 16 IRQ bits most significant first; -1 on a fault,
        // which Query has already recorded.
        private int ReadIrqFlags()
        {
            if (!Query(C.GetIrqStatus, 4))
            {
                return -1;
            }

            return (_answer[2] << 8) | _answer[3];
        }

        private bool UpdateRegisterBit(ushort address, byte bits, bool set)
        {
            if (!ReadRegisters(address, 1))
            {
                return false;
            }

            byte value = _answer[4];
            value = set ? (byte)(value | bits) : (byte)(value & ~bits);
            _command[0] = C.WriteRegister;
            _command[1] = (byte)(address >> 8);
            _command[2] = (byte)address;
            _command[3] = value;
            return Command(4);
        }

        private bool WriteRegister2(ushort address, byte first, byte second)
        {
            _command[0] = C.WriteRegister;
            _command[1] = (byte)(address >> 8);
            _command[2] = (byte)address;
            _command[3] = first;
            _command[4] = second;
            return Command(5);
        }

        // ReadRegister: opcode, address (16 bits), a NOP answered with the status, then the data from _answer[4] on.
        private bool ReadRegisters(ushort address, int count)
        {
            _query[1] = (byte)(address >> 8);
            _query[2] = (byte)address;
            bool ok = Query(C.ReadRegister, 4 + count);
            _query[2] = C.Nop;
            return ok;
        }

        private bool Sleep()
        {
            if (!Command2(C.SetSleep, C.SleepWarmStart))
            {
                return false;
            }

            _asleep = true;
            return true;
        }

        private bool SleepAfterFault()
        {
            // Best effort: a failed call leaves the chip asleep, so a half-configured transmitter is not left on.
            if (LastStatus != RadioStatus.BusyTimeout && LastStatus != RadioStatus.BusError)
            {
                Sleep();
            }

            return false;
        }

        private bool Command2(byte opcode, byte parameter)
        {
            _command[0] = opcode;
            _command[1] = parameter;
            return Command(2);
        }

        private bool Command3(byte opcode, byte first, byte second)
        {
            _command[0] = opcode;
            _command[1] = first;
            _command[2] = second;
            return Command(3);
        }

        private bool Command(int length)
        {
            if (!WaitWhileBusy())
            {
                return false;
            }

            if (_bus.Write(_command, 0, length) != BusStatus.Ok)
            {
                return Fail(RadioStatus.BusError, "SX1262 SPI transfer failed");
            }

            return true;
        }

        // A read command: _query[0] is the opcode; the caller set any address/offset bytes, the rest stay NOP.
        private bool Query(byte opcode, int length)
        {
            if (!WaitWhileBusy())
            {
                return false;
            }

            _query[0] = opcode;
            BusStatus status = _bus.Exchange(_query, _answer, length);
            _query[1] = C.Nop;
            if (status != BusStatus.Ok)
            {
                return Fail(RadioStatus.BusError, "SX1262 SPI transfer failed");
            }

            return true;
        }

        private bool WaitWhileBusy()
        {
            if (_asleep)
            {
                // 13.1.1 / 8.2.2: a falling NSS wakes the chip; the frame itself is lost. BUSY stays high until it is in
                // STDBY_RC, which the loop below waits for.
                _wake[0] = C.GetStatus;
                _wake[1] = C.Nop;
                if (_bus.Write(_wake, 0, 2) != BusStatus.Ok)
                {
                    return Fail(RadioStatus.BusError, "SX1262 SPI transfer failed");
                }

                _asleep = false;
            }

            long deadline = _clock.NowMilliseconds + BusyTimeoutMilliseconds;
            while (_busy.Read())
            {
                if (_clock.NowMilliseconds >= deadline)
                {
                    return Fail(RadioStatus.BusyTimeout, "SX1262 BUSY stuck high");
                }

                _delay.Wait(1);
            }

            return true;
        }

        private bool Supported(int frequencyHz, LoraModulation modulation)
        {
            if (CalibrationBand(frequencyHz) < 0
                || modulation.SpreadingFactor < 5 || modulation.SpreadingFactor > 12
                || BandwidthCode(modulation.BandwidthHz) < 0
                || modulation.CodingRate < 1 || modulation.CodingRate > 4
                || modulation.PreambleSymbols < 1 || modulation.PreambleSymbols > 65535)
            {
                return false;
            }

            // 6.1.1.4: LowDataRateOptimize is required when a symbol lasts 16.38 ms or more; the MAC's time on air must
            // count it, so a modulation without it is refused rather than silently changed.
            return modulation.LowDataRateOptimize || !LoraModulation.RequiresLowDataRateOptimize(modulation.SpreadingFactor, modulation.BandwidthHz);
        }

        // SetModulationParams bandwidth codes (13.4.5, table 13-47): 0x04 = 125 kHz, 0x05 = 250 kHz, 0x06 = 500 kHz.
        private static int BandwidthCode(int bandwidthHz)
        {
            switch (bandwidthHz)
            {
                case 125000:
                    return 0x04;
                case 250000:
                    return 0x05;
                case 500000:
                    return 0x06;
                default:
                    return -1;
            }
        }

        // The CalibrateImage bands of 9.2.1 (table 9-2) the driver knows; -1 outside them (not supported).
        private static int CalibrationBand(int frequencyHz)
        {
            if (frequencyHz >= 430000000 && frequencyHz <= 440000000)
            {
                return 0;
            }

            if (frequencyHz >= 470000000 && frequencyHz <= 510000000)
            {
                return 1;
            }

            if (frequencyHz >= 779000000 && frequencyHz <= 787000000)
            {
                return 2;
            }

            if (frequencyHz >= 863000000 && frequencyHz <= 870000000)
            {
                return 3;
            }

            if (frequencyHz >= 902000000 && frequencyHz <= 928000000)
            {
                return 4;
            }

            return -1;
        }

        private static byte BandLow(int band)
        {
            switch (band)
            {
                case 0:
                    return 0x6B;
                case 1:
                    return 0x75;
                case 2:
                    return 0xC1;
                case 3:
                    return 0xD7;
                default:
                    return 0xE1;
            }
        }

        private static byte BandHigh(int band)
        {
            switch (band)
            {
                case 0:
                    return 0x6F;
                case 1:
                    return 0x81;
                case 2:
                    return 0xC5;
                case 3:
                    return 0xDB;
                default:
                    return 0xE9;
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

        private bool Fail(RadioStatus status, string detail)
        {
            LastStatus = status;
            RadioFaults.Record(_faults, _clock.NowMilliseconds, status, detail);

            return false;
        }
    }
}
