using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Regions
{
    /// <summary>
    /// A region's channel plan and rules (LoRaWAN Regional Parameters RP002-1.0.x): data rates and payload limits,
    /// uplink channels, the RX1 and RX2 windows, and what may be sent when. Channel state lives in fixed arrays sized
    /// by the subclass at construction; nothing allocates afterwards. Times are the device clock in milliseconds.
    /// </summary>
    public abstract class LorawanRegion
    {
        /// <summary>Bytes of MAC header, frame header without options, FPort and MIC around an application payload.</summary>
        public const int FrameOverhead = 13;

        private readonly DataRate[] _dataRates;
        private readonly int[] _channelFrequencies;
        private readonly int[] _channelMinDataRate;
        private readonly int[] _channelMaxDataRate;
        private readonly bool[] _channelEnabled;

        // RX1 frequency per uplink channel set by DlChannelReq (0: the uplink frequency, the default).
        private readonly int[] _channelDownlinkHz;

        /// <summary>Sets up tables with room for <paramref name="channelCount"/> uplink channels.</summary>
        protected LorawanRegion(DataRate[] dataRates, int channelCount)
        {
            _dataRates = dataRates;
            _channelFrequencies = new int[channelCount];
            _channelMinDataRate = new int[channelCount];
            _channelMaxDataRate = new int[channelCount];
            _channelEnabled = new bool[channelCount];
            _channelDownlinkHz = new int[channelCount];
        }

        /// <summary>The region's name as in the configuration file.</summary>
        public abstract string Name { get; }

        /// <summary>The highest uplink data rate index.</summary>
        public abstract int MaxUplinkDataRate { get; }

        /// <summary>The longest an uplink may stay on the air, in microseconds (0: no limit).</summary>
        public abstract long MaxDwellMicroseconds { get; }

        /// <summary>The RX2 frequency in Hz (the region's default until RXParamSetupReq changes it).</summary>
        public int Rx2FrequencyHz { get; protected set; }

        /// <summary>The RX2 data rate (the region's default until a join accept or RXParamSetupReq changes it).</summary>
        public int Rx2DataRate { get; set; }

        /// <summary>How many uplink channel slots the plan has.</summary>
        public int ChannelCount
        {
            get { return _channelFrequencies.Length; }
        }

        /// <summary>The data rate table entry (undefined entries have spreading factor 0).</summary>
        public DataRate GetDataRate(int index)
        {
            if (index < 0 || index >= _dataRates.Length)
            {
                return new DataRate();
            }

            return _dataRates[index];
        }

        /// <summary>The LoRa settings of an uplink at <paramref name="dataRate"/>, for time on air and the radio.</summary>
        public LoraModulation UplinkModulation(int dataRate)
        {
            DataRate rate = GetDataRate(dataRate);
            return LoraModulation.LorawanUplink(rate.SpreadingFactor, rate.BandwidthHz);
        }

        /// <summary>Time on air of an uplink with this application payload and FOpts length.</summary>
        public long UplinkAirtimeMicroseconds(int dataRate, int applicationPayload, int optionsLength, LoraChip chip)
        {
            return TimeOnAir.Microseconds(UplinkModulation(dataRate), FrameOverhead + optionsLength + applicationPayload, chip);
        }

        /// <summary>Whether an uplink with this application payload and FOpts length may go out at <paramref name="dataRate"/>.</summary>
        public UplinkCheck CheckUplink(int dataRate, int applicationPayload, int optionsLength)
        {
            if (dataRate < 0 || dataRate > MaxUplinkDataRate || !GetDataRate(dataRate).IsDefined)
            {
                return UplinkCheck.UnknownDataRate;
            }

            if (applicationPayload + optionsLength > GetDataRate(dataRate).MaxApplicationPayload)
            {
                return UplinkCheck.PayloadTooLarge;
            }

            if (MaxDwellMicroseconds > 0 && UplinkAirtimeMicroseconds(dataRate, applicationPayload, optionsLength, LoraChip.Sx127x) > MaxDwellMicroseconds)
            {
                return UplinkCheck.DwellTimeExceeded;
            }

            return UplinkCheck.Allowed;
        }

        /// <summary>A channel's frequency in Hz (0: an empty slot).</summary>
        public int ChannelFrequency(int channel)
        {
            return _channelFrequencies[channel];
        }

        /// <summary>Whether a channel may be used for uplinks.</summary>
        public bool IsChannelEnabled(int channel)
        {
            return _channelEnabled[channel] && _channelFrequencies[channel] != 0;
        }

        /// <summary>Enables or disables a channel (channel mask of LinkADRReq, the join accept's CFList).</summary>
        public void SetChannelEnabled(int channel, bool enabled)
        {
            _channelEnabled[channel] = enabled;
        }

        /// <summary>Whether a channel carries <paramref name="dataRate"/>.</summary>
        public bool ChannelSupports(int channel, int dataRate)
        {
            return dataRate >= _channelMinDataRate[channel] && dataRate <= _channelMaxDataRate[channel];
        }

        /// <summary>
        /// Picks an uplink channel for <paramref name="dataRate"/> that may transmit at <paramref name="nowMilliseconds"/>:
        /// the <paramref name="pick"/>-th (modulo their number) of the enabled channels that carry the data rate and
        /// whose band is free. Returns -1 when none may transmit now (see <see cref="EarliestTransmission"/>).
        /// Random spreading over channels is the caller's: it passes a random <paramref name="pick"/>.
        /// </summary>
        public int SelectChannel(long nowMilliseconds, int dataRate, int pick)
        {
            int eligible = 0;
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                if (IsEligible(channel, dataRate, nowMilliseconds))
                {
                    eligible++;
                }
            }

            if (eligible == 0)
            {
                return -1;
            }

            int wanted = (pick < 0 ? -pick : pick) % eligible;
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                if (IsEligible(channel, dataRate, nowMilliseconds))
                {
                    if (wanted == 0)
                    {
                        return channel;
                    }

                    wanted--;
                }
            }

            return -1;
        }

        /// <summary>
        /// The earliest time at or after <paramref name="nowMilliseconds"/> that some enabled channel carrying
        /// <paramref name="dataRate"/> may transmit; long.MaxValue when no channel carries it.
        /// </summary>
        public long EarliestTransmission(long nowMilliseconds, int dataRate)
        {
            long earliest = long.MaxValue;
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                if (IsChannelEnabled(channel) && ChannelSupports(channel, dataRate))
                {
                    long at = ChannelAvailableAt(channel);
                    if (at < nowMilliseconds)
                    {
                        at = nowMilliseconds;
                    }

                    if (at < earliest)
                    {
                        earliest = at;
                    }
                }
            }

            return earliest;
        }

        /// <summary>Records a transmission that started at <paramref name="startMilliseconds"/> on a channel, for duty-cycle rules.</summary>
        public abstract void RecordTransmission(int channel, long startMilliseconds, long airtimeMicroseconds);

        /// <summary>When the channel's band may next transmit (duty cycle), on the device clock.</summary>
        public abstract long ChannelAvailableAt(int channel);

        /// <summary>The RX1 frequency for an uplink on <paramref name="uplinkChannel"/>.</summary>
        public abstract int Rx1FrequencyHz(int uplinkChannel);

        /// <summary>The RX1 data rate for an uplink at <paramref name="uplinkDataRate"/> with the network's RX1DROffset.</summary>
        public abstract int Rx1DataRate(int uplinkDataRate, int offset);

        /// <summary>Applies a join accept's CFList; returns false when its type does not belong to the region.</summary>
        public abstract bool ApplyChannelList(byte[] channelList);

        /// <summary>Back to the region's default channels, data rates and RX2 settings (before a join).</summary>
        public abstract void Reset();

        /// <summary>The highest TX power index of LinkADRReq (0 is the maximum power; each step is 2 dB less).</summary>
        public abstract int MaxTxPowerIndex { get; }

        /// <summary>The data rate of the <paramref name="attempt"/>-th join request (0 first).</summary>
        public abstract int JoinDataRate(int attempt);

        /// <summary>
        /// Applies one LinkADRReq channel mask block (ChMaskCntl, ChMask) to <paramref name="enabled"/>, a copy of
        /// the channel states; returns false when the control value is not defined for the region or the mask names
        /// a channel slot that is empty. The caller commits the copy only if the whole request is acceptable.
        /// </summary>
        public abstract bool ApplyChannelMask(bool[] enabled, int control, int mask);

        /// <summary>
        /// The highest RX1DROffset the region defines (join accept, RXParamSetupReq). Regions that do not say
        /// allow none but 0.
        /// </summary>
        public virtual int MaxRx1DataRateOffset
        {
            get { return 0; }
        }

        /// <summary>
        /// Whether a receive window may listen at <paramref name="dataRate"/> (RXParamSetupReq's RX2 data rate):
        /// by default any LoRa data rate of the table; a region with separate downlink data rates narrows it.
        /// </summary>
        public virtual bool IsReceiveDataRate(int dataRate)
        {
            return GetDataRate(dataRate).IsDefined;
        }

        /// <summary>Whether the radio may listen on <paramref name="frequencyHz"/> in this region (RX2, DlChannelReq).</summary>
        public virtual bool IsReceiveFrequency(int frequencyHz)
        {
            return false;
        }

        /// <summary>Sets the RX2 window (RXParamSetupReq, or a restored session); the caller has validated both.</summary>
        public void SetRx2(int frequencyHz, int dataRate)
        {
            Rx2FrequencyHz = frequencyHz;
            Rx2DataRate = dataRate;
        }

        /// <summary>
        /// NewChannelReq (LoRaWAN 1.0.4, 5.6): defines, changes or (frequency 0) removes uplink channel
        /// <paramref name="channel"/>. Returns the NewChannelAns status (bit 1 data rate range ok, bit 0 channel
        /// frequency ok; the channel changes only when both are set), or -1 where the region does not take the
        /// command: the device then neither applies nor answers it (RP002: US902-928 and the other fixed plans).
        /// </summary>
        public virtual int NewChannel(int channel, int frequencyHz, int minDataRate, int maxDataRate)
        {
            return -1;
        }

        /// <summary>
        /// DlChannelReq (LoRaWAN 1.0.4, 5.10): moves the RX1 frequency of uplink channel <paramref name="channel"/>.
        /// Returns the DlChannelAns status (bit 1 uplink frequency exists, bit 0 channel frequency ok; applied only
        /// when both are set), or -1 where the region does not take the command (no answer).
        /// </summary>
        public virtual int SetDownlinkFrequency(int channel, int frequencyHz)
        {
            return -1;
        }

        /// <summary>The RX1 frequency DlChannelReq set for a channel, 0 when it is the uplink frequency.</summary>
        public int DownlinkFrequency(int channel)
        {
            return _channelDownlinkHz[channel];
        }

        /// <summary>The lowest data rate a channel carries.</summary>
        public int ChannelMinDataRate(int channel)
        {
            return _channelMinDataRate[channel];
        }

        /// <summary>The highest data rate a channel carries.</summary>
        public int ChannelMaxDataRate(int channel)
        {
            return _channelMaxDataRate[channel];
        }

        /// <summary>
        /// The first channel slot the network may define (NewChannelReq, CFList); the slots before it are the region's
        /// defaults and are not written with a session (<see cref="WriteChannelState"/>). The whole plan is fixed by
        /// default.
        /// </summary>
        protected virtual int FirstDefinableChannel
        {
            get { return ChannelCount; }
        }

        /// <summary>
        /// Bytes <see cref="WriteChannelState"/> writes: RX2 (4), the enabled mask (a bit per slot) and 7 bytes per
        /// definable slot (frequency and downlink frequency in 100 Hz units, 24 bits each, and the data rate range).
        /// </summary>
        public int ChannelStateLength
        {
            get { return 4 + (ChannelCount + 7) / 8 + 7 * (ChannelCount - FirstDefinableChannel); }
        }

        /// <summary>
        /// Writes what the network changed in the plan (RX2, channel mask, defined channels) at <paramref name="at"/>,
        /// <see cref="ChannelStateLength"/> bytes, so a session survives a reboot. Allocates nothing.
        /// </summary>
        public void WriteChannelState(byte[] buffer, int at)
        {
            LittleEndian.Put24(buffer, at, Rx2FrequencyHz / 100);
            buffer[at + 3] = (byte)Rx2DataRate;
            at += 4;
            int maskBytes = (ChannelCount + 7) / 8;
            for (int i = 0; i < maskBytes; i++)
            {
                buffer[at + i] = 0;
            }

            for (int channel = 0; channel < ChannelCount; channel++)
            {
                if (_channelEnabled[channel])
                {
                    buffer[at + channel / 8] |= (byte)(1 << (channel % 8));
                }
            }

            at += maskBytes;
            for (int channel = FirstDefinableChannel; channel < ChannelCount; channel++)
            {
                LittleEndian.Put24(buffer, at, _channelFrequencies[channel] / 100);
                buffer[at + 3] = (byte)(_channelMinDataRate[channel] | (_channelMaxDataRate[channel] << 4));
                LittleEndian.Put24(buffer, at + 4, _channelDownlinkHz[channel] / 100);
                at += 7;
            }
        }

        /// <summary>
        /// Restores what <see cref="WriteChannelState"/> wrote. Returns false (and changes nothing) when a value is
        /// not one this region could have accepted: a record from another region or firmware is not applied.
        /// </summary>
        public bool ReadChannelState(byte[] buffer, int at)
        {
            int rx2Frequency = LittleEndian.Get24(buffer, at) * 100;
            int rx2Rate = buffer[at + 3];
            if (!IsReceiveFrequency(rx2Frequency) || !IsReceiveDataRate(rx2Rate))
            {
                return false;
            }

            int maskAt = at + 4;
            int channelsAt = maskAt + (ChannelCount + 7) / 8;
            int slot = channelsAt;
            for (int channel = FirstDefinableChannel; channel < ChannelCount; channel++, slot += 7)
            {
                int frequency = LittleEndian.Get24(buffer, slot) * 100;
                int range = buffer[slot + 3];
                if (frequency != 0 && ((range & 0x0F) > (range >> 4) || (range >> 4) > MaxUplinkDataRate))
                {
                    return false;
                }
            }

            SetRx2(rx2Frequency, rx2Rate);
            slot = channelsAt;
            for (int channel = FirstDefinableChannel; channel < ChannelCount; channel++, slot += 7)
            {
                int range = buffer[slot + 3];
                DefineChannel(channel, LittleEndian.Get24(buffer, slot) * 100, range & 0x0F, range >> 4, false);
                _channelDownlinkHz[channel] = LittleEndian.Get24(buffer, slot + 4) * 100;
            }

            for (int channel = 0; channel < ChannelCount; channel++)
            {
                _channelEnabled[channel] = (buffer[maskAt + channel / 8] & (1 << (channel % 8))) != 0;
            }

            return true;
        }

        /// <summary>Copies the channels' enabled states into <paramref name="enabled"/> (length <see cref="ChannelCount"/>).</summary>
        public void CopyChannelStates(bool[] enabled)
        {
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                enabled[channel] = _channelEnabled[channel];
            }
        }

        /// <summary>Sets the channels' enabled states from <paramref name="enabled"/>.</summary>
        public void SetChannelStates(bool[] enabled)
        {
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                _channelEnabled[channel] = enabled[channel];
            }
        }

        /// <summary>Whether some channel in <paramref name="enabled"/> carries <paramref name="dataRate"/>.</summary>
        public bool AnyChannelCarries(bool[] enabled, int dataRate)
        {
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                if (enabled[channel] && _channelFrequencies[channel] != 0 && ChannelSupports(channel, dataRate))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Sets a channel slot.</summary>
        protected void DefineChannel(int channel, int frequencyHz, int minDataRate, int maxDataRate, bool enabled)
        {
            _channelFrequencies[channel] = frequencyHz;
            _channelMinDataRate[channel] = minDataRate;
            _channelMaxDataRate[channel] = maxDataRate;
            _channelEnabled[channel] = enabled;

            // A channel (re)defined receives its RX1 on its uplink frequency again until a DlChannelReq moves it.
            _channelDownlinkHz[channel] = 0;
        }

        /// <summary>Sets the RX1 frequency of a channel (0: its uplink frequency).</summary>
        protected void SetChannelDownlink(int channel, int frequencyHz)
        {
            _channelDownlinkHz[channel] = frequencyHz;
        }

        private bool IsEligible(int channel, int dataRate, long nowMilliseconds)
        {
            return IsChannelEnabled(channel) && ChannelSupports(channel, dataRate) && ChannelAvailableAt(channel) <= nowMilliseconds;
        }
    }
}
