using nanoFramework.TestFramework;
using OccupancySensor.Configuration;
using OccupancySensor.Processing;
using OccupancySensor.Readings;

namespace OccupancySensor.DeviceTests
{
    /// <summary>PIR and thermal fusion per zone, with the device's 64-bit millisecond arithmetic.</summary>
    [TestClass]
    public class ZonePresenceTests
    {
        private sealed class LastReading : IReadingSink
        {
            public int Count;
            public Reading Last;

            public void Accept(Reading reading)
            {
                Count++;
                Last = reading;
            }
        }

        private static ZonePresence OneZone(int holdSeconds)
        {
            return new ZonePresence(new ZoneConfiguration[] { new ZoneConfiguration("view", 0, 0, 8, 8) }, holdSeconds);
        }

        [TestMethod]
        public void Pir_makes_the_zone_occupied_at_once()
        {
            LastReading sink = new LastReading();
            ZonePresence presence = OneZone(60);
            presence.AcceptMotion(1000, sink);
            Assert.IsTrue(presence.IsOccupied(0));
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual(1, sink.Last.ValueA);
        }

        [TestMethod]
        public void Vacant_only_after_the_hold_time_without_evidence()
        {
            LastReading sink = new LastReading();
            ZonePresence presence = OneZone(60);
            presence.AcceptMotion(1000, sink);
            presence.Evaluate(60999, sink);
            Assert.IsTrue(presence.IsOccupied(0));
            presence.Evaluate(61000, sink);
            Assert.IsFalse(presence.IsOccupied(0));
            Assert.AreEqual(2, sink.Count);
            Assert.AreEqual(0, sink.Last.ValueA);
            Assert.AreEqual(61000L, sink.Last.TimestampMilliseconds);
        }

        [TestMethod]
        public void A_still_person_in_the_thermal_view_holds_the_zone()
        {
            LastReading sink = new LastReading();
            ZonePresence presence = OneZone(60);
            BlobFinder blobs = new BlobFinder(8, 8);
            bool[] foreground = new bool[64];
            foreground[27] = true;
            foreground[28] = true;
            blobs.Find(foreground);

            for (long t = 0; t <= 3600000; t += 1000)
            {
                presence.AcceptBlobs(blobs, t, sink);
                presence.Evaluate(t, sink);
            }

            Assert.IsTrue(presence.IsOccupied(0));
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual(1, presence.PeopleIn(0));
        }
    }
}
