using nanoFramework.TestFramework;
using OccupancySensor.Processing;
using OccupancySensor.Sensors;

namespace OccupancySensor.DeviceTests
{
    /// <summary>The frame ring between the sensor reader and the engine.</summary>
    [TestClass]
    public class FrameRingTests
    {
        private static void Write(FrameRing ring, long t)
        {
            ThermalFrame slot = ring.NextSlot;
            slot.TimestampMilliseconds = t;
            slot.Pixels[0] = t;
            ring.Commit();
        }

        [TestMethod]
        public void Frames_come_out_oldest_first()
        {
            FrameRing ring = new FrameRing(3, 8, 8);
            ThermalFrame target = new ThermalFrame(8, 8);
            Write(ring, 1);
            Write(ring, 2);
            Assert.AreEqual(2, ring.Count);
            Assert.IsTrue(ring.TryTakeOldest(target));
            Assert.AreEqual(1L, target.TimestampMilliseconds);
            Assert.AreEqual(1f, target.Pixels[0]);
            Assert.IsTrue(ring.TryTakeOldest(target));
            Assert.AreEqual(2L, target.TimestampMilliseconds);
            Assert.IsFalse(ring.TryTakeOldest(target));
            Assert.IsNull(ring.PeekOldest());
        }

        [TestMethod]
        public void A_full_ring_overwrites_the_oldest_and_counts_it()
        {
            FrameRing ring = new FrameRing(3, 8, 8);
            for (long t = 1; t <= 5; t++)
            {
                Write(ring, t);
            }

            Assert.AreEqual(3, ring.Count);
            Assert.AreEqual(2, ring.Overwritten);
            Assert.AreEqual(3L, ring.PeekOldest().TimestampMilliseconds);
            Assert.AreEqual(5L, ring.Recent(0).TimestampMilliseconds);
            Assert.AreEqual(4L, ring.Recent(1).TimestampMilliseconds);
            Assert.IsNull(ring.Recent(3));
        }

        [TestMethod]
        public void The_slot_being_written_is_never_a_waiting_frame()
        {
            FrameRing ring = new FrameRing(2, 4, 4);
            for (long t = 1; t <= 10; t++)
            {
                ThermalFrame slot = ring.NextSlot;
                for (int age = 0; age < ring.Count; age++)
                {
                    Assert.IsFalse(object.ReferenceEquals(slot, ring.Recent(age)));
                }

                Write(ring, t);
            }
        }

        [TestMethod]
        public void An_uncommitted_slot_is_not_seen()
        {
            FrameRing ring = new FrameRing(2, 8, 8);
            ring.NextSlot.TimestampMilliseconds = 7;
            Assert.AreEqual(0, ring.Count);
            Assert.IsNull(ring.PeekOldest());
        }
    }
}
