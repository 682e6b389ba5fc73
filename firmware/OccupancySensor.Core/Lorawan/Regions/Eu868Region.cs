using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Regions
{
    /// <summary>
    /// EU863-870 (RP002-1.0.x, section EU863-870): three default channels 868.1/868.3/868.5 MHz at DR0..DR5, up to
    /// 16 channels (the join accept's CFList adds five), RX1 on the uplink frequency, RX2 869.525 MHz DR0, and the
    /// ETSI duty cycle per sub-band enforced before every transmission. The network may add channels 3..15
    /// (NewChannelReq), move a channel's RX1 frequency (DlChannelReq) and the RX2 window (RXParamSetupReq); a channel
    /// it adds is only taken if its frequency lies in one of the duty-cycle sub-bands, whose limit then applies to it.
    /// </summary>
    public sealed class Eu868Region : LorawanRegion
    {
        /// <summary>Channel slots: EU868 devices support 16 channels.</summary>
        public const int Channels = 16;

        /// <summary>The default RX2 frequency.</summary>
        public const int DefaultRx2FrequencyHz = 869525000;

        /// <summary>Channels 0..2 are the region's defaults: the network may not remove or move them.</summary>
        public const int DefaultChannels = 3;

        // The band a device of this region may listen in (RX2, DlChannelReq): 863-870 MHz.
        private const int LowestFrequencyHz = 863000000;
        private const int HighestFrequencyHz = 870000000;

        // DR0..DR5 are LoRa at 125 kHz (SF12..SF7), DR6 SF7 at 250 kHz; DR7 is FSK, which this device does not use.
        // Payload limits N (FOpts empty): DR0..DR2 51, DR3 115, DR4..DR7 242.
        private static readonly DataRate[] Rates = new DataRate[]
        {
            DataRate.Of(12, 125000, 51),
            DataRate.Of(11, 125000, 51),
            DataRate.Of(10, 125000, 51),
            DataRate.Of(9, 125000, 115),
            DataRate.Of(8, 125000, 242),
            DataRate.Of(7, 125000, 242),
            DataRate.Of(7, 250000, 242),
            new DataRate(),
        };

        private readonly DutyCycleBands _bands = new DutyCycleBands(6);

        /// <summary>The default plan, every band open.</summary>
        public Eu868Region()
            : base(Rates, Channels)
        {
            // Sub-bands and duty cycles as LoRaWAN EU868 devices apply ETSI EN 300 220 (h1.3 .. h1.7).
            _bands.Add(863000000, 865000000, 1000);
            _bands.Add(865000000, 868000000, 100);
            _bands.Add(868000000, 868600000, 100);
            _bands.Add(868700000, 869200000, 1000);
            _bands.Add(869400000, 869650000, 10);
            _bands.Add(869700000, 870000000, 100);
            Reset();
        }

        /// <inheritdoc />
        public override string Name
        {
            get { return "eu868"; }
        }

        /// <inheritdoc />
        public override int MaxUplinkDataRate
        {
            get { return 6; }
        }

        /// <inheritdoc />
        public override long MaxDwellMicroseconds
        {
            get { return 0; }
        }

        /// <summary>The duty-cycle bands.</summary>
        public DutyCycleBands Bands
        {
            get { return _bands; }
        }

        /// <inheritdoc />
        public override void Reset()
        {
            for (int channel = 0; channel < Channels; channel++)
            {
                DefineChannel(channel, 0, 0, 0, false);
            }

            DefineChannel(0, 868100000, 0, 5, true);
            DefineChannel(1, 868300000, 0, 5, true);
            DefineChannel(2, 868500000, 0, 5, true);
            Rx2FrequencyHz = DefaultRx2FrequencyHz;
            Rx2DataRate = 0;
        }

        /// <inheritdoc />
        public override int MaxTxPowerIndex
        {
            get { return 7; }
        }

        /// <inheritdoc />
        public override int JoinDataRate(int attempt)
        {
            // Start fast (DR5, shortest airtime and duty-cycle cost) and step down one data rate every second attempt
            // so a device far from any gateway still gets through at DR0.
            int rate = 5 - attempt / 2;
            return rate < 0 ? 0 : rate;
        }

        /// <inheritdoc />
        public override bool ApplyChannelMask(bool[] enabled, int control, int mask)
        {
            // ChMaskCntl 0: the mask applies to channels 0..15; 6: every defined channel on (mask ignored).
            if (control == 6)
            {
                for (int channel = 0; channel < Channels; channel++)
                {
                    enabled[channel] = ChannelFrequency(channel) != 0;
                }

                return true;
            }

            if (control != 0)
            {
                return false;
            }

            for (int channel = 0; channel < Channels; channel++)
            {
                bool on = (mask & (1 << channel)) != 0;
                if (on && ChannelFrequency(channel) == 0)
                {
                    return false;
                }

                enabled[channel] = on;
            }

            return true;
        }

        /// <inheritdoc />
        public override void RecordTransmission(int channel, long startMilliseconds, long airtimeMicroseconds)
        {
            _bands.Record(ChannelFrequency(channel), startMilliseconds, airtimeMicroseconds);
        }

        /// <inheritdoc />
        public override long ChannelAvailableAt(int channel)
        {
            return _bands.AvailableAt(ChannelFrequency(channel));
        }

        /// <inheritdoc />
        public override int Rx1FrequencyHz(int uplinkChannel)
        {
            int moved = DownlinkFrequency(uplinkChannel);
            return moved != 0 ? moved : ChannelFrequency(uplinkChannel);
        }

        /// <inheritdoc />
        public override int MaxRx1DataRateOffset
        {
            get { return 5; }
        }

        /// <inheritdoc />
        public override bool IsReceiveFrequency(int frequencyHz)
        {
            return frequencyHz >= LowestFrequencyHz && frequencyHz <= HighestFrequencyHz;
        }

        /// <inheritdoc />
        protected override int FirstDefinableChannel
        {
            get { return DefaultChannels; }
        }

        /// <inheritdoc />
        public override int NewChannel(int channel, int frequencyHz, int minDataRate, int maxDataRate)
        {
            if (channel < 0 || channel >= Channels || (channel < DefaultChannels && frequencyHz == 0))
            {
                // No such slot, or removing a default channel: nothing about the request can be acknowledged.
                return 0;
            }

            // Data rate range: MinDR <= MaxDR, both uplink data rates this device has (DR7, FSK, it has not).
            bool rangeOk = minDataRate <= maxDataRate && maxDataRate <= MaxUplinkDataRate;
            bool frequencyOk;
            if (channel < DefaultChannels)
            {
                // The default channels cannot be changed (RP002 EU868): only a request restating one is acknowledged.
                frequencyOk = frequencyHz == ChannelFrequency(channel);
                rangeOk &= minDataRate == 0 && maxDataRate >= 5;
            }
            else
            {
                // 0 removes the channel; any other frequency must lie in a sub-band whose duty cycle the device keeps.
                frequencyOk = frequencyHz == 0 || _bands.BandOf(frequencyHz) >= 0;
            }

            if (frequencyOk && rangeOk)
            {
                if (frequencyHz == 0)
                {
                    DefineChannel(channel, 0, 0, 0, false);
                }
                else
                {
                    // A channel the network defines is enabled at once (it may disable it with LinkADRReq).
                    DefineChannel(channel, frequencyHz, minDataRate, maxDataRate, true);
                }
            }

            return (rangeOk ? 0x02 : 0) | (frequencyOk ? 0x01 : 0);
        }

        /// <inheritdoc />
        public override int SetDownlinkFrequency(int channel, int frequencyHz)
        {
            bool uplinkExists = channel >= 0 && channel < Channels && ChannelFrequency(channel) != 0;
            bool frequencyOk = IsReceiveFrequency(frequencyHz);
            if (uplinkExists && frequencyOk)
            {
                SetChannelDownlink(channel, frequencyHz);
            }

            return (uplinkExists ? 0x02 : 0) | (frequencyOk ? 0x01 : 0);
        }

        /// <inheritdoc />
        public override int Rx1DataRate(int uplinkDataRate, int offset)
        {
            int rate = uplinkDataRate - offset;
            return rate < 0 ? 0 : rate;
        }

        /// <inheritdoc />
        public override bool ApplyChannelList(byte[] channelList)
        {
            // CFList type 0: five frequencies (24 bits each, little-endian, in units of 100 Hz) for channels 3..7,
            // DR0..DR5; a zero frequency leaves the slot empty. The last byte is the CFList type.
            if (channelList == null || channelList.Length < 16 || channelList[15] != 0)
            {
                return false;
            }

            for (int i = 0; i < 5; i++)
            {
                int frequency = LittleEndian.Get24(channelList, 3 * i) * 100;
                bool usable = frequency != 0 && _bands.BandOf(frequency) >= 0;
                DefineChannel(3 + i, usable ? frequency : 0, 0, 5, usable);
            }

            return true;
        }
    }
}
