namespace OccupancySensor.Sensors.Amg8833
{
    /// <summary>
    /// Turns AMG8833 register bytes into °C. Pure functions on caller-owned buffers: no allocation.
    /// </summary>
    public static class Amg8833Decoder
    {
        /// <summary>°C per pixel LSB.</summary>
        public const float PixelResolution = 0.25f;

        /// <summary>°C per thermistor LSB.</summary>
        public const float ThermistorResolution = 0.0625f;

        /// <summary>
        /// Decodes one pixel from its low and high register bytes. Pixels are 12-bit two's complement
        /// (bit 11 is the sign), so 0xFFF is -0.25 °C, not +1023.75 °C: a well-known driver gets this wrong.
        /// </summary>
        public static float DecodePixel(byte low, byte high)
        {
            int raw = ((high & 0x0F) << 8) | low;
            if ((raw & 0x800) != 0)
            {
                raw -= 0x1000;
            }

            return raw * PixelResolution;
        }

        /// <summary>
        /// Decodes the thermistor from its low and high bytes. Unlike the pixels it is 12-bit sign-magnitude:
        /// bit 11 is the sign and bits 0-10 the magnitude.
        /// </summary>
        public static float DecodeThermistor(byte low, byte high)
        {
            int magnitude = ((high & 0x07) << 8) | low;
            float celsius = magnitude * ThermistorResolution;
            return (high & 0x08) != 0 ? -celsius : celsius;
        }

        /// <summary>
        /// Decodes <paramref name="pixelCount"/> pixels from <paramref name="raw"/> (two bytes a pixel, low byte
        /// first, starting at <paramref name="offset"/>) into <paramref name="celsius"/>.
        /// </summary>
        public static void DecodePixels(byte[] raw, int offset, float[] celsius, int pixelCount)
        {
            for (int i = 0; i < pixelCount; i++)
            {
                int at = offset + (i * 2);
                celsius[i] = DecodePixel(raw[at], raw[at + 1]);
            }
        }
    }
}
