using OccupancySensor.Lorawan.Device;
using OccupancySensor.Lorawan.Frames;
using OccupancySensor.Lorawan.Payload;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;
using OccupancySensor.Uplink;

namespace OccupancySensor.Lorawan.Uplink
{
    /// <summary>
    /// Store-and-forward over LoRaWAN. Every reading goes to the flash log first (<see cref="OutboundReadings"/>, the
    /// same store-first stage as MQTT), and the Class A device gets one payload at a time, in this order: the answer
    /// to a downlink command (FPort 3), an alert or dropped-readings report (ahead of the backlog; alerts confirmed),
    /// a reading the flash refused (RAM only), readings a lost link must repeat, the backlog oldest first packed into
    /// one frame up to the data rate's payload (<see cref="ReadingFramePacker"/>: counts folded into runs), then a
    /// history walk a command asked for. While the duty cycle or dwell time holds the device back, or there is no
    /// session yet (no join accept), nothing is taken from the log: readings pile up on flash and leave in fuller
    /// frames later.
    /// Releasing: a confirmed uplink releases its readings only on the network's ACK. An unconfirmed one releases
    /// them once transmitted, because LoRaWAN gives no receipt for it: waiting for one would hold the backlog forever,
    /// and asking for one on every frame costs a downlink each, which a gateway (it cannot receive while it
    /// transmits, 10 % duty cycle on RX2) cannot give a floor of units. Instead every
    /// <see cref="ProbeEvery"/>th reading frame without any ACK in between goes confirmed, as a probe of the link.
    /// When a confirmed uplink is not acknowledged after its attempts, the link counts as lost: reading frames wait,
    /// one confirmed probe goes out per back-off (1 min doubling to 30 min), and once one is acknowledged the readings
    /// sent unconfirmed since the last ACK are sent again from the log's history (oldest first, before the backlog),
    /// so readings sent into a dead link are not lost; a consumer drops the duplicates by sequence number.
    /// Memory: the look-ahead window of <see cref="ReadingFramePacker.MaxReadings"/> readings, one payload buffer and
    /// the command buffers are allocated here; feeding an uplink allocates nothing.
    /// </summary>
    public sealed class LorawanUplinkPublisher : IReadingSink, ILorawanListener
    {
        /// <summary>A reading frame goes confirmed when this many in a row went without any ACK.</summary>
        public const int ProbeEvery = 8;

        private const int ProbeInitialMilliseconds = 60000;
        private const int ProbeMaxMilliseconds = 1800000;

        // A frame the radio or the flash could not send waits this long before it is offered again.
        private const int NotSentRetryMilliseconds = 30000;

        private const int FromNothing = 0;
        private const int FromAnswer = 1;
        private const int FromPriority = 2;
        private const int FromRam = 3;
        private const int FromLog = 4;
        private const int FromHistory = 5;

        private readonly ClassADevice _device;
        private readonly ReadingLog _log;
        private readonly FaultLog _faults;
        private readonly OutboundReadings _outbound;
        private readonly ReadingFramePacker _packer = new ReadingFramePacker();
        private readonly RetryBackoff _probe = new RetryBackoff(ProbeInitialMilliseconds, ProbeMaxMilliseconds);
        private readonly DownlinkCommand _command = new DownlinkCommand();

        // The readings the packer may take, oldest first: 32 x ~48 bytes.
        private readonly Reading[] _window = new Reading[ReadingFramePacker.MaxReadings];

        // The application payload handed to the device (which copies it): the largest any data rate allows.
        private readonly byte[] _payload = new byte[FrameFormat.MaxFramePayload];

        // The answer to the last command, waiting for the next uplink: command, status, setting.
        private readonly byte[] _answer = new byte[DownlinkCommandCodec.AnswerLength];

        // Readings taken before this sequence number were taken before the restart, on another clock: age unknown.
        private readonly long _knownFromSequence;

        private bool _answerWaiting;

        // Commands received, and the count when the answer now in flight was handed over: a command that arrives in
        // the receive window of the previous answer must not be settled with it.
        private int _commandsReceived;
        private int _answerInFlight;
        private long _now;
        private long _holdUntil;
        private long _bandFreeAt;

        private int _source;
        private bool _inFlightConfirmed;
        private long _inFlightFirst;
        private long _inFlightLast;
        private int _inFlightReadings;

        private bool _linkLost;
        private int _framesSinceAck;
        private long _unverifiedFrom;
        private long _unverifiedThrough;
        private bool _repeating;

