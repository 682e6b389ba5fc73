using nanoFramework.TestFramework;
using OccupancySensor.Configuration;

namespace OccupancySensor.DeviceTests
{
    /// <summary>The configuration format as the device reads it from I:\sensor.conf.</summary>
    [TestClass]
    public class ConfigurationParserTests
    {
        private const string Valid =
            "device.id = hq-f3-desk-07\n" +
            "location.building = hq\n" +
            "location.floor = 3\n" +
            "sensors.thermal.fps = 1\n" +
            "thresholds.presence_delta_c = 1.5\n" +
            "zone.desk.rect = 0,0,4,8\n";

        [TestMethod]
        public void Reads_a_valid_file()
        {
            ConfigurationResult result = ConfigurationParser.Parse(Valid);
            Assert.IsTrue(result.IsValid, result.Describe());
            Assert.AreEqual("hq-f3-desk-07", result.Configuration.DeviceId);
            Assert.AreEqual(1, result.Configuration.ThermalFramesPerSecond);
            Assert.AreEqual(1.5f, result.Configuration.PresenceDeltaCelsius);
            Assert.AreEqual(1, result.Configuration.Zones.Length);
            Assert.AreEqual(4, result.Configuration.Zones[0].Width);
        }

        [TestMethod]
        public void Rejects_a_bad_value_naming_line_and_key()
        {
            ConfigurationResult result = ConfigurationParser.Parse(Valid + "thresholds.vacant_hold_s = soon\n");
            Assert.IsFalse(result.IsValid);
            Assert.IsNull(result.Configuration);
            Assert.AreEqual(1, result.Issues.Length);
            Assert.AreEqual(7, result.Issues[0].Line);
            Assert.AreEqual("thresholds.vacant_hold_s", result.Issues[0].Key);
        }

        [TestMethod]
        public void Rejects_a_missing_required_key()
        {
            ConfigurationResult result = ConfigurationParser.Parse("location.building = hq\nlocation.floor = 3\n");
            Assert.IsFalse(result.IsValid);
            Assert.AreEqual("device.id", result.Issues[0].Key);
        }
    }
}
