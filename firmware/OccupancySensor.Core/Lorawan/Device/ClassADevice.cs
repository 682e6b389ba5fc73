using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Lorawan.Frames;
using OccupancySensor.Lorawan.Regions;
using OccupancySensor.Runtime;

namespace OccupancySensor.Lorawan.Device
{
    /// <summary>
    /// A LoRaWAN 1.0.4 Class A end device: OTAA join (or ABP), one uplink at a time with its two receive windows,
    /// confirmed uplinks retried until acknowledged, MAC commands, the region's duty cycle and payload limits and the
    /// join back-off. Driven like the sensor loop: <see cref="Step"/> does what is due at the given time and returns
    /// when it wants to run next, so the caller sleeps in between; nothing here waits or reads a clock.
    /// Timing (LoRaWAN 1.0.4, 3.3): RX1 opens RECEIVE_DELAY1 (the join accept's RxDelay, default 1 s) after the end of
    /// an uplink and RX2 one second later; for a join request JOIN_ACCEPT_DELAY1/2 are 5 s and 6 s. A frame received
    /// in RX1 means RX2 is not opened. The end of an uplink is its start plus the computed time on air.
    /// Counters: the next DevNonce and FCntUp are written to flash (<see cref="LorawanStateStore"/>) before the frame
    /// that uses them goes out, with the session's MAC state (RX parameters, channels, ADR settings); a flash failure
    /// holds the frame back rather than risk reusing a counter. An ABP session started again after a reboot takes back
    /// the MAC state its network set; a new join starts from the region's defaults.
    /// Every buffer and helper is allocated in the constructor; a Step allocates nothing.
    /// </summary>
    public sealed class ClassADevice
    {
        /// <summary>Step's answer when nothing is scheduled (idle until an uplink is requested).</summary>
        public const long NothingScheduled = long.MaxValue;

        /// <summary>JOIN_ACCEPT_DELAY1 in milliseconds.</summary>
        public const int JoinAcceptDelay1 = 5000;

        /// <summary>JOIN_ACCEPT_DELAY2 in milliseconds.</summary>
        public const int JoinAcceptDelay2 = 6000;

        /// <summary>
        /// How long before a receive window opens the device hands it to the radio, which waits out the rest and
        /// starts its receiver a little before the opening (the drivers: 10 ms). Handed over at the opening itself,
        /// the receiver started only after the chip's setup (a dozen SPI frames) and, on the device, after the
        /// sampling loop's frame that runs first: later than the 5 preamble symbols a receiver needs of the 8 sent,
        /// which at SF7 take 12 ms in all.
        /// </summary>
        public const int ReceiveLeadMilliseconds = 50;

        /// <summary>Transmissions of a confirmed uplink before it is given up as not acknowledged.</summary>
        public const int ConfirmedAttempts = 4;

        /// <summary>ADR_ACK_LIMIT: uplinks without any downlink before the device asks for one (ADRACKReq).</summary>
        public const int AdrAckLimit = 64;

        /// <summary>ADR_ACK_DELAY: further uplinks without a downlink before the device lowers its data rate.</summary>
        public const int AdrAckDelay = 32;

        // How long to wait before trying again after the radio or the flash failed.
        private const int FailureRetryMilliseconds = 30000;

        private readonly LorawanRegion _region;
        private readonly ILoraRadio _radio;
        private readonly LorawanStateStore _store;
        private readonly LoraChip _chip;
        private readonly System.Random _random;
        private readonly byte[] _deviceEui;
        private readonly byte[] _joinEui;
        private readonly Aes128 _appKeyCipher = new Aes128();
        private readonly AesCmac _appKeyMac = new AesCmac();
        private readonly LorawanSession _session = new LorawanSession();
        private readonly UplinkFrameBuilder _uplinks = new UplinkFrameBuilder();
        private readonly JoinRequestBuilder _joinRequests = new JoinRequestBuilder();
        private readonly JoinAcceptReader _joinAccepts = new JoinAcceptReader();
        private readonly JoinAccept _accept = new JoinAccept();
        private readonly DownlinkFrameParser _downlinks = new DownlinkFrameParser();
        private readonly DownlinkFrame _downlink = new DownlinkFrame();
        private readonly MacCommandProcessor _mac;
        private readonly JoinBackoff _joinBackoff = new JoinBackoff();