        /// <summary>
        /// The publisher over an opened <paramref name="log"/> feeding <paramref name="device"/> (it becomes the
        /// device's listener); readings the log holds from before a restart are sent first.
        /// </summary>
        public LorawanUplinkPublisher(ClassADevice device, ReadingLog log, FaultLog faults)
        {
            _device = device;
            _log = log;
            _faults = faults;
            _outbound = new OutboundReadings(log);
            _knownFromSequence = log.NextSequence;
            device.Listener = this;
        }

        /// <summary>The end device.</summary>
        public ClassADevice Device
        {
            get { return _device; }
        }

        /// <summary>The flash log behind the publisher.</summary>
        public ReadingLog Log
        {
            get { return _log; }
        }

        /// <summary>Carries out the downlink commands; while null they are answered "not applied".</summary>
        public CommandProcessor Commands { get; set; }

        /// <summary>Readings waiting to be delivered (on flash, or in RAM when the flash refused them).</summary>
        public int Pending
        {
            get { return _outbound.Pending; }
        }

        /// <summary>Undelivered readings lost since start (pushed out of a full log).</summary>
        public long Dropped
        {
            get { return _outbound.Dropped; }
        }

        /// <summary>Whether a confirmed uplink went unacknowledged and no probe has been acknowledged since.</summary>
        public bool LinkLost
        {
            get { return _linkLost; }
        }

        /// <summary>Whether a command's answer is still to be sent.</summary>
        public bool AnswerWaiting
        {
            get { return _answerWaiting; }
        }

        /// <summary>Readings released (delivered) since start.</summary>
        public int Delivered { get; private set; }

        /// <summary>Reading frames (FPort 1) transmitted since start, first transmissions only.</summary>
        public int ReadingFrames { get; private set; }

        /// <summary>Readings sent in those frames, repeats after a lost link and history included.</summary>
        public int ReadingsSent { get; private set; }

        /// <summary>Count runs (folded periodic counts) sent.</summary>
        public int CountRunsSent { get; private set; }

        /// <summary>Confirmed uplinks that were not acknowledged (each made the link count as lost).</summary>
        public int Unacknowledged { get; private set; }

        /// <summary>Stores the reading (which numbers it) before anything tries to send it.</summary>
        public void Accept(Reading reading)
        {
            _outbound.Accept(reading);
        }

        /// <summary>
        /// Hands the device its next payload when it has none, and steps it. Returns when to call again (device
        /// clock, ms; <see cref="ClassADevice.NothingScheduled"/> when idle until a reading arrives).
        /// </summary>
        public long Step(long now)
        {
            _now = now;
            _outbound.ReportDrops(now);
            Feed(now);
            long due = _device.Step(now);

            // The uplink may have finished within this step: the next one is handed over at once.
            if (Feed(now))
            {
                due = _device.Step(now);
            }

            if (_source == FromNothing && _device.IsJoined && HasWork())
            {
                long wake = _holdUntil > _bandFreeAt ? _holdUntil : _bandFreeAt;
                if (wake > now && wake < due)
                {
                    due = wake;
                }
            }

            return due;
        }

        // An alert or drop report still queued counts even when a full log has since pushed it out of the log.
        private bool HasWork()
        {
            return _answerWaiting || _outbound.Pending > 0 || _outbound.Priority.Count > 0 || _log.HistoryActive;
        }

