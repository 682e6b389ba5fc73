using nanoFramework.TestFramework;
using OccupancySensor.Configuration;
using OccupancySensor.Processing;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;

namespace OccupancySensor.DeviceTests
{
    /// <summary>PIR and thermal fusion per zone, with the device's 64-bit millisecond arithmetic and float maths.</summary>
    [TestClass]
    public class ZonePresenceTests
    {
        private sealed class LastReading : IReadingSink
        {
            public int Count;
            public int PresenceChanges;
            public Reading Last;

            public void Accept(Reading reading)
            {
                Count++;
                if (reading.Kind == ReadingKind.PresenceChanged)
                {
                    PresenceChanges++;
                }

                Last = reading;
            }
        }

        private static ZoneConfiguration[] WholeView()
        {
            return new ZoneConfiguration[] { new ZoneConfiguration("view", 0, 0, 8, 8) };
        }

        [TestMethod]
        public void Pir_makes_the_zone_occupied_at_once()
        {
            LastReading sink = new LastReading();
            ZonePresence presence = new ZonePresence(WholeView());
            presence.AcceptMotion(1000, sink);
            Assert.IsTrue(presence.IsOccupied(0));
            Assert.IsTrue(presence.ViewOccupied);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual(1, sink.Last.ValueA);
        }

        [TestMethod]
        public void Vacant_only_after_the_hold_time_without_evidence()
        {
            LastReading sink = new LastReading();
            ZonePresence presence = new ZonePresence(WholeView());
            presence.AcceptMotion(1000, sink);
            presence.Evaluate(60999, 60000, sink);
            Assert.IsTrue(presence.IsOccupied(0));
            presence.Evaluate(61000, 60000, sink);
            Assert.IsFalse(presence.IsOccupied(0));
            Assert.IsFalse(presence.ViewOccupied);
            Assert.AreEqual(2, sink.Count);
            Assert.AreEqual(0, sink.Last.ValueA);
            Assert.AreEqual(61000L, sink.Last.TimestampMilliseconds);
        }

        [TestMethod]
        public void A_still_person_in_the_thermal_view_holds_the_zone_for_an_hour_without_pir()
        {
            LastReading sink = new LastReading();
            EngineSettings settings = new EngineSettings();
            settings.TrySet(EngineSettings.VacantHoldId, 60);
            DetectionEngine engine = new DetectionEngine(8, 8, WholeView(), DoorLine.None, settings);
            ThermalFrame frame = new ThermalFrame(8, 8);
            uint noise = 12345;
            long t = 0;
            for (int i = 0; i < 20; i++, t += 1000)
            {
                noise = Render(frame, t, noise, false);
                engine.Calibrate(frame);
            }

            // One frame a second for an hour: a person 3 °C over four pixels, who never moves.
            long appeared = t;
            for (; t <= appeared + 3600000; t += 1000)
            {
                noise = Render(frame, t, noise, true);
                engine.AcceptFrame(frame, sink);
                engine.Evaluate(t, sink);
                if (t >= appeared + 2000)
                {
                    Assert.IsTrue(engine.Presence.IsOccupied(0));
                }
            }

            Assert.AreEqual(1, engine.Presence.PeopleIn(0));
            Assert.AreEqual(1, sink.PresenceChanges);
        }

        private static uint Render(ThermalFrame frame, long t, uint noise, bool person)
        {
            frame.TimestampMilliseconds = t;
            for (int i = 0; i < 64; i++)
            {
                // A linear congruential generator: deterministic noise of about +-0.25 °C without System.Random.
                noise = (noise * 1664525) + 1013904223;
                float value = 21f + (((noise >> 8) & 0xFFFF) / 65535f * 0.5f) - 0.25f;
                bool body = i == 27 || i == 28 || i == 35 || i == 36;
                frame.Pixels[i] = person && body ? value + 3f : value;
            }

            return noise;
        }
    }
}
