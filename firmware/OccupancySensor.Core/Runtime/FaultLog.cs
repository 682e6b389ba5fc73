namespace OccupancySensor.Runtime
{
    /// <summary>
    /// The unit's record of what went wrong: the most recent faults in a fixed ring (older ones are overwritten,
    /// their number still counted) and a running total. Health readings carry the count since the last report;
    /// technicians read the ring. Thread-safe: the PIR interrupt and the loop may both record.
    /// </summary>
    public sealed class FaultLog
    {
        // 32 recent faults: enough to see a pattern (a sensor failing every retry) without holding much memory.
        private const int Capacity = 32;

        private readonly FaultRecord[] _recent = new FaultRecord[Capacity];
        private readonly object _gate = new object();
        private int _next;
        private int _total;
        private int _reportedTotal;

        /// <summary>Faults recorded since start.</summary>
        public int Total
        {
            get { return _total; }
        }

        /// <summary>Records a fault.</summary>
        public void Record(long timestampMilliseconds, FaultSource source, FaultCode code, string detail)
        {
            lock (_gate)
            {
                FaultRecord record = new FaultRecord();
                record.TimestampMilliseconds = timestampMilliseconds;
                record.Source = source;
                record.Code = code;
                record.Detail = detail;
                _recent[_next] = record;
                _next = (_next + 1) % Capacity;
                _total++;
            }
        }

        /// <summary>Faults recorded since the last call (for the health report), and marks them reported.</summary>
        public int TakeUnreported()
        {
            lock (_gate)
            {
                int count = _total - _reportedTotal;
                _reportedTotal = _total;
                return count;
            }
        }

        /// <summary>How many recent faults <see cref="GetRecent"/> can return.</summary>
        public int RecentCount
        {
            get { return _total < Capacity ? _total : Capacity; }
        }

        /// <summary>The <paramref name="age"/>-th most recent fault: 0 is the newest.</summary>
        public FaultRecord GetRecent(int age)
        {
            lock (_gate)
            {
                int index = (_next - 1 - age + (Capacity * 2)) % Capacity;
                return _recent[index];
            }
        }

        /// <summary>How many faults from <paramref name="source"/> are among the recent ones.</summary>
        public int CountRecent(FaultSource source)
        {
            int count = 0;
            for (int age = 0; age < RecentCount; age++)
            {
                if (GetRecent(age).Source == source)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
