using OccupancySensor.Hardware;

namespace OccupancySensor.Sensors.Pir
{
    /// <summary>
    /// Captures PIR edges from a digital input in interrupt context and hands them to the sampling loop.
    /// Edges are stamped with the unit's clock as they happen and kept in a fixed ring, so a burst of edges while
    /// the loop is busy is neither lost nor allocated for; if the ring ever overflows the oldest edge is dropped
    /// and counted.
    /// </summary>
    public sealed class PirMotionInput
    {
        // 32 edges: an HC-SR501 retriggers at most every ~2.5 s, so this covers over a minute of a stalled loop.
        private const int Capacity = 32;

        private readonly IClock _clock;
        private readonly long[] _times = new long[Capacity];
        private readonly bool[] _levels = new bool[Capacity];
        private readonly object _gate = new object();
        private int _head;
        private int _count;
        private int _dropped;

        /// <summary>Starts listening to <paramref name="input"/>.</summary>
        public PirMotionInput(IDigitalInput input, IClock clock)
        {
            _clock = clock;
            input.EdgeDetected += OnEdge;
        }

        /// <summary>Edges dropped because the ring was full.</summary>
        public int DroppedEdges
        {
            get { return _dropped; }
        }

        /// <summary>Called by the pin on every edge; stamps and stores it.</summary>
        private void OnEdge(bool isHigh)
        {
            long now = _clock.NowMilliseconds;
            lock (_gate)
            {
                if (_count == Capacity)
                {
                    _head = (_head + 1) % Capacity;
                    _count--;
                    _dropped++;
                }

                int tail = (_head + _count) % Capacity;
                _times[tail] = now;
                _levels[tail] = isHigh;
                _count++;
            }
        }

        /// <summary>Takes the oldest pending edge; false when there is none.</summary>
        public bool TryTake(out long timestampMilliseconds, out bool isHigh)
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    timestampMilliseconds = 0;
                    isHigh = false;
                    return false;
                }

                timestampMilliseconds = _times[_head];
                isHigh = _levels[_head];
                _head = (_head + 1) % Capacity;
                _count--;
                return true;
            }
        }
    }
}