        // The largest PHY payload a receive window can deliver.
        private readonly byte[] _received = new byte[FrameFormat.MaxPhyPayload];

        // The pending application payload: the largest any data rate allows (242 bytes).
        private readonly byte[] _payload = new byte[FrameFormat.MaxFramePayload];

        // The channels' enabled states, for the ADR back-off's check that a lower data rate has a channel.
        private readonly bool[] _channelStates;

        private ILorawanListener _listener;
        private DeviceState _state;
        private bool _joinWanted;
        private int _joinAttempts;
        private int _joinNonce;

        private bool _countersLoaded;
        private bool _pending;
        private bool _prepared;
        private int _payloadLength;
        private int _port;
        private bool _confirmed;
        private int _frameLength;
        private int _attempts;
        private bool _acknowledged;
        private bool _downlinkSeen;
        private long _notBefore;

        private int _channel;
        private int _dataRate;
        private long _rx1At;
        private long _rx2At;
        private bool _rx1Done;
        private long _aggregatedFreeAt;

        private bool _ackDue;
        private int _adrAckCounter;

        // An ABP session started before the counters (and the state record) could be read restores its MAC state
        // once they can.
        private bool _restorePending;

        // "unknown MAC command 0xNN" per identifier, made the first time a network sends one (rare: a fault) and kept,
        // so a network repeating it costs no further allocation. The array itself is made on the first such fault.
        private string[] _unknownCommandDetails;

        /// <summary>
        /// A device in <paramref name="region"/> talking through <paramref name="radio"/>, keeping its counters in
        /// <paramref name="store"/> (loaded here). EUIs are given most significant byte first, as printed.
        /// </summary>
        public ClassADevice(LorawanRegion region, ILoraRadio radio, LorawanStateStore store, LoraChip chip,
                            byte[] deviceEui, byte[] joinEui, byte[] appKey, int randomSeed)
        {
            _region = region;
            _radio = radio;
            _store = store;
            _chip = chip;
            _random = new System.Random(randomSeed);
            _deviceEui = deviceEui;
            _joinEui = joinEui;
            _appKeyCipher.SetKey(appKey, 0);
            _appKeyMac.SetKey(appKey, 0);
            _mac = new MacCommandProcessor(region);
            _store.Bind(_mac);
            _channelStates = new bool[region.ChannelCount];
            CountersReady();
        }

        /// <summary>Where the device is in its cycle.</summary>
        public DeviceState State
        {
            get { return _state; }
        }

        /// <summary>Whether a session is active (joined or ABP).</summary>
        public bool IsJoined
        {
            get { return _session.IsActive; }
        }

        /// <summary>The session (address, counters).</summary>
        public LorawanSession Session
        {
            get { return _session; }
        }

        /// <summary>The MAC command state (data rate, ADR, link check results, battery level for DevStatusAns).</summary>
        public MacCommandProcessor Mac
        {
            get { return _mac; }
        }

        /// <summary>The region and its channels.</summary>
        public LorawanRegion Region
        {
            get { return _region; }
        }

        /// <summary>The join back-off.</summary>
        public JoinBackoff JoinBackoff
        {
            get { return _joinBackoff; }
        }

        /// <summary>Join requests sent since the last successful join.</summary>
        public int JoinAttempts
        {
            get { return _joinAttempts; }
        }

        /// <summary>The last join accept (RX settings, CFList) and the keys derived from it.</summary>
        public JoinAccept LastJoinAccept
        {
            get { return _accept; }
        }

