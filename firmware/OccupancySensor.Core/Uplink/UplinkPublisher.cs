using System.Text;
using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// Sends queued readings over the uplink as JSON, oldest first, one confirmed message in flight at a time.
    /// A reading leaves the queue only when the transport reports it delivered; a refused or failed send is
    /// retried. A link that is down is reopened with exponential back-off. Each reading gets the unit's next
    /// sequence number when it is queued, so a resend carries the same number and consumers can drop duplicates.
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

        private readonly DeviceConfiguration _configuration;
        private readonly UplinkTopics _topics;
        private readonly IUplinkTransport _transport;
        private readonly IClock _clock;
        private readonly FaultLog _faults;
        private readonly ReadingQueue _queue;
        private readonly RetryBackoff _reconnect = new RetryBackoff(ReconnectInitialMilliseconds, ReconnectMaxMilliseconds);
        private readonly object _gate = new object();
        private long _nextSequence = 1;
        private int _inFlightId = NoMessage;
        private long _inFlightSince;

        // The last acknowledgement the transport reported. Kept even when it arrives before Send has returned the
        // id (a transport may acknowledge synchronously), and matched against the id in flight by Step.
        private int _ackId = NoMessage;
        private bool _ackDelivered;

        /// <summary>Creates the publisher with a queue of <paramref name="queueCapacity"/> readings.</summary>
        public UplinkPublisher(
            DeviceConfiguration configuration,
            IUplinkTransport transport,
            IClock clock,
            FaultLog faults,
            int queueCapacity)
        {
            _configuration = configuration;
            _topics = new UplinkTopics(configuration);
            _transport = transport;
            _clock = clock;
            _faults = faults;
            _queue = new ReadingQueue(queueCapacity);
            _transport.Delivered += OnDelivered;
        }

        /// <summary>The topic scheme in use.</summary>
        public UplinkTopics Topics
        {
            get { return _topics; }
        }

        /// <summary>Readings waiting to be delivered.</summary>
        public int Pending
        {
            get { return _queue.Count; }
        }

        /// <summary>Readings delivered.</summary>
        public int Delivered { get; private set; }

        /// <summary>Readings dropped because the queue was full.</summary>
        public int Dropped
        {
            get { return _queue.Dropped; }
        }

        /// <summary>Queues a reading with the next sequence number.</summary>
        public void Accept(Reading reading)
        {
            reading.Sequence = _nextSequence++;
            _queue.Accept(reading);
        }

        /// <summary>Reconnects when due, settles the message in flight and sends the next one.</summary>
        public void Step()
        {
            long now = _clock.NowMilliseconds;
            if (!_transport.IsConnected)
            {
                lock (_gate)
                {
                    // A message in flight when the link dropped is sent again after reconnecting.
                    _inFlightId = NoMessage;
                }

                if (now < _reconnect.NextAttemptMilliseconds)
                {
                    return;
                }

                if (!_transport.Open())
                {
                    _reconnect.Failed(now);
                    _faults.Record(now, FaultSource.Uplink, FaultCode.NotAcknowledged, "uplink connect failed");
                    return;
                }

                _reconnect.Succeeded();
            }

            bool delivered;
            lock (_gate)
            {
                if (_inFlightId != NoMessage && _ackId != _inFlightId)
                {
                    if (now - _inFlightSince < DeliveryTimeoutMilliseconds)
                    {
                        return;
                    }

                    _faults.Record(now, FaultSource.Uplink, FaultCode.NotAcknowledged, "delivery timed out, resending");
                    _inFlightId = NoMessage;
                }

                delivered = _inFlightId != NoMessage && _ackDelivered;
                _inFlightId = NoMessage;
                _ackId = NoMessage;
            }

            if (delivered)
            {
                _queue.RemoveOldest();
                Delivered++;
            }

            if (_queue.Count == 0)
            {
                return;
            }

            Reading next = _queue.Peek();
            string kind = ReadingJson.KindName(next.Kind);
            byte[] payload = Encoding.UTF8.GetBytes(ReadingJson.Format(_configuration, _topics, next, next.Sequence));
            int id = _transport.Send(_topics.ForReading(next.Zone, kind), payload, true, false);
            lock (_gate)
            {
                _inFlightId = id;
                _inFlightSince = now;
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
    }
}
