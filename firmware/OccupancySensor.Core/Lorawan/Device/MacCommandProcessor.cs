using OccupancySensor.Lorawan.Regions;

namespace OccupancySensor.Lorawan.Device
{
    /// <summary>
    /// The MAC commands this device implements (LoRaWAN 1.0.4, chapter 5): LinkCheckReq/Ans, LinkADRReq/Ans,
    /// DutyCycleReq/Ans and DevStatusReq/Ans. Commands from the network (FOpts or FPort 0) are processed in order;
    /// answers collect in <see cref="Answers"/> for the next uplink's FOpts. An unknown command ends processing (its
    /// length is unknown, so nothing after it can be read), as the specification asks. A LinkADRReq is applied whole
    /// or not at all: the channel mask is tried on a copy of the channel states first. Buffers are allocated once.
    /// </summary>
    public sealed class MacCommandProcessor
    {
        /// <summary>LinkCheckReq (device) / LinkCheckAns (network).</summary>
        public const byte LinkCheck = 0x02;

        /// <summary>LinkADRReq / LinkADRAns.</summary>
        public const byte LinkAdr = 0x03;

        /// <summary>DutyCycleReq / DutyCycleAns.</summary>
        public const byte DutyCycle = 0x04;

        /// <summary>DevStatusReq / DevStatusAns.</summary>
        public const byte DevStatus = 0x06;

        /// <summary>Battery byte of DevStatusAns when the level is not known.</summary>
        public const int BatteryUnknown = 255;

        private readonly LorawanRegion _region;
        private readonly bool[] _channelScratch;

        // FOpts holds 15 bytes; answers beyond that would not fit the next uplink and are dropped (the network asks again).
        private readonly byte[] _answers = new byte[15];
        private int _answerLength;

        /// <summary>A processor acting on <paramref name="region"/>'s channels.</summary>
        public MacCommandProcessor(LorawanRegion region)
        {
            _region = region;
            _channelScratch = new bool[region.ChannelCount];
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
            _answerLength = 0;
        }

        /// <summary>Forgets the answers once an uplink carried them.</summary>
        public void AnswersSent()
        {
            _answerLength = 0;
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
                if (size < 0 || at + 1 + size > end)
                {
                    // Unknown, or cut short: what follows cannot be parsed.
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

        private bool Add(byte command)
        {
            if (_answerLength + 1 > _answers.Length)
            {
                return false;
            }

            _answers[_answerLength++] = command;
            return true;
        }

        private void Add(byte command, int argument)
        {
            if (_answerLength + 2 <= _answers.Length)
            {
                _answers[_answerLength++] = command;
                _answers[_answerLength++] = (byte)argument;
            }
        }

        private void Add(byte command, int first, int second)
        {
            if (_answerLength + 3 <= _answers.Length)
            {
                _answers[_answerLength++] = command;
                _answers[_answerLength++] = (byte)first;
                _answers[_answerLength++] = (byte)second;
            }
        }
    }
}