        /// <summary>Whether an uplink is pending.</summary>
        public bool HasPendingUplink
        {
            get { return _pending; }
        }

        /// <summary>Transmissions the radio refused (each retried 30 s later).</summary>
        public int RadioFailures { get; private set; }

        /// <summary>Flash reads or writes of the counters that failed (the frame waited; retried 30 s later).</summary>
        public int FlashFailures { get; private set; }

        /// <summary>
        /// Where the device records faults a technician should see (a MAC command it does not know); none when null.
        /// </summary>
        public FaultLog Faults { get; set; }

        /// <summary>Whether the running ABP session took back the MAC state its network set before a reboot.</summary>
        public bool SessionStateRestored { get; private set; }

        /// <summary>Who hears about joins, finished uplinks and downlinks.</summary>
        public ILorawanListener Listener
        {
            get { return _listener; }
            set { _listener = value; }
        }

        /// <summary>The largest application payload the current data rate takes with the MAC answers now waiting.</summary>
        public int MaxApplicationPayload
        {
            get { return PayloadLimit - _mac.AnswerLength; }
        }

        /// <summary>
        /// The largest application payload the current data rate takes alone: what <see cref="RequestUplink"/>
        /// accepts, as waiting MAC answers give way to a payload that leaves them no room (the network asks again).
        /// </summary>
        public int PayloadLimit
        {
            get { return _region.GetDataRate(_mac.DataRate).MaxApplicationPayload; }
        }

        /// <summary>
        /// The earliest time from <paramref name="now"/> an uplink at the current data rate may start (the band's duty
        /// cycle or dwell time, DutyCycleReq): a sender that packs several readings into one frame waits for it, so the
        /// frame takes everything that piled up meanwhile.
        /// </summary>
        public long EarliestUplink(long now)
        {
            return EarliestSend(now, _mac.DataRate);
        }

        /// <summary>Starts an OTAA join (with the region's defaults) at the next <see cref="Step"/>.</summary>
        public void Join()
        {
            _session.Deactivate();
            _region.Reset();
            _mac.Reset();
            _joinWanted = true;
            _joinAttempts = 0;
            _restorePending = false;
            SessionStateRestored = false;

            // A pending uplink is rebuilt under the new session's keys and counter once the join succeeds.
            _prepared = false;
            _attempts = 0;
            _state = DeviceState.JoinWaiting;
        }

        /// <summary>
        /// Starts an ABP session with provisioned keys; the uplink counter continues from flash, so a reboot never
        /// reuses one.
        /// </summary>
        public void ActivateByPersonalization(uint deviceAddress, byte[] networkSessionKey, byte[] applicationSessionKey)
        {
            _region.Reset();
            _mac.Reset();
            _session.Activate(deviceAddress, networkSessionKey, applicationSessionKey, _store.NextUplinkCounter);

            // The network kept what it set in this session (RX2, channels, data rate...) across the reboot: so must the
            // device, or it listens where nothing is sent. A record of another address is some other session's.
            SessionStateRestored = _countersLoaded && _store.RestoreSession(deviceAddress);
            _restorePending = !_countersLoaded;
            _joinWanted = false;
            _state = DeviceState.Idle;
            if (_listener != null)
            {
                _listener.Joined(deviceAddress);
            }
        }

        /// <summary>
        /// Queues one uplink (the payload is copied). Returns false when one is already pending, there is no session,
        /// the port is not an application port, or the payload exceeds what the current data rate takes.
        /// </summary>
        public bool RequestUplink(byte[] payload, int offset, int length, int port, bool confirmed)
        {
            if (_pending || !_session.IsActive || port < 1 || port > 223 || length < 0 || length > PayloadLimit)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                _payload[i] = payload[offset + i];
            }

            _payloadLength = length;
            _port = port;
            _confirmed = confirmed;
            _pending = true;
            _prepared = false;
            _attempts = 0;
            _acknowledged = false;
            _notBefore = 0;
            if (_state == DeviceState.Idle)
            {
                _state = DeviceState.UplinkWaiting;
            }

