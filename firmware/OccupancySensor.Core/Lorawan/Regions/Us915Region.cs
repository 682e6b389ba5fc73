namespace OccupancySensor.Lorawan.Regions
{
    /// <summary>
    /// US902-928 (RP002-1.0.x, section US902-928): 64 channels of 125 kHz from 902.3 MHz in 200 kHz steps (DR0..DR3)
    /// and 8 of 500 kHz from 903.0 MHz in 1.6 MHz steps (DR4); this device starts on sub-band 2 (channels 8..15 and
    /// 65), the one The Things Network and most ChirpStack setups use. RX1 on 923.3 + 0.6 x (channel mod 8) MHz at
    /// DR8..DR13, RX2 923.3 MHz DR8. No duty cycle; FCC dwell time: at most 400 ms on the air per uplink.
    /// </summary>
    public sealed class Us915Region : LorawanRegion
    {
        /// <summary>Channel slots: 64 + 8.</summary>
        public const int Channels = 72;

        /// <summary>The default RX2 frequency.</summary>
        public const int DefaultRx2FrequencyHz = 923300000;

        /// <summary>The 400 ms FCC dwell-time limit.</summary>
        public const long DwellLimitMicroseconds = 400000;

        // Uplink DR0..DR4; DR5..DR7 (LR-FHSS, RFU) unused; downlink DR8..DR13 at 500 kHz. Payload limits N:
        // DR0 11, DR1 53, DR2 125, DR3 and DR4 242; DR8 53, DR9 129, DR10..DR13 242.
        private static readonly DataRate[] Rates = new DataRate[]
        {
            DataRate.Of(10, 125000, 11),
            DataRate.Of(9, 125000, 53),
            DataRate.Of(8, 125000, 125),
            DataRate.Of(7, 125000, 242),
            DataRate.Of(8, 500000, 242),
            new DataRate(),
            new DataRate(),
            new DataRate(),
            DataRate.Of(12, 500000, 53),
            DataRate.Of(11, 500000, 129),
            DataRate.Of(10, 500000, 242),
            DataRate.Of(9, 500000, 242),
            DataRate.Of(8, 500000, 242),
            DataRate.Of(7, 500000, 242),
        };

        /// <summary>The default plan on sub-band 2.</summary>
        public Us915Region()
            : base(Rates, Channels)
        {
            Reset();
        }

        /// <inheritdoc />
        public override string Name
        {
            get { return "us915"; }
        }

        /// <inheritdoc />
        public override int MaxUplinkDataRate
        {
            get { return 4; }
        }

        /// <inheritdoc />
        public override long MaxDwellMicroseconds
        {
            get { return DwellLimitMicroseconds; }
        }

        /// <inheritdoc />
        public override void Reset()
        {
            for (int channel = 0; channel < 64; channel++)
            {
                DefineChannel(channel, 902300000 + channel * 200000, 0, 3, channel >= 8 && channel < 16);
            }

            for (int channel = 64; channel < Channels; channel++)
            {
                DefineChannel(channel, 903000000 + (channel - 64) * 1600000, 4, 4, channel == 65);
            }

            Rx2FrequencyHz = DefaultRx2FrequencyHz;
            Rx2DataRate = 8;
        }

        /// <summary>Enables exactly the channels of one sub-band (1..8: eight 125 kHz channels and one 500 kHz channel).</summary>
        public void UseSubBand(int subBand)
        {
            if (subBand < 1 || subBand > 8)
            {
                throw new System.ArgumentOutOfRangeException("subBand", "US915 sub-bands are 1..8");
            }

            for (int channel = 0; channel < Channels; channel++)
            {
                bool inBand = channel < 64 ? channel / 8 == subBand - 1 : channel - 64 == subBand - 1;
                SetChannelEnabled(channel, inBand);
            }
        }

        /// <inheritdoc />
        public override int MaxTxPowerIndex
        {
            get { return 14; }
        }

        /// <inheritdoc />
        public override int JoinDataRate(int attempt)
        {
            // Alternate a 125 kHz channel at DR0 and the 500 kHz channel at DR4, as RP002 asks of US915 joins.
            return attempt % 2 == 0 ? 0 : 4;
        }

        /// <inheritdoc />
        public override bool ApplyChannelMask(bool[] enabled, int control, int mask)
        {
            // ChMaskCntl 0..3: channels 16 x cntl .. +15; 4: channels 64..71 (low 8 bits); 6: all 125 kHz channels on,
            // the mask for 64..71; 7: all 125 kHz channels off, the mask for 64..71. 5 is region-specific in RP002-1.0.3
            // (sub-band masks) and not supported here.
            if (control >= 0 && control <= 3)
            {
                for (int bit = 0; bit < 16; bit++)
                {
                    enabled[control * 16 + bit] = (mask & (1 << bit)) != 0;
                }

                return true;
            }

            if (control == 4 || control == 6 || control == 7)
            {
                if (control != 4)
                {
                    for (int channel = 0; channel < 64; channel++)
                    {
                        enabled[channel] = control == 6;
                    }
                }

                for (int bit = 0; bit < 8; bit++)
                {
                    enabled[64 + bit] = (mask & (1 << bit)) != 0;
                }

                return true;
            }

            return false;
        }

        /// <inheritdoc />
        public override void RecordTransmission(int channel, long startMilliseconds, long airtimeMicroseconds)
        {
            // No duty cycle in US915: the dwell-time limit is checked per uplink (CheckUplink).
        }

        /// <inheritdoc />
        public override long ChannelAvailableAt(int channel)
        {
            return 0;
        }

        /// <inheritdoc />
        public override int Rx1FrequencyHz(int uplinkChannel)
        {
            return 923300000 + (uplinkChannel % 8) * 600000;
        }

        /// <inheritdoc />
        public override int MaxRx1DataRateOffset
        {
            get { return 3; }
        }

        /// <inheritdoc />
        public override bool IsReceiveDataRate(int dataRate)
        {
            // Downlinks use DR8..DR13 (500 kHz) only.
            return dataRate >= 8 && dataRate <= 13;
        }

        /// <inheritdoc />
        public override bool IsReceiveFrequency(int frequencyHz)
        {
            // The eight downlink channels: 923.3 MHz + n x 600 kHz, n = 0..7.
            int step = frequencyHz - DefaultRx2FrequencyHz;
            return step >= 0 && step <= 7 * 600000 && step % 600000 == 0;
        }

        // NewChannelReq and DlChannelReq are not taken in US902-928 (a fixed channel plan, RP002): the base class answers
        // -1, so the device ignores them and sends no answer.

        /// <inheritdoc />
        public override int Rx1DataRate(int uplinkDataRate, int offset)
        {
            // RP002 table: DR0..DR3 map to DR10..DR13 less the offset, DR4 to DR13 (offset 0 and 1) less the rest;
            // never below DR8.
            int rate = uplinkDataRate == 4 ? 14 - offset : 10 + uplinkDataRate - offset;
            if (rate > 13)
            {
                rate = 13;
            }

            return rate < 8 ? 8 : rate;
        }

        /// <inheritdoc />
        public override bool ApplyChannelList(byte[] channelList)
        {
            // CFList type 1: channel masks, 16 bits little-endian each, for channels 0..15, 16..31, ..., 64..79;
            // the last byte is the CFList type.
            if (channelList == null || channelList.Length < 16 || channelList[15] != 1)
            {
                return false;
            }

            for (int channel = 0; channel < Channels; channel++)
            {
                int word = channel / 16;
                int mask = channelList[2 * word] | (channelList[2 * word + 1] << 8);
                SetChannelEnabled(channel, (mask & (1 << (channel % 16))) != 0);
            }

            return true;
        }
    }
}
