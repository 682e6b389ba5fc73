using nanoFramework.TestFramework;
using OccupancySensor.Configuration;

namespace OccupancySensor.DeviceTests
{
    /// <summary>Culture-free number parsing, on the device's own runtime.</summary>
    [TestClass]
    public class TextValuesTests
    {
        [TestMethod]
        public void Parses_decimal_and_hexadecimal_integers()
        {
            int value;
            Assert.IsTrue(TextValues.TryParseInt("-42", out value));
            Assert.AreEqual(-42, value);
            Assert.IsTrue(TextValues.TryParseInt("0x69", out value));
            Assert.AreEqual(0x69, value);
            Assert.IsFalse(TextValues.TryParseInt("4x2", out value));
            Assert.IsFalse(TextValues.TryParseInt("99999999999", out value));
        }

        [TestMethod]
        public void Parses_decimal_numbers_with_a_point_only()
        {
            float value;
            Assert.IsTrue(TextValues.TryParseFloat("1.25", out value));
            Assert.AreEqual(1.25f, value);
            Assert.IsTrue(TextValues.TryParseFloat("-0.5", out value));
            Assert.AreEqual(-0.5f, value);
            Assert.IsFalse(TextValues.TryParseFloat("1,5", out value));
            Assert.IsFalse(TextValues.TryParseFloat("NaN", out value));
            Assert.IsFalse(TextValues.TryParseFloat("1.2.3", out value));
        }
    }
}
