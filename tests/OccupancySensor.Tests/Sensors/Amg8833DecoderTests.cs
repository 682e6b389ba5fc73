using OccupancySensor.Sensors.Amg8833;

namespace OccupancySensor.Tests.Sensors;

public class Amg8833DecoderTests
{
    [Theory]
    [InlineData(0x00, 0x00, 0f)]
    [InlineData(0x01, 0x00, 0.25f)]
    [InlineData(0x64, 0x00, 25f)] // 100 LSB = 25 °C
    [InlineData(0xF4, 0x01, 125f)] // 500 LSB
    [InlineData(0xFF, 0x0F, -0.25f)] // 12-bit two's complement: 0xFFF is -1 LSB
    [InlineData(0x00, 0x08, -512f)] // most negative
    [InlineData(0xD8, 0x0F, -10f)] // -40 LSB
    public void Pixels_are_twelve_bit_twos_complement_in_quarter_degrees(byte low, byte high, float expected)
    {
        Assert.Equal(expected, Amg8833Decoder.DecodePixel(low, high));
    }

    [Fact]
    public void Pixel_ignores_the_unused_top_nibble()
    {
        Assert.Equal(Amg8833Decoder.DecodePixel(0x64, 0x00), Amg8833Decoder.DecodePixel(0x64, 0xF0));
    }

    [Theory]
    [InlineData(0x90, 0x01, 25f)] // 400 LSB x 0.0625
    [InlineData(0x90, 0x09, -25f)] // sign bit 11 set, same magnitude: sign-magnitude, not two's complement
    [InlineData(0x01, 0x00, 0.0625f)]
    [InlineData(0x00, 0x08, 0f)] // negative zero
    public void Thermistor_is_twelve_bit_sign_magnitude_in_sixteenths(byte low, byte high, float expected)
    {
        Assert.Equal(expected, Amg8833Decoder.DecodeThermistor(low, high));
    }

    [Fact]
    public void Decodes_a_frame_in_row_major_order_little_endian()
    {
        var raw = new byte[130];
        for (var i = 0; i < 64; i++)
        {
            var value = (i * 4) - 100; // mixed signs
            raw[2 + (i * 2)] = (byte)(value & 0xFF);
            raw[3 + (i * 2)] = (byte)((value >> 8) & 0x0F);
        }

        var pixels = new float[64];
        Amg8833Decoder.DecodePixels(raw, 2, pixels, 64);
        for (var i = 0; i < 64; i++)
        {
            Assert.Equal(((i * 4) - 100) * 0.25f, pixels[i]);
        }
    }
}
