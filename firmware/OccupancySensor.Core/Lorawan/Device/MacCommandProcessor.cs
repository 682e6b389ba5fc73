using OccupancySensor.Lorawan.Regions;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Device
{
    /// <summary>
    /// The MAC commands of a LoRaWAN 1.0.4 Class A device (TS001-1.0.4 chapter 5) and the state they set. From the
    /// network: LinkCheckAns, LinkADRReq, DutyCycleReq, RXParamSetupReq, DevStatusReq, NewChannelReq,
    /// RXTimingSetupReq, TxParamSetupReq (not taken in EU868/US915: skipped without an answer), DlChannelReq and
    /// DeviceTimeAns; the device asks with LinkCheckReq and DeviceTimeReq. Commands (FOpts or FPort 0) are processed in
    /// order; answers collect in <see cref="Answers"/> for the next uplink's FOpts. RXParamSetupAns, RXTimingSetupAns
    /// and DlChannelAns are "sticky" (5.4, 5.7, 5.10): they go in every uplink until a Class A downlink arrives
    /// (<see cref="ClassADownlinkReceived"/>), so the network learns the device took them even if an uplink is lost.
    /// An unknown command ends processing (its length is unknown, so nothing after it can be read), as the
    /// specification asks; its identifier is kept (<see cref="LastUnknownCommand"/>) for the fault log. A LinkADRReq is
    /// applied whole or not at all: the channel mask is tried on a copy of the channel states first. Every request
    /// with a status is applied only when every bit of its answer is set. Buffers are allocated once.
    /// </summary>
    public sealed class MacCommandProcessor
    {
        /// <summary>LinkCheckReq (device) / LinkCheckAns (network).</summary>
        public const byte LinkCheck = 0x02;

        /// <summary>LinkADRReq / LinkADRAns.</summary>
        public const byte LinkAdr = 0x03;

        /// <summary>DutyCycleReq / DutyCycleAns.</summary>
        public const byte DutyCycle = 0x04;

        /// <summary>RXParamSetupReq / RXParamSetupAns (sticky).</summary>
        public const byte RxParamSetup = 0x05;

        /// <summary>DevStatusReq / DevStatusAns.</summary>
        public const byte DevStatus = 0x06;

        /// <summary>NewChannelReq / NewChannelAns (EU868; ignored where the plan is fixed).</summary>
        public const byte NewChannel = 0x07;

        /// <summary>RXTimingSetupReq / RXTimingSetupAns (sticky).</summary>
        public const byte RxTimingSetup = 0x08;

        /// <summary>TxParamSetupReq / TxParamSetupAns: only regions with dwell-time rules (AS923) take it; EU868 and US915 ignore it.</summary>
        public const byte TxParamSetup = 0x09;

        /// <summary>DlChannelReq / DlChannelAns (sticky; EU868; ignored where the plan is fixed).</summary>
        public const byte DlChannel = 0x0A;

        /// <summary>DeviceTimeReq (device) / DeviceTimeAns (network).</summary>
        public const byte DeviceTime = 0x0D;

        /// <summary>Bytes of <see cref="WriteState"/> before the region's part.</summary>
        public const int OwnStateLength = 6;

        /// <summary>Battery byte of DevStatusAns when the level is not known.</summary>
        public const int BatteryUnknown = 255;

        // FOpts holds 15 bytes; answers beyond that would not fit the next uplink and are dropped (the network asks again).
        private const int MaxAnswers = 15;

        private readonly LorawanRegion _region;
        private readonly bool[] _channelScratch;

        // What the next uplink's FOpts carry: the sticky answers first, then the others; recomposed (at most 15 bytes
        // copied) whenever either part changes.
        private readonly byte[] _answers = new byte[MaxAnswers];
        private readonly byte[] _sticky = new byte[MaxAnswers];
        private readonly byte[] _regular = new byte[MaxAnswers];
        private int _answerLength;
        private int _stickyLength;
        private int _regularLength;

        /// <summary>A processor acting on <paramref name="region"/>'s channels.</summary>
        public MacCommandProcessor(LorawanRegion region)
        {
            _region = region;
            _channelScratch = new bool[region.ChannelCount];
            LastUnknownCommand = -1;
            Reset();
        }

        /// <summary>The uplink data rate (LinkADRReq sets it when ADR is on).</summary>
        public int DataRate { get; set; }

        /// <summary>TX power index (0 = maximum).</summary>
        public int TxPowerIndex { get; private set; }

        /// <summary>Transmissions of each unconfirmed uplink (NbTrans, 1..15).</summary>
        public int Repetitions { get; private set; }

        /// <summary>Aggregated duty cycle: 1/2^n of the time (0 = no limit beyond the region's).</summary>
        public int DutyCycleExponent { get; private set; }

        /// <summary>The last LinkCheckAns: demodulation margin in dB above the gateway's floor.</summary>
        public int LinkMargin { get; private set; }

        /// <summary>The last LinkCheckAns: how many gateways heard the request (0 before any answer).</summary>
        public int GatewayCount { get; private set; }

        /// <summary>How many LinkCheckAns arrived.</summary>
        public int LinkChecksAnswered { get; private set; }

        /// <summary>DevStatusAns battery: 0 external power, 1..254 level, 255 unknown. Set by the application.</summary>
        public int BatteryLevel { get; set; }

        /// <summary>Whether adaptive data rate is on (the network then drives the data rate with LinkADRReq).</summary>
        public bool AdrEnabled { get; set; }

        /// <summary>RX1 data rate = uplink data rate less this, by the region's table (join accept, RXParamSetupReq).</summary>
        public int Rx1DataRateOffset { get; private set; }

        /// <summary>RX1 opens this many seconds after the end of an uplink, 1..15 (join accept, RXTimingSetupReq).</summary>
        public int ReceiveDelaySeconds { get; private set; }

        /// <summary>How many DeviceTimeAns arrived.</summary>
        public int DeviceTimesAnswered { get; private set; }

        /// <summary>The last DeviceTimeAns: whole seconds since the GPS epoch (1980-01-06 00:00:00 UTC, no leap seconds).</summary>
        public long GpsSeconds { get; private set; }

        /// <summary>The last DeviceTimeAns: fractional second in 1/256 s.</summary>
        public int GpsFraction { get; private set; }

        /// <summary>
        /// The device-clock time (ms) the last DeviceTimeAns refers to: the end of the uplink that carried the
        /// DeviceTimeReq (TS001-1.0.4 5.9).
        /// </summary>
        public long DeviceTimeReference { get; private set; }

        /// <summary>When the last uplink ended on the device clock (set by the device before it processes a downlink).</summary>
        public long LastUplinkEnd { get; set; }

        /// <summary>Commands that ended processing because their identifier is not known (each also stops its frame).</summary>
        public int UnknownCommands { get; private set; }

        /// <summary>The identifier of the last unknown command, -1 before any.</summary>
        public int LastUnknownCommand { get; private set; }

        /// <summary>Bytes of the answers in <see cref="Answers"/> that repeat until a Class A downlink arrives.</summary>
        public int StickyAnswerLength
        {
            get { return _stickyLength; }
        }

        /// <summary>Answers (and device requests) waiting for the next uplink.</summary>
        public byte[] Answers
        {
            get { return _answers; }
        }

        /// <summary>Bytes in <see cref="Answers"/>.</summary>
        public int AnswerLength
        {
            get { return _answerLength; }
        }

        /// <summary>Back to defaults (a new session).</summary>
        public void Reset()
        {
            TxPowerIndex = 0;
            Repetitions = 1;
            DutyCycleExponent = 0;
            LinkMargin = 0;
            GatewayCount = 0;
            BatteryLevel = BatteryUnknown;
            Rx1DataRateOffset = 0;
            ReceiveDelaySeconds = 1;
            _stickyLength = 0;
            _regularLength = 0;
            _answerLength = 0;
        }

        /// <summary>
        /// Forgets the answers once an uplink carried them; sticky answers stay until
        /// <see cref="ClassADownlinkReceived"/>.
        /// </summary>
        public void AnswersSent()
        {
            _regularLength = 0;
            Compose();
        }

        /// <summary>
        /// A valid Class A downlink arrived (RX1 or RX2): the network has seen the sticky answers. Call before
        /// processing the commands the downlink carries, which may add new ones.
        /// </summary>
        public void ClassADownlinkReceived()
        {
            _stickyLength = 0;
            Compose();
        }

        /// <summary>
        /// Takes the join accept's DLSettings and RxDelay (a new session). An RX2 data rate the region cannot receive
        /// or an offset beyond its table keeps the default, so the device never listens with an undefined setting.
        /// </summary>
        public void ApplyJoinSettings(int rx1DataRateOffset, int rx2DataRate, int receiveDelaySeconds)
        {
            if (rx1DataRateOffset <= _region.MaxRx1DataRateOffset)
            {
                Rx1DataRateOffset = rx1DataRateOffset;
            }

            if (_region.IsReceiveDataRate(rx2DataRate))
            {
                _region.Rx2DataRate = rx2DataRate;
            }

            int delay = receiveDelaySeconds & 0x0F;
            ReceiveDelaySeconds = delay == 0 ? 1 : delay;
        }

        /// <summary>Asks for the network time in the next downlink (DeviceTimeReq rides in the next uplink).</summary>
        public bool RequestDeviceTime()
        {
            return Add(DeviceTime);
        }

        /// <summary>
        /// GPS time in milliseconds at device-clock time <paramref name="now"/>, from the last DeviceTimeAns; -1 before
        /// any arrived.
        /// </summary>
        public long GpsMilliseconds(long now)
        {
            if (DeviceTimesAnswered == 0)
            {
                return -1;
            }

            return GpsSeconds * 1000 + (GpsFraction * 1000 + 128) / 256 + (now - DeviceTimeReference);
        }

        /// <summary>Bytes <see cref="WriteState"/> writes: this processor's 6 and the region's channel state.</summary>
        public int StateLength
        {
            get { return OwnStateLength + _region.ChannelStateLength; }
        }

        /// <summary>
        /// Writes what the network set in this session (data rate, TX power, NbTrans, aggregated duty cycle, RX1
        /// offset, RX1 delay, then the region's RX2 and channels) at <paramref name="at"/>, so it survives a reboot.
        /// </summary>
        public void WriteState(byte[] buffer, int at)
        {
            buffer[at] = (byte)DataRate;
            buffer[at + 1] = (byte)TxPowerIndex;
            buffer[at + 2] = (byte)Repetitions;
            buffer[at + 3] = (byte)DutyCycleExponent;
            buffer[at + 4] = (byte)Rx1DataRateOffset;
            buffer[at + 5] = (byte)ReceiveDelaySeconds;
            _region.WriteChannelState(buffer, at + OwnStateLength);
        }

        /// <summary>
        /// Restores what <see cref="WriteState"/> wrote; returns false and changes nothing when a value is out of range
        /// for this region (a record of another region or damaged in a way the CRC missed).
        /// </summary>
        public bool ReadState(byte[] buffer, int at)
        {
            int dataRate = buffer[at];
            int power = buffer[at + 1];
            int repetitions = buffer[at + 2];
            int exponent = buffer[at + 3];
            int offset = buffer[at + 4];
            int delay = buffer[at + 5];
            if (dataRate > _region.MaxUplinkDataRate || !_region.GetDataRate(dataRate).IsDefined || power > _region.MaxTxPowerIndex ||
                repetitions < 1 || repetitions > 15 || exponent > 15 || offset > _region.MaxRx1DataRateOffset || delay < 1 || delay > 15 ||
                !_region.ReadChannelState(buffer, at + OwnStateLength))
            {
                return false;
            }

            DataRate = dataRate;
            TxPowerIndex = power;
            Repetitions = repetitions;
            DutyCycleExponent = exponent;
            Rx1DataRateOffset = offset;
            ReceiveDelaySeconds = delay;
            return true;
        }

        /// <summary>Asks for a LinkCheckAns in the next downlink (LinkCheckReq rides in the next uplink).</summary>
        public bool RequestLinkCheck()
        {
            return Add(LinkCheck);
        }

        /// <summary>
        /// Processes the <paramref name="length"/> bytes of MAC commands at <paramref name="offset"/>, with the SNR of
        /// the downlink that carried them (for DevStatusAns). Returns how many commands were processed.
        /// </summary>
        public int Process(byte[] commands, int offset, int length, int downlinkSnr)
        {
            int at = offset;
            int end = offset + length;
            int processed = 0;
            while (at < end)
            {
                byte command = commands[at];
                int size = PayloadSize(command);
                if (size < 0)
                {
                    // Unknown: its length is unknown, so what follows cannot be parsed (TS001-1.0.4 5).
                    UnknownCommands++;
                    LastUnknownCommand = command;
                    break;
                }

                if (at + 1 + size > end)
                {
                    // Cut short: nothing more to read.
                    break;
                }

                int args = at + 1;
                switch (command)
                {
                    case LinkCheck:
                        LinkMargin = commands[args];
                        GatewayCount = commands[args + 1];
                        LinkChecksAnswered++;
                        break;
                    case LinkAdr:
                        // A run of LinkADRReq is one request (US915 needs several channel-mask blocks): the masks
                        // apply in order, the last one's data rate, power and NbTrans count, and every one of them
                        // gets the same answer.
                        int requests = LinkAdrRequests(commands, at, end);
                        int status = LinkAdrStatus(commands, at, requests);
                        for (int i = 0; i < requests; i++)
                        {
                            Add(LinkAdr, status);
                        }

                        processed += requests - 1;
                        size = requests * 5 - 1;
                        break;
                    case DutyCycle:
                        // MaxDCycle 0..15: at most 1/2^n of the time in total; other values are RFU and ignored.
                        int exponent = commands[args] & 0xFF;
                        if (exponent <= 15)
                        {
                            DutyCycleExponent = exponent;
                        }

                        Add(DutyCycle);
                        break;
                    case DevStatus:
                        int margin = downlinkSnr < -32 ? -32 : downlinkSnr > 31 ? 31 : downlinkSnr;
                        Add(DevStatus, BatteryLevel, margin & 0x3F);
                        break;
                    case RxParamSetup:
                        AddSticky(RxParamSetup, RxParamSetupStatus(commands, args));
                        break;
                    case NewChannel:
                        int added = _region.NewChannel(commands[args], LittleEndian.Get24(commands, args + 1) * 100, commands[args + 4] & 0x0F, commands[args + 4] >> 4);
                        if (added >= 0)
                        {
                            Add(NewChannel, added);
                        }

                        break;
                    case RxTimingSetup:
                        // Del 0 means 1 s, as 1 does; the upper four bits are RFU. There is nothing to refuse.
                        int delay = commands[args] & 0x0F;
                        ReceiveDelaySeconds = delay == 0 ? 1 : delay;
                        AddSticky(RxTimingSetup, -1);
                        break;
                    case TxParamSetup:
                        // Neither EU868 nor US915 defines TxParamSetupReq: the device does not apply it and sends no
                        // answer (RP002), but its length is known, so the commands after it are still read.
                        break;
                    case DlChannel:
                        int moved = _region.SetDownlinkFrequency(commands[args], LittleEndian.Get24(commands, args + 1) * 100);
                        if (moved >= 0)
                        {
                            AddSticky(DlChannel, moved);
                        }

                        break;
                    case DeviceTime:
                        // GPS epoch seconds (32 bits, little-endian) and 1/256 s, true at the end of the uplink that asked.
                        GpsSeconds = LittleEndian.Get32(commands, args);
                        GpsFraction = commands[args + 4];
                        DeviceTimeReference = LastUplinkEnd;
                        DeviceTimesAnswered++;
                        break;
                }

                processed++;
                at = args + size;
            }

            return processed;
        }

        // Bytes after the command identifier, -1 for a command this device does not know.
        private static int PayloadSize(byte command)
        {
            switch (command)
            {
                case LinkCheck:
                    return 2;
                case LinkAdr:
                    return 4;
                case DutyCycle:
                    return 1;
                case DevStatus:
                    return 0;
                case RxParamSetup:
                    return 4;
                case NewChannel:
                    return 5;
                case RxTimingSetup:
                    return 1;
                case TxParamSetup:
                    return 1;
                case DlChannel:
                    return 4;
                case DeviceTime:
                    return 5;
                default:
                    return -1;
            }
        }

        // How many whole LinkADRReq (5 bytes each) follow one another from at.
        private static int LinkAdrRequests(byte[] commands, int at, int end)
        {
            int count = 0;
            while (at + 5 <= end && commands[at] == LinkAdr)
            {
                count++;
                at += 5;
            }

            return count;
        }

        private int LinkAdrStatus(byte[] commands, int at, int requests)
        {
            _region.CopyChannelStates(_channelScratch);
            bool maskOk = true;
            for (int i = 0; i < requests; i++)
            {
                int args = at + 1 + i * 5;
                int mask = commands[args + 1] | (commands[args + 2] << 8);
                int control = (commands[args + 3] >> 4) & 0x07;
                maskOk &= _region.ApplyChannelMask(_channelScratch, control, mask);
            }

            if (maskOk)
            {
                // A mask that leaves no channel on is refused.
                maskOk = false;
                for (int channel = 0; channel < _channelScratch.Length && !maskOk; channel++)
                {
                    maskOk = _channelScratch[channel] && _region.ChannelFrequency(channel) != 0;
                }
            }

            int last = at + 1 + (requests - 1) * 5;
            int dataRate = commands[last] >> 4;
            int power = commands[last] & 0x0F;
            int repetitions = commands[last + 3] & 0x0F;

            // 0xF keeps the current value (LoRaWAN 1.0.4).
            int newRate = dataRate == 0x0F ? DataRate : dataRate;
            bool rateOk = newRate <= _region.MaxUplinkDataRate && _region.GetDataRate(newRate).IsDefined &&
                          (!maskOk || _region.AnyChannelCarries(_channelScratch, newRate));
            int newPower = power == 0x0F ? TxPowerIndex : power;
            bool powerOk = newPower <= _region.MaxTxPowerIndex;

            if (maskOk && rateOk && powerOk)
            {
                _region.SetChannelStates(_channelScratch);
                DataRate = newRate;
                TxPowerIndex = newPower;

                // NbTrans 0 means the default, one transmission (LoRaWAN 1.0.3 wording; see Lorawan/README.md).
                Repetitions = repetitions == 0 ? 1 : repetitions;
            }

            return (powerOk ? 0x04 : 0) | (rateOk ? 0x02 : 0) | (maskOk ? 0x01 : 0);
        }

        // RXParamSetupAns status: bit 2 RX1DROffset ACK, bit 1 RX2 data rate ACK, bit 0 channel (frequency) ACK; the
        // request is applied only with all three.
        private int RxParamSetupStatus(byte[] commands, int args)
        {
            int settings = commands[args];
            int offset = (settings >> 4) & 0x07;
            int rx2Rate = settings & 0x0F;
            int frequency = LittleEndian.Get24(commands, args + 1) * 100;
            bool offsetOk = offset <= _region.MaxRx1DataRateOffset;
            bool rateOk = _region.IsReceiveDataRate(rx2Rate);
            bool frequencyOk = _region.IsReceiveFrequency(frequency);
            if (offsetOk && rateOk && frequencyOk)
            {
                Rx1DataRateOffset = offset;
                _region.SetRx2(frequency, rx2Rate);
            }

            return (offsetOk ? 0x04 : 0) | (rateOk ? 0x02 : 0) | (frequencyOk ? 0x01 : 0);
        }

        private bool Add(byte command)
        {
            return Append(false, command, -1, -1);
        }

        private void Add(byte command, int argument)
        {
            Append(false, command, argument, -1);
        }

        private void Add(byte command, int first, int second)
        {
            Append(false, command, first, second);
        }

        private void AddSticky(byte command, int argument)
        {
            Append(true, command, argument, -1);
        }

        // Appends one answer (an argument of -1 is absent) if the sticky and regular answers together stay within
        // FOpts; an answer that does not fit is dropped whole (the network asks again).
        private bool Append(bool sticky, byte command, int first, int second)
        {
            int size = 1 + (first >= 0 ? 1 : 0) + (second >= 0 ? 1 : 0);
            if (_stickyLength + _regularLength + size > MaxAnswers)
            {
                return false;
            }

            byte[] part = sticky ? _sticky : _regular;
            int length = sticky ? _stickyLength : _regularLength;
            part[length++] = command;
            if (first >= 0)
            {
                part[length++] = (byte)first;
            }

            if (second >= 0)
            {
                part[length++] = (byte)second;
            }

            if (sticky)
            {
                _stickyLength = length;
            }
            else
            {
                _regularLength = length;
            }

            Compose();
            return true;
        }

        private void Compose()
        {
            int at = 0;
            for (int i = 0; i < _stickyLength; i++)
            {
                _answers[at++] = _sticky[i];
            }

            for (int i = 0; i < _regularLength; i++)
            {
                _answers[at++] = _regular[i];
            }

            _answerLength = at;
        }
    }
}