            return true;
        }

        /// <summary>Does what is due at <paramref name="now"/> (device clock, ms); returns when to call again.</summary>
        public long Step(long now)
        {
            while (true)
            {
                switch (_state)
                {
                    case DeviceState.Idle:
                        if (_pending && _session.IsActive)
                        {
                            _state = DeviceState.UplinkWaiting;
                            continue;
                        }

                        return NothingScheduled;
                    case DeviceState.JoinWaiting:
                        {
                            long due = SendJoinRequest(now);
                            if (due > now)
                            {
                                return due;
                            }

                            continue;
                        }

                    case DeviceState.JoinReceiving:
                        {
                            long due = ReceiveJoinAccept(now);
                            if (due > now)
                            {
                                return due;
                            }

                            continue;
                        }

                    case DeviceState.UplinkWaiting:
                        {
                            long due = SendUplink(now);
                            if (due > now)
                            {
                                return due;
                            }

                            continue;
                        }

                    case DeviceState.UplinkReceiving:
                        {
                            long due = ReceiveDownlink(now);
                            if (due > now)
                            {
                                return due;
                            }

                            continue;
                        }

                    default:
                        return NothingScheduled;
                }
            }
        }

        private long EarliestSend(long now, int dataRate)
        {
            long due = _region.EarliestTransmission(now, dataRate);
            if (_aggregatedFreeAt > due)
            {
                due = _aggregatedFreeAt;
            }

            return due;
        }

        private void RecordSend(int channel, long now, long airtimeMicroseconds)
        {
            _region.RecordTransmission(channel, now, airtimeMicroseconds);
            if (_mac.DutyCycleExponent > 0)
            {
                // DutyCycleReq: all transmissions together at most 1/2^n of the time.
                _aggregatedFreeAt = now + ((airtimeMicroseconds << _mac.DutyCycleExponent) + 999) / 1000;
            }
        }

        // When a window opening at opensAt is handed to the radio (see ReceiveLeadMilliseconds).
        private static long HandOverAt(long opensAt)
        {
            return opensAt - ReceiveLeadMilliseconds;
        }

        private long SendJoinRequest(long now)
        {
            if (!_joinWanted)
            {
                _state = DeviceState.Idle;
                return now;
            }

            _dataRate = _region.JoinDataRate(_joinAttempts);
            long due = EarliestSend(now, _dataRate);
            if (_joinBackoff.NextAllowed > due)
            {
                due = _joinBackoff.NextAllowed;
            }

            if (due > now)
            {
                return due;
            }

            _channel = _region.SelectChannel(now, _dataRate, _random.Next());
            if (_channel < 0)
            {
                return now + FailureRetryMilliseconds;
            }

            if (!CountersReady())
            {
                return now + FailureRetryMilliseconds;
            }

            _joinNonce = _store.NextDeviceNonce;
            try
            {
                // No session is active: the record carries no session state, so the old session's settings are gone.
                _store.Save(_joinNonce + 1, _store.NextUplinkCounter, false, 0);
            }
            catch (System.IO.IOException)
            {
                FlashFailures++;
                return now + FailureRetryMilliseconds;
            }

            int length = _joinRequests.Build(_joinEui, _deviceEui, _joinNonce & 0xFFFF, _appKeyMac);
            LoraModulation modulation = _region.UplinkModulation(_dataRate);
            if (!_radio.Transmit(_region.ChannelFrequency(_channel), modulation, _joinRequests.Frame, length))
            {
                RadioFailures++;
                return now + FailureRetryMilliseconds;
            }

            long airtime = TimeOnAir.Microseconds(modulation, length, _chip);
            RecordSend(_channel, now, airtime);
            _joinBackoff.Record(now, airtime);
            _joinAttempts++;
            long end = TimeOnAir.EndMilliseconds(now, airtime);
            _rx1At = end + JoinAcceptDelay1;
            _rx2At = end + JoinAcceptDelay2;
            _rx1Done = false;
            _state = DeviceState.JoinReceiving;
            return HandOverAt(_rx1At);
        }