        // Hands over the next payload if the device is joined, free, and nothing holds the publisher back.
        private bool Feed(long now)
        {
            if (_source != FromNothing || !_device.IsJoined || _device.HasPendingUplink || now < _holdUntil || !HasWork())
            {
                // Idle steps (most: one per sampling frame) end here, before the duty-cycle scan of every channel.
                return false;
            }

            // Nothing is taken from the log before the band is free: what piles up meanwhile goes in the same frame.
            _bandFreeAt = _device.EarliestUplink(now);
            if (_bandFreeAt > now)
            {
                return false;
            }

            // Room beside the MAC answers waiting, unless that leaves none for a record: then the answers give way.
            int max = _device.MaxApplicationPayload;
            if (max < ReadingPayloadEncoder.MaxRecordLength)
            {
                max = _device.PayloadLimit;
            }

            if (_answerWaiting)
            {
                _answerInFlight = _commandsReceived;
                // Answers are not readings: never held back by a lost link, and the network repeats a command.
                return Offer(FromAnswer, _answer, DownlinkCommandCodec.AnswerLength, PayloadPorts.CommandAnswers, false, 0, 0, 0);
            }

            Reading next;
            if (_outbound.Priority.Count > 0)
            {
                next = _outbound.Priority.Peek();
                return OfferSingle(FromPriority, next, ConfirmationPolicy.IsConfirmed(next.Kind), max);
            }

            if (_outbound.Unstored.Count > 0)
            {
                return OfferSingle(FromRam, _outbound.Unstored.Peek(), false, max);
            }

            if (_repeating)
            {
                if (_log.TryPeekHistory(out next))
                {
                    return OfferSingle(FromHistory, next, false, max);
                }

                _repeating = false;
            }

            int count = _log.PeekPending(_window, ReadingFramePacker.MaxReadings);
            if (count > 0)
            {
                int length = _packer.Pack(_window, count, now, _knownFromSequence, _payload, max);
                if (_packer.ReadingsSkipped > 0)
                {
                    _faults.Record(now, FaultSource.Uplink, FaultCode.Invalid, "reading the LoRaWAN payload cannot carry, skipped");
                }

                if (length == 0)
                {
                    // Only readings no frame can carry: released, so they never block the backlog.
                    ReleaseFromLog(_window[0].Sequence, _packer.ReadingsPacked);
                    return false;
                }

                CountRunsSent += _packer.RunsWritten;
                return Offer(FromLog, _payload, length, PayloadPorts.Readings, Probing(), _window[0].Sequence,
                             _window[_packer.ReadingsPacked - 1].Sequence, _packer.ReadingsPacked);
            }

            if (_log.TryPeekHistory(out next))
            {
                return OfferSingle(FromHistory, next, false, max);
            }

            return false;
        }

        // A reading frame goes confirmed while the link is lost (a probe) or after ProbeEvery frames without an ACK.
        private bool Probing()
        {
            return _linkLost || _framesSinceAck >= ProbeEvery - 1;
        }

        private bool OfferSingle(int source, Reading reading, bool confirmed, int max)
        {
            long age = reading.Sequence >= _knownFromSequence ? _now - reading.TimestampMilliseconds : -1;
            int length = ReadingPayloadEncoder.CanEncode(reading) ? ReadingPayloadEncoder.RecordLength(reading.Kind) : 0;
            if (length == 0 || length > max)
            {
                // Cannot be carried (a zone outside the format): settled as if sent, so it never blocks the queue.
                _faults.Record(_now, FaultSource.Uplink, FaultCode.Invalid, "reading the LoRaWAN payload cannot carry, skipped");
                _source = source;
                _inFlightFirst = reading.Sequence;
                _inFlightReadings = 1;
                Settle();
                _source = FromNothing;
                return false;
            }

            ReadingPayloadEncoder.Encode(reading, age, _payload, 0);
            return Offer(source, _payload, length, PayloadPorts.Readings, confirmed || Probing(), reading.Sequence, reading.Sequence, 1);
        }

        private bool Offer(int source, byte[] payload, int length, int port, bool confirmed, long first, long last, int readings)
        {
            if (!_device.RequestUplink(payload, 0, length, port, confirmed))
            {
                _source = FromNothing;
                return false;
            }

            _source = source;
            _inFlightConfirmed = confirmed;
            _inFlightFirst = first;
            _inFlightLast = last;
            _inFlightReadings = readings;
            if (port == PayloadPorts.Readings)
            {
                ReadingFrames++;
                ReadingsSent += readings;
            }

            return true;
        }

        /// <summary>Called by the device when the uplink it was given is finished.</summary>
        public void UplinkDone(uint frameCounter, bool sent, bool confirmed, bool acknowledged)
        {
            if (_source == FromNothing)
            {
                return;
            }

            if (!sent)
            {
                // Too large after MAC answers took room, or nothing could be sent: everything stays, offered later.
                _faults.Record(_now, FaultSource.Uplink, FaultCode.WriteFailed, "LoRaWAN uplink not sent");
                ReadingFrames--;
                ReadingsSent -= _inFlightReadings;
                _holdUntil = _now + NotSentRetryMilliseconds;
                _source = FromNothing;
                return;
            }

            if (confirmed && !acknowledged)
            {
                LoseLink();
                _source = FromNothing;
                return;
            }

            if (confirmed)
            {
                _linkLost = false;
                _probe.Succeeded();
                _framesSinceAck = 0;
                _unverifiedFrom = 0;
                _unverifiedThrough = 0;
            }
            else if (_source != FromAnswer)
            {
                _framesSinceAck++;
                if (_source == FromLog || _source == FromPriority)
                {
                    // Sent without a receipt: repeated from history if the next confirmed uplink finds the link dead.
                    // The oldest and newest sent, not the first and last: a drop report (priority, the newest
                    // sequence) goes ahead of older readings from the log.
                    if (_unverifiedFrom == 0 || _inFlightFirst < _unverifiedFrom)
                    {
                        _unverifiedFrom = _inFlightFirst;
                    }

                    if (_inFlightLast > _unverifiedThrough)
                    {
                        _unverifiedThrough = _inFlightLast;
                    }
                }
            }

            if (_source == FromPriority || _source == FromRam || _source == FromLog)
            {
                Delivered += _inFlightReadings;
            }

            Settle();
            _source = FromNothing;
        }

