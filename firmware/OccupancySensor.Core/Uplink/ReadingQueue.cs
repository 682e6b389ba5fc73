using OccupancySensor.Readings;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// Readings waiting for the uplink, in a fixed ring allocated at start. When it is full the oldest reading is
    /// dropped and counted (the count goes upstream in health reports), never silently. Not thread-safe: the loop
    /// owns it.
    /// </summary>
    public sealed class ReadingQueue : IReadingSink
    {
        private readonly Reading[] _items;
        private int _head;
        private int _count;

        /// <summary>Creates a queue of <paramref name="capacity"/> readings (about 48 bytes each).</summary>
        public ReadingQueue(int capacity)
        {
            _items = new Reading[capacity];
        }

        /// <summary>Readings waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Readings dropped because the queue was full.</summary>
        public int Dropped { get; private set; }

        /// <summary>Adds a reading, dropping the oldest when full.</summary>
        public void Accept(Reading reading)
        {
            if (_count == _items.Length)
            {
                _head = (_head + 1) % _items.Length;
                _count--;
                Dropped++;
            }

            _items[(_head + _count) % _items.Length] = reading;
            _count++;
        }

        /// <summary>The oldest reading; only valid when <see cref="Count"/> is above 0.</summary>
        public Reading Peek()
        {
            return _items[_head];
        }

        /// <summary>Removes the oldest reading.</summary>
        public void RemoveOldest()
        {
            if (_count > 0)
            {
                _head = (_head + 1) % _items.Length;
                _count--;
            }
        }
    }
}