        private long ReceiveJoinAccept(long now)
        {
            if (!_rx1Done)
            {
                if (now < HandOverAt(_rx1At))
                {
                    return HandOverAt(_rx1At);
                }

                _rx1Done = true;
                int rx1Rate = _region.Rx1DataRate(_dataRate, 0);
                if (TryJoin(_radio.Receive(_region.Rx1FrequencyHz(_channel), DownlinkModulation(rx1Rate), _rx1At, _received)))
                {
                    return now;
                }
            }

            if (now < HandOverAt(_rx2At))
            {
                return HandOverAt(_rx2At);
            }

            if (!TryJoin(_radio.Receive(_region.Rx2FrequencyHz, DownlinkModulation(_region.Rx2DataRate), _rx2At, _received)))
            {
                _state = DeviceState.JoinWaiting;
            }

            return now;
        }

        private bool TryJoin(int length)
        {
            if (length <= 0 || _joinAccepts.Read(_received, length, _joinNonce & 0xFFFF, _appKeyCipher, _appKeyMac, _accept) != JoinAcceptResult.Accepted)
            {
                return false;
            }

            // A new session: FCnt starts at 0 under the new keys (so no pair of key and counter ever repeats).
            _session.Activate(_accept.DeviceAddress, _accept.NetworkSessionKey, _accept.ApplicationSessionKey, 0);
            _mac.ApplyJoinSettings(_accept.Rx1DataRateOffset, _accept.Rx2DataRate, _accept.ReceiveDelaySeconds);
            if (_accept.HasChannelList)
            {
                // EU868 type 0: five more channels; US915 type 1: the channel mask. Another type is ignored (RP002).
                _region.ApplyChannelList(_accept.ChannelList);
            }

            _mac.DataRate = _dataRate;
            try
            {
                _store.Save(_store.NextDeviceNonce, 0, true, _accept.DeviceAddress);
            }
            catch (System.IO.IOException)
            {
                // The next uplink saves again before it is sent, and holds back if flash still fails.
                FlashFailures++;
            }

            _joinBackoff.Reset();
            _joinWanted = false;
            _adrAckCounter = 0;
            _ackDue = false;
            _state = _pending ? DeviceState.UplinkWaiting : DeviceState.Idle;
            if (_listener != null)
            {
                _listener.Joined(_accept.DeviceAddress);
            }

            return true;
        }

        private LoraModulation DownlinkModulation(int dataRate)
        {
            DataRate rate = _region.GetDataRate(dataRate);
            return LoraModulation.LorawanDownlink(rate.SpreadingFactor, rate.BandwidthHz);
        }