        // Releases what the uplink in flight carried.
        private void Settle()
        {
            switch (_source)
            {
                case FromAnswer:
                    _answerWaiting = _answerInFlight != _commandsReceived;
                    break;
                case FromPriority:
                    _outbound.Priority.RemoveOldest();
                    _log.Release(_inFlightFirst);
                    break;
                case FromRam:
                    _outbound.Unstored.RemoveOldest();
                    break;
                case FromLog:
                    ReleaseFromLog(_inFlightFirst, _inFlightReadings);
                    break;
                case FromHistory:
                    _log.AdvanceHistory();
                    break;
            }
        }

        // Releases the first readings of the log in order (the frame held exactly them, without gaps).
        private void ReleaseFromLog(long first, int count)
        {
            Reading oldest;
            for (int i = 0; i < count && _log.TryPeekOldest(out oldest); i++)
            {
                if (i == 0 && oldest.Sequence != first)
                {
                    // The log moved under the frame (a full log dropped its start): release only what is still there.
                    return;
                }

                _log.Release(oldest.Sequence);
            }
        }

        private void LoseLink()
        {
            Unacknowledged++;
            _faults.Record(_now, FaultSource.Uplink, FaultCode.NotAcknowledged, "LoRaWAN confirmed uplink not acknowledged");
            _holdUntil = _now + _probe.Failed(_now);
            if (!_linkLost && _unverifiedFrom != 0)
            {
                // What went unconfirmed since the last ACK may have gone into the void: sent again once the link is back.
                _log.BeginHistory(_unverifiedFrom, _unverifiedThrough);
                _repeating = true;
                _unverifiedFrom = 0;
                _unverifiedThrough = 0;
            }

            _linkLost = true;
        }

        /// <summary>Called by the device when it joined (or started an ABP session).</summary>
        public void Joined(uint deviceAddress)
        {
            _framesSinceAck = 0;
        }

        /// <summary>
        /// Called by the device with an application downlink: a command on FPort 2 is checked whole, carried out
        /// through the same <see cref="CommandProcessor"/> steps as over MQTT, and answered in the next uplink.
        /// </summary>
        public void DownlinkReceived(int port, byte[] payload, int length)
        {
            CommandRejection status = DownlinkCommandCodec.Decode(port, payload, 0, length, _command);
            if (status == CommandRejection.Accepted)
            {
                status = CarryOut(_command);
            }

            CommandProcessor processor = Commands;
            if (processor != null)
            {
                if (status == CommandRejection.Accepted)
                {
                    processor.CountAccepted();
                }
                else
                {
                    processor.CountRefused();
                }
            }

            DownlinkCommandCodec.EncodeAnswer(length > 0 ? payload[0] : 0, status, _command.OffendingSetting, _answer, 0);
            _answerWaiting = true;
            _commandsReceived++;
        }

        private CommandRejection CarryOut(DownlinkCommand command)
        {
            CommandProcessor processor = Commands;
            if (processor == null)
            {
                return CommandRejection.NotApplied;
            }

            switch (command.Code)
            {
                case CommandCode.Report:
                    processor.Report();
                    return CommandRejection.Accepted;
                case CommandCode.History:
                    long from;
                    processor.History(command.SinceSequence, out from);

                    // The walk now is the command's (it replaces a repeat after a lost link) and goes after the backlog.
                    _repeating = false;
                    return CommandRejection.Accepted;
                case CommandCode.Config:
                    // Strings for the configuration file: a command is rare, so these few allocations are no concern.
                    string[] keys = new string[command.SettingCount];
                    string[] values = new string[command.SettingCount];
                    for (int i = 0; i < keys.Length; i++)
                    {
                        keys[i] = RemoteSetting.ConfigurationKey(command.SettingIds[i]);
                        values[i] = command.SettingValues[i].ToString();
                    }

                    string problems = processor.Configure(keys, values);
                    if (problems != null)
                    {
                        _faults.Record(_now, FaultSource.Configuration, FaultCode.Invalid, problems);
                        return CommandRejection.NotApplied;
                    }

                    return CommandRejection.Accepted;
                default:
                    return CommandRejection.UnknownCommand;
            }
        }
    }
}
