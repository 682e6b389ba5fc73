using nanoFramework.TestFramework;
using OccupancySensor.Sensors.Amg8833;

namespace OccupancySensor.DeviceTests
{
    /// <summary>The AMG8833 register decoding, where the device's integer and float behaviour matter.</summary>
    [TestClass]
    public class Amg8833DecoderTests
    {
        [TestMethod]
        public void Pixels_are_twos_complement_quarter_degrees()
        {
            Assert.AreEqual(25f, Amg8833Decoder.DecodePixel(0x64, 0x00));
            Assert.AreEqual(-0.25f, Amg8833Decoder.DecodePixel(0xFF, 0x0F));
            Assert.AreEqual(-10f, Amg8833Decoder.DecodePixel(0xD8, 0x0F));
        }

        [TestMethod]
        public void Thermistor_is_sign_magnitude_sixteenths()
        {
            Assert.AreEqual(25f, Amg8833Decoder.DecodeThermistor(0x90, 0x01));
            Assert.AreEqual(-25f, Amg8833Decoder.DecodeThermistor(0x90, 0x09));
        }

        [TestMethod]
        public void Decodes_a_whole_frame_in_place()
        {
            byte[] raw = new byte[128];
            raw[126] = 0xFF;
            raw[127] = 0x0F;
            raw[0] = 0x64;
            float[] pixels = new float[64];
            Amg8833Decoder.DecodePixels(raw, 0, pixels, 64);
            Assert.AreEqual(25f, pixels[0]);
            Assert.AreEqual(0f, pixels[1]);
            Assert.AreEqual(-0.25f, pixels[63]);
        }
    }
}