        private long SendUplink(long now)
        {
            if (!_pending)
            {
                _state = DeviceState.Idle;
                return now;
            }

            if (!_prepared)
            {
                if (!CountersReady())
                {
                    return now + FailureRetryMilliseconds;
                }

                if (!PrepareFrame())
                {
                    Finish(false);
                    return now;
                }

                _prepared = true;
            }

            long due = EarliestSend(now, _dataRate);
            if (_notBefore > due)
            {
                due = _notBefore;
            }

            if (due > now)
            {
                return due;
            }

            _channel = _region.SelectChannel(now, _dataRate, _random.Next());
            if (_channel < 0)
            {
                return now + FailureRetryMilliseconds;
            }

            if (_attempts == 0)
            {
                // The counter this frame uses is on flash before it can be on the air, and so is the MAC state whose
                // answers it carries.
                try
                {
                    _store.Save(_store.NextDeviceNonce, _session.UplinkCounter + 1, true, _session.DeviceAddress);
                }
                catch (System.IO.IOException)
                {
                    FlashFailures++;
                    return now + FailureRetryMilliseconds;
                }
            }

            LoraModulation modulation = _region.UplinkModulation(_dataRate);
            if (!_radio.Transmit(_region.ChannelFrequency(_channel), modulation, _uplinks.Frame, _frameLength))
            {
                RadioFailures++;
                return now + FailureRetryMilliseconds;
            }

            if (_attempts == 0)
            {
                // Answers and the ACK bit went out with the first transmission.
                _mac.AnswersSent();
                _ackDue = false;
                _adrAckCounter++;
            }

            long airtime = TimeOnAir.Microseconds(modulation, _frameLength, _chip);
            RecordSend(_channel, now, airtime);
            _attempts++;
            long end = TimeOnAir.EndMilliseconds(now, airtime);
            _mac.LastUplinkEnd = end;
            _rx1At = end + _mac.ReceiveDelaySeconds * 1000L;
            _rx2At = _rx1At + 1000;
            _rx1Done = false;
            _downlinkSeen = false;
            _state = DeviceState.UplinkReceiving;
            return HandOverAt(_rx1At);
        }

        // Reads the counters from flash if that has not worked yet (a flash error at start must not stop the unit,
        // and nothing may be sent before the counters are known).
        private bool CountersReady()
        {
            if (!_countersLoaded)
            {
                try
                {
                    _store.Load();
                    _countersLoaded = true;
                    if (_restorePending && _session.IsActive)
                    {
                        SessionStateRestored = _store.RestoreSession(_session.DeviceAddress);
                    }

                    _restorePending = false;
                }
                catch (System.IO.IOException)
                {
                    FlashFailures++;
                }
            }

            return _countersLoaded;
        }

        // Builds the frame once per uplink; retransmissions send these same bytes (same FCnt, same MIC) straight from
        // the builder's buffer: only this method builds into it, and a radio copies the frame into its FIFO.
        private bool PrepareFrame()
        {
            // Never below what flash says is next: covers an ABP session started before the counters could be read.
            if (_session.UplinkCounter < _store.NextUplinkCounter)
            {
                _session.UplinkCounter = _store.NextUplinkCounter;
            }

            AdaptDataRate();
            _dataRate = _mac.DataRate;
            int options = _mac.AnswerLength;
            if (_region.CheckUplink(_dataRate, _payloadLength, options) != UplinkCheck.Allowed)
            {
                // MAC answers first give way (the network asks again); then the payload is refused.
                options = 0;
                _mac.AnswersSent();
                if (_region.CheckUplink(_dataRate, _payloadLength, 0) != UplinkCheck.Allowed)
                {
                    return false;
                }
            }

            byte flags = 0;
            if (_mac.AdrEnabled)
            {
                flags |= FrameFormat.ControlAdr;
                if (_adrAckCounter >= AdrAckLimit)
                {
                    flags |= FrameFormat.ControlAdrAckRequest;
                }
            }

            if (_ackDue)
            {
                flags |= FrameFormat.ControlAck;
            }

            _frameLength = _uplinks.Build(_session, _confirmed, flags, _mac.Answers, options, _port, _payload, 0, _payloadLength);
            return true;
        }

        // ADR back-off (LoRaWAN 1.0.4, 4.3.1.1): after ADR_ACK_LIMIT uplinks with no downlink the device sets
        // ADRACKReq; after ADR_ACK_DELAY more it steps its data rate down, one step per ADR_ACK_DELAY.
        private void AdaptDataRate()
        {
            if (!_mac.AdrEnabled || _adrAckCounter < AdrAckLimit + AdrAckDelay)
            {
                return;
            }

            _region.CopyChannelStates(_channelStates);
            if (_mac.DataRate > 0 && _region.AnyChannelCarries(_channelStates, _mac.DataRate - 1))
            {
                _mac.DataRate = _mac.DataRate - 1;
            }

            _adrAckCounter = AdrAckLimit;
        }

