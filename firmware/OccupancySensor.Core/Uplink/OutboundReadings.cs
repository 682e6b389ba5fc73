using OccupancySensor.Readings;
using OccupancySensor.Storage;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// The store-first half of store-and-forward, shared by the MQTT and the LoRaWAN publishers: every reading is
    /// appended to the flash log (which numbers it) before anything tries to send it; alerts and dropped-readings
    /// reports are also queued to go ahead of the backlog; a reading the flash refused is kept in RAM under the number
    /// the log gave it. A full log that pushed undelivered readings out is reported with a reading of its own.
    /// Both queues are fixed rings allocated here; accepting a reading allocates nothing.
    /// </summary>
    public sealed class OutboundReadings : IReadingSink
    {
        // Alerts and drop reports wait here (copies; the log has them too) to go before the backlog. 8 x ~48 bytes.
        // More than 8 at once simply go in log order.
        private const int PriorityCapacity = 8;

        // Readings the flash refused (it failed even after making room), held in RAM: 32 x ~48 bytes = 1.5 KB.
        // Lost only if the power goes too; when full, the oldest is dropped and counted.
        private const int UnstoredCapacity = 32;

        private readonly ReadingLog _log;
        private readonly ReadingQueue _priority = new ReadingQueue(PriorityCapacity);
        private readonly ReadingQueue _unstored = new ReadingQueue(UnstoredCapacity);
        private long _droppedReported;

        /// <summary>Over an opened <paramref name="log"/>: drops it counted before now are taken as reported.</summary>
        public OutboundReadings(ReadingLog log)
        {
            _log = log;
            _droppedReported = log.Dropped;
        }

        /// <summary>The flash log.</summary>
        public ReadingLog Log
        {
            get { return _log; }
        }

        /// <summary>Alerts and drop reports to send before the backlog (oldest first).</summary>
        public ReadingQueue Priority
        {
            get { return _priority; }
        }

        /// <summary>Readings the flash refused, held in RAM: they go before the backlog, as a power cut would lose them.</summary>
        public ReadingQueue Unstored
        {
            get { return _unstored; }
        }

        /// <summary>Readings waiting to be delivered (on flash, or in RAM when the flash refused them).</summary>
        public int Pending
        {
            get { return _log.Pending + _unstored.Count; }
        }

        /// <summary>Undelivered readings lost since start: pushed out of a full log, or out of RAM when flash failed.</summary>
        public long Dropped
        {
            get { return _log.Dropped + _unstored.Dropped; }
        }

        /// <summary>Stores the reading (which numbers it) before anything tries to send it.</summary>
        public void Accept(Reading reading)
        {
            if (_log.Append(ref reading) == 0)
            {
                // The flash refused it: it is still sent, from RAM, under the number the log gave it.
                _unstored.Accept(reading);
                return;
            }

            if (reading.Kind == ReadingKind.Alert || reading.Kind == ReadingKind.ReadingsDropped)
            {
                if (_priority.Count < PriorityCapacity)
                {
                    _priority.Accept(reading);
                }
            }
        }

        /// <summary>A full log pushed readings out since the last call: say so with a reading of its own.</summary>
        public void ReportDrops(long now)
        {
            long dropped = Dropped;
            if (dropped == _droppedReported)
            {
                return;
            }

            long since = dropped - _droppedReported;
            _droppedReported = dropped;
            Accept(Reading.ReadingsDropped(now, Clamp(since), Clamp(dropped)));
        }

        private static int Clamp(long value)
        {
            return value > int.MaxValue ? int.MaxValue : (int)value;
        }
    }
}
