using System;
using OccupancySensor.Sensors;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: a fixed number of thermal frames, allocated once, between the sensor reader and the engine. The
    /// reader fills the next free slot in place and commits it; the engine takes the oldest. When the engine falls
    /// behind, the oldest frame is overwritten and counted (a late frame is worth less than a fresh one, and the
    /// reader must never block on I2C timing). Nothing here allocates after construction.
    /// </summary>
    public sealed class FrameRing
    {
        private readonly ThermalFrame[] _slots;
        private readonly int _capacity;
        private int _oldest;
        private int _count;

        /// <summary>Creates a ring of <paramref name="capacity"/> frames of <paramref name="width"/> x <paramref name="height"/>.</summary>
        public FrameRing(int capacity, int width, int height)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "a frame ring holds at least one frame");
            }

            // One slot more than the capacity: the reader always writes into a slot no committed frame uses, so a
            // frame being read in never tears one still waiting to be processed.
            _capacity = capacity;
            _slots = new ThermalFrame[capacity + 1];
            for (int i = 0; i <= capacity; i++)
            {
                _slots[i] = new ThermalFrame(width, height);
            }
        }

        /// <summary>Frames the ring holds at most.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Frames waiting to be taken.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Frames overwritten before they were taken, since start.</summary>
        public int Overwritten { get; private set; }

        /// <summary>Bytes the ring preallocated (pixels only; object headers vary by runtime).</summary>
        public int AllocatedBytes
        {
            get { return _slots.Length * ((_slots[0].Pixels.Length * 4) + 16); }
        }

        /// <summary>
        /// The slot the next frame is written into. It becomes visible to <see cref="TryTakeOldest"/> only on
        /// <see cref="Commit"/>, so a failed read leaves the ring as it was.
        /// </summary>
        public ThermalFrame NextSlot
        {
            get { return _slots[(_oldest + _count) % _slots.Length]; }
        }

        /// <summary>Makes the frame written into <see cref="NextSlot"/> available.</summary>
        public void Commit()
        {
            if (_count == _capacity)
            {
                _oldest = (_oldest + 1) % _slots.Length;
                Overwritten++;
                return;
            }

            _count++;
        }

        /// <summary>The oldest committed frame, or null when there is none; it stays in the ring until <see cref="Release"/>.</summary>
        public ThermalFrame PeekOldest()
        {
            return _count == 0 ? null : _slots[_oldest];
        }

        /// <summary>Copies the oldest frame into <paramref name="target"/> and frees its slot; false when empty.</summary>
        public bool TryTakeOldest(ThermalFrame target)
        {
            if (_count == 0)
            {
                return false;
            }

            target.CopyFrom(_slots[_oldest]);
            Release();
            return true;
        }

        /// <summary>Frees the oldest frame's slot.</summary>
        public void Release()
        {
            if (_count == 0)
            {
                return;
            }

            _oldest = (_oldest + 1) % _slots.Length;
            _count--;
        }

        /// <summary>The frame <paramref name="age"/> commits back (0 = newest), for look-back stages; null if not held.</summary>
        public ThermalFrame Recent(int age)
        {
            if (age < 0 || age >= _count)
            {
                return null;
            }

            return _slots[(_oldest + _count - 1 - age) % _slots.Length];
        }
    }
}