        private long ReceiveDownlink(long now)
        {
            if (!_rx1Done)
            {
                if (now < HandOverAt(_rx1At))
                {
                    return HandOverAt(_rx1At);
                }

                _rx1Done = true;
                int rx1Rate = _region.Rx1DataRate(_dataRate, _mac.Rx1DataRateOffset);
                if (HandleDownlink(_radio.Receive(_region.Rx1FrequencyHz(_channel), DownlinkModulation(rx1Rate), _rx1At, _received), now))
                {
                    return AfterWindows(now);
                }
            }

            if (now < HandOverAt(_rx2At))
            {
                return HandOverAt(_rx2At);
            }

            HandleDownlink(_radio.Receive(_region.Rx2FrequencyHz, DownlinkModulation(_region.Rx2DataRate), _rx2At, _received), now);
            return AfterWindows(now);
        }

        private bool HandleDownlink(int length, long now)
        {
            if (length <= 0 || _downlinks.Parse(_session, _received, length, _downlink) != DownlinkResult.Accepted)
            {
                return false;
            }

            _downlinkSeen = true;
            _adrAckCounter = 0;
            if (_downlink.Acknowledged && _confirmed)
            {
                _acknowledged = true;
            }

            if (_downlink.Confirmed)
            {
                _ackDue = true;
            }

            // A Class A downlink: the network has seen the sticky answers (RXParamSetupAns, RXTimingSetupAns,
            // DlChannelAns); the commands below may add new ones.
            _mac.ClassADownlinkReceived();
            int snr = _radio.LastSnr;
            int unknown = _mac.UnknownCommands;
            if (_downlink.OptionsLength > 0)
            {
                _mac.Process(_downlink.Options, 0, _downlink.OptionsLength, snr);
            }

            if (_downlink.HasPort && _downlink.Port == 0)
            {
                _mac.Process(_downlink.Payload, 0, _downlink.PayloadLength, snr);
            }

            if (_mac.UnknownCommands != unknown)
            {
                RecordUnknownCommand(now, _mac.LastUnknownCommand);
            }

            // An unknown MAC command ends only the reading of MAC commands; the application's payload still counts.
            if (_downlink.HasPort && _downlink.Port != 0 && _listener != null)
            {
                _listener.DownlinkReceived(_downlink.Port, _downlink.Payload, _downlink.PayloadLength);
            }

            return true;
        }

        // The specification has the device stop reading a frame at a command it does not know; the fault log says
        // which one, so a technician sees why the network's later commands in that frame went unanswered.
        private void RecordUnknownCommand(long now, int command)
        {
            if (Faults == null)
            {
                return;
            }

            if (_unknownCommandDetails == null)
            {
                _unknownCommandDetails = new string[256];
            }

            string detail = _unknownCommandDetails[command];
            if (detail == null)
            {
                detail = "unknown MAC command 0x" + command.ToString("X2");
                _unknownCommandDetails[command] = detail;
            }

            Faults.Record(now, FaultSource.Uplink, FaultCode.Invalid, detail);
        }

        private long AfterWindows(long now)
        {
            bool again = _confirmed
                ? !_acknowledged && _attempts < ConfirmedAttempts
                : !_downlinkSeen && _attempts < _mac.Repetitions;
            if (again)
            {
                // ACK_TIMEOUT: 1 to 3 s after RX2 before a confirmed frame goes again.
                _notBefore = now + 1000 + _random.Next(2001);
                _state = DeviceState.UplinkWaiting;
                return now;
            }

            Finish(true);
            return now;
        }

        private void Finish(bool sent)
        {
            uint counter = _session.UplinkCounter;
            if (sent)
            {
                _session.UplinkCounter = counter + 1;
            }

            _pending = false;
            _state = DeviceState.Idle;
            if (_listener != null)
            {
                _listener.UplinkDone(counter, sent, _confirmed, _acknowledged);
            }
        }
    }
}
