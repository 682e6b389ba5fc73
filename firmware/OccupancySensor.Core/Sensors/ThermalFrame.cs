using System;

namespace OccupancySensor.Sensors
{
    /// <summary>
    /// One thermal image in °C, row-major (pixel index = row * Width + column). Allocated once at start-up for the
    /// sensor's resolution and refilled in place for every frame, so reading a frame allocates nothing.
    /// </summary>
    public sealed class ThermalFrame
    {
        /// <summary>The largest array the engine accepts (32x32 = 1024 pixels).</summary>
        public const int MaxPixels = 1024;

        /// <summary>Creates a frame of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
        public ThermalFrame(int width, int height)
        {
            if (width < 1 || height < 1 || width * height > MaxPixels)
            {
                throw new ArgumentOutOfRangeException("width", "a thermal frame is 1x1 to 32x32 pixels");
            }

            Width = width;
            Height = height;
            Pixels = new float[width * height];
        }

        /// <summary>Columns.</summary>
        public int Width { get; private set; }

        /// <summary>Rows.</summary>
        public int Height { get; private set; }

        /// <summary>Pixel temperatures in °C, row-major.</summary>
        public float[] Pixels { get; private set; }

        /// <summary>When the frame was read, on the unit's clock.</summary>
        public long TimestampMilliseconds { get; set; }

        /// <summary>The sensor's own temperature in °C (AMG8833 thermistor), NaN when unknown.</summary>
        public float SensorTemperatureCelsius { get; set; }

        /// <summary>Copies pixels, timestamp and sensor temperature from a frame of the same size.</summary>
        public void CopyFrom(ThermalFrame source)
        {
            if (source.Width != Width || source.Height != Height)
            {
                throw new ArgumentException("frames differ in size", "source");
            }

            Array.Copy(source.Pixels, Pixels, Pixels.Length);
            TimestampMilliseconds = source.TimestampMilliseconds;
            SensorTemperatureCelsius = source.SensorTemperatureCelsius;
        }
    }
}
