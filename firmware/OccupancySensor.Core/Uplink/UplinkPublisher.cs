using System;
using System.Text;
using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// Stage: store-and-forward. Every reading is written to the flash log first (which numbers it), then published
    /// as JSON, one confirmed message in flight at a time, and released from the log only when the transport reports
    /// the broker's acknowledgement (QoS 1 PUBACK). What goes next, in order: a command response, an alert or a
    /// dropped-readings report (ahead of the backlog), a reading the flash could not take (kept in RAM, so a power
    /// cut would lose it), the oldest unsent reading of the log (so a backlog drains oldest first while new readings
    /// keep being stored behind it), then readings a "history" command asked for. A link that is down is reopened with exponential back-off
    /// and jitter, so a floor of units does not reconnect in step after the broker comes back. When the full log
    /// pushes undelivered readings out, a <see cref="ReadingKind.ReadingsDropped"/> reading says how many.
    /// </summary>
    public sealed class UplinkPublisher : IReadingSink
    {
        private const int ReconnectInitialMilliseconds = 1000;
        private const int ReconnectMaxMilliseconds = 300000;
        private const int NoMessage = -1;

        // A confirmed message not settled within this time is sent again. M2Mqtt can drop a message from its
        // in-flight list without raising MqttMsgPublished (its list is cleared on PINGRESP), so the publisher keeps
        // its own deadline rather than waiting for IsPublished = false. A resend carries the same sequence number.
        private const int DeliveryTimeoutMilliseconds = 30000;

        // Commands wait here between the transport's thread and the loop; a burst beyond 4 is answered "busy".
        private const int CommandCapacity = 4;

        // Largest command accepted, so a corrupt or hostile message never costs the heap more than this.
        private const int MaxCommandBytes = 1024;

        private const int FromPriority = 1;
        private const int FromLog = 2;
        private const int FromRam = 3;
        private const int FromHistory = 4;
        private const int FromResponse = 5;

        private readonly DeviceConfiguration _configuration;
        private readonly UplinkTopics _topics;
        private readonly IUplinkTransport _transport;
        private readonly IClock _clock;
        private readonly FaultLog _faults;
        private readonly ReadingLog _log;
        private readonly OutboundReadings _outbound;
        private readonly ReadingQueue _priority;
        private readonly ReadingQueue _unstored;
        private readonly RetryBackoff _reconnect = new RetryBackoff(ReconnectInitialMilliseconds, ReconnectMaxMilliseconds);
        private readonly object _gate = new object();
        private readonly byte[][] _commands = new byte[CommandCapacity][];
        private int _commandCount;
        private int _commandsRefused;
        private bool _refusalUnanswered;
        private string _response;
        private uint _jitterState;
        private long _nextConnectAt;
        private int _inFlightId = NoMessage;
        private int _inFlightSource;
        private long _inFlightSequence;
        private long _inFlightSince;

        // The last acknowledgement the transport reported. Kept even when it arrives before Send has returned the
        // id (a transport may acknowledge synchronously), and matched against the id in flight by Step.
        private int _ackId = NoMessage;
        private bool _ackDelivered;

        /// <summary>
        /// Creates the publisher over an opened <paramref name="log"/>; readings the log holds from before a restart
        /// are sent first.
        /// </summary>
        public UplinkPublisher(
            DeviceConfiguration configuration,
            IUplinkTransport transport,
            IClock clock,
            FaultLog faults,
            ReadingLog log)
        {
            _configuration = configuration;
            _topics = new UplinkTopics(configuration);
            _transport = transport;
            _clock = clock;
            _faults = faults;
            _log = log;
            _outbound = new OutboundReadings(log);
            _priority = _outbound.Priority;
            _unstored = _outbound.Unstored;
            _jitterState = Seed(configuration.DeviceId);
            _transport.Delivered += OnDelivered;
            _transport.MessageReceived += OnMessageReceived;
        }

        /// <summary>The topic scheme in use.</summary>
        public UplinkTopics Topics
        {
            get { return _topics; }
        }

        /// <summary>The link the publisher sends over.</summary>
        public IUplinkTransport Transport
        {
            get { return _transport; }
        }

        /// <summary>Whether a command's response is still to be delivered.</summary>
        public bool ResponsePending
        {
            get { return _response != null; }
        }

        /// <summary>The flash log behind the publisher.</summary>
        public ReadingLog Log
        {
            get { return _log; }
        }

        /// <summary>Answers the commands that arrive on the unit's command topic; none are answered while null.</summary>
        public CommandProcessor Commands { get; set; }

        /// <summary>Readings waiting to be delivered (on flash, or in RAM when the flash refused them).</summary>
        public int Pending
        {
            get { return _outbound.Pending; }
        }

        /// <summary>Readings delivered (acknowledged by the broker) since start.</summary>
        public int Delivered { get; private set; }

        /// <summary>Readings sent again on a history command and acknowledged.</summary>
        public int HistorySent { get; private set; }

        /// <summary>Undelivered readings lost since start: pushed out of a full log, or out of RAM when flash failed.</summary>
        public long Dropped
        {
            get { return _outbound.Dropped; }
        }

        /// <summary>Connection attempts that failed since start.</summary>
        public int FailedConnects { get; private set; }

        /// <summary>Commands refused because too many arrived at once, or too large.</summary>
        public int CommandsRefused
        {
            get { return _commandsRefused; }
        }

        /// <summary>Stores the reading (which numbers it) before anything tries to send it.</summary>
        public void Accept(Reading reading)
        {
            _outbound.Accept(reading);
        }

        /// <summary>
        /// Reconnects when due, settles the message in flight, answers a waiting command and sends the next message.
        /// Runs on the sampling loop's thread.
        /// </summary>
        public void Step()
        {
            long now = _clock.NowMilliseconds;
            _outbound.ReportDrops(now);
            if (!_transport.IsConnected)
            {
                lock (_gate)
                {
                    // A message in flight when the link dropped is sent again after reconnecting.
                    _inFlightId = NoMessage;
                }

                if (now < _nextConnectAt)
                {
                    return;
                }

                if (!_transport.Open())
                {
                    FailedConnects++;
                    _nextConnectAt = now + Jittered(_reconnect.Failed(now));
                    _faults.Record(now, FaultSource.Uplink, FaultCode.NotAcknowledged, "uplink connect failed");
                    return;
                }

                _reconnect.Succeeded();
            }

            if (!Settle(now))
            {
                return;
            }

            HandleCommand();
            SendNext(now);
        }

        // Settles the message in flight; false while it is still waiting for its acknowledgement.
        private bool Settle(long now)
        {
            bool delivered;
            lock (_gate)
            {
                if (_inFlightId != NoMessage && _ackId != _inFlightId)
                {
                    if (now - _inFlightSince < DeliveryTimeoutMilliseconds)
                    {
                        return false;
                    }

                    _faults.Record(now, FaultSource.Uplink, FaultCode.NotAcknowledged, "delivery timed out, resending");
                    _inFlightId = NoMessage;
                }

                delivered = _inFlightId != NoMessage && _ackDelivered;
                _inFlightId = NoMessage;
                _ackId = NoMessage;
            }

            if (!delivered)
            {
                return true;
            }

            switch (_inFlightSource)
            {
                case FromPriority:
                    _priority.RemoveOldest();
                    _log.Release(_inFlightSequence);
                    Delivered++;
                    break;
                case FromLog:
                    _log.Release(_inFlightSequence);
                    Delivered++;
                    break;
                case FromRam:
                    _unstored.RemoveOldest();
                    Delivered++;
                    break;
                case FromHistory:
                    _log.AdvanceHistory();
                    HistorySent++;
                    break;
                case FromResponse:
                    _response = null;
                    break;
            }

            return true;
        }

        private void SendNext(long now)
        {
            Reading next;
            int source;
            if (_response != null)
            {
                int responseId = _transport.Send(_topics.Responses, Encoding.UTF8.GetBytes(_response), true, false);
                Track(responseId, FromResponse, 0, now);
                return;
            }

            if (_priority.Count > 0)
            {
                next = _priority.Peek();
                source = FromPriority;
            }
            else if (_unstored.Count > 0)
            {
                // Held in RAM only, so a power cut would lose it: it goes before the backlog on flash.
                next = _unstored.Peek();
                source = FromRam;
            }
            else if (_log.TryPeekOldest(out next))
            {
                source = FromLog;
            }
            else if (_log.TryPeekHistory(out next))
            {
                source = FromHistory;
            }
            else
            {
                return;
            }

            string kind = ReadingJson.KindName(next.Kind);
            string json = ReadingJson.Format(_configuration, _topics, next, next.Sequence, source == FromHistory);
            int id = _transport.Send(_topics.ForReading(next.Zone, kind), Encoding.UTF8.GetBytes(json), true, false);
            Track(id, source, next.Sequence, now);
        }

        private void Track(int id, int source, long sequence, long now)
        {
            lock (_gate)
            {
                _inFlightId = id;
                _inFlightSource = source;
                _inFlightSequence = sequence;
                _inFlightSince = now;
            }
        }

        private void HandleCommand()
        {
            if (_response != null)
            {
                return;
            }

            byte[] command = null;
            bool refused = false;
            lock (_gate)
            {
                if (_refusalUnanswered)
                {
                    // Answered first, ahead of the commands still waiting.
                    _refusalUnanswered = false;
                    refused = true;
                }
                else if (_commandCount > 0)
                {
                    command = _commands[0];
                    for (int i = 1; i < _commandCount; i++)
                    {
                        _commands[i - 1] = _commands[i];
                    }

                    _commands[--_commandCount] = null;
                }
            }

            if (refused)
            {
                // The refused command cannot be named (it was not kept): the error says why, without an id.
                _response = CommandResponse.Error(string.Empty, "command refused: more than 4 waiting, or larger than 1024 bytes");
            }
            else if (command != null)
            {
                CommandProcessor processor = Commands;
                _response = processor == null
                    ? CommandResponse.Error(string.Empty, "commands are not available on this unit")
                    : processor.Handle(command);
            }
        }

        private void OnDelivered(int messageId, bool delivered)
        {
            lock (_gate)
            {
                _ackId = messageId;
                _ackDelivered = delivered;
            }
        }

        // Runs on the transport's thread: the command is only queued here, and handled by Step on the loop's thread.
        private void OnMessageReceived(string channel, byte[] payload)
        {
            if (channel != _topics.Commands)
            {
                return;
            }

            lock (_gate)
            {
                if (_commandCount == CommandCapacity || payload == null || payload.Length > MaxCommandBytes)
                {
                    _commandsRefused++;
                    _refusalUnanswered = true;
                    return;
                }

                _commands[_commandCount++] = payload;
            }
        }

        // Equal jitter: half the back-off, plus a random part of the other half, from a generator seeded by the device
        // id so each unit waits differently (and the same way on every run).
        private int Jittered(int delay)
        {
            _jitterState ^= _jitterState << 13;
            _jitterState ^= _jitterState >> 17;
            _jitterState ^= _jitterState << 5;
            int half = delay / 2;
            return half + (int)(_jitterState % (uint)(half + 1));
        }

        private static uint Seed(string deviceId)
        {
            // FNV-1a of the device id; never 0, which would stall the xorshift generator.
            uint hash = 2166136261;
            for (int i = 0; i < deviceId.Length; i++)
            {
                hash = (hash ^ deviceId[i]) * 16777619;
            }

            return hash == 0 ? 1 : hash;
        }
    }
}
