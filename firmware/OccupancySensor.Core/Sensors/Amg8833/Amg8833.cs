using OccupancySensor.Hardware;

namespace OccupancySensor.Sensors.Amg8833
{
    /// <summary>
    /// Driver for the Panasonic Grid-EYE AMG8833 8x8 thermal array over an already created I2C register bus.
    /// It never configures pins. Buffers are allocated once here; reading a frame allocates nothing.
    /// </summary>
    public sealed class Amg8833
    {
        /// <summary>Lowest temperature a pixel can plausibly report; below it a read is treated as corrupt.</summary>
        public const float MinimumPlausibleCelsius = -20f;

        /// <summary>Highest temperature a pixel can plausibly report; above it a read is treated as corrupt.</summary>
        public const float MaximumPlausibleCelsius = 100f;

        private readonly II2cRegisterBus _bus;
        private readonly bool _tenFramesPerSecond;

        // 128 bytes of pixel registers plus 2 of thermistor, sized once for the only frame size the chip has.
        private readonly byte[] _pixelBytes = new byte[Amg8833Registers.PixelBytes];
        private readonly byte[] _thermistorBytes = new byte[2];

        /// <summary>Creates the driver; call <see cref="Initialize"/> before reading.</summary>
        /// <param name="bus">The chip's register bus (address 0x68 or 0x69).</param>
        /// <param name="tenFramesPerSecond">10 frames a second when true, otherwise 1.</param>
        public Amg8833(II2cRegisterBus bus, bool tenFramesPerSecond)
        {
            _bus = bus;
            _tenFramesPerSecond = tenFramesPerSecond;
        }

        /// <summary>Columns of the array.</summary>
        public const int Width = 8;

        /// <summary>Rows of the array.</summary>
        public const int Height = 8;

        /// <summary>Milliseconds between frames at the configured rate.</summary>
        public int FramePeriodMilliseconds
        {
            get { return _tenFramesPerSecond ? 100 : 1000; }
        }

        /// <summary>
        /// Wakes the chip, reloads its calibration and sets the frame rate. Also the recovery step after a fault:
        /// a chip that lost power comes back in its power-on defaults.
        /// </summary>
        public BusStatus Initialize()
        {
            BusStatus status = _bus.WriteRegister(Amg8833Registers.PowerControl, Amg8833Registers.NormalMode);
            if (status != BusStatus.Ok)
            {
                return status;
            }

            status = _bus.WriteRegister(Amg8833Registers.Reset, Amg8833Registers.InitialReset);
            if (status != BusStatus.Ok)
            {
                return status;
            }

            return _bus.WriteRegister(
                Amg8833Registers.FrameRate,
                _tenFramesPerSecond ? Amg8833Registers.TenFramesPerSecond : Amg8833Registers.OneFramePerSecond);
        }

        /// <summary>
        /// Reads the 64 pixels and the thermistor into <paramref name="frame"/> (an 8x8 frame).
        /// Returns <see cref="BusStatus.PartialTransfer"/> when a pixel is outside the plausible range, the sign of
        /// a corrupted transfer; the frame content is then not to be used.
        /// </summary>
        public BusStatus ReadFrame(ThermalFrame frame, long timestampMilliseconds)
        {
            BusStatus status = _bus.ReadRegisters(Amg8833Registers.FirstPixel, _pixelBytes, 0, _pixelBytes.Length);
            if (status != BusStatus.Ok)
            {
                return status;
            }

            status = _bus.ReadRegisters(Amg8833Registers.ThermistorLow, _thermistorBytes, 0, 2);
            if (status != BusStatus.Ok)
            {
                return status;
            }

            float[] pixels = frame.Pixels;
            Amg8833Decoder.DecodePixels(_pixelBytes, 0, pixels, Amg8833Registers.PixelCount);
            for (int i = 0; i < Amg8833Registers.PixelCount; i++)
            {
                float value = pixels[i];
                if (!(value >= MinimumPlausibleCelsius && value <= MaximumPlausibleCelsius))
                {
                    return BusStatus.PartialTransfer;
                }
            }

            frame.SensorTemperatureCelsius = Amg8833Decoder.DecodeThermistor(_thermistorBytes[0], _thermistorBytes[1]);
            frame.TimestampMilliseconds = timestampMilliseconds;
            return BusStatus.Ok;
        }
    }
}
