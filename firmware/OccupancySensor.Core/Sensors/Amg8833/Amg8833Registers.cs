namespace OccupancySensor.Sensors.Amg8833
{
    /// <summary>Register map of the Panasonic Grid-EYE AMG8833 (datasheet "Grid-EYE Characteristics", section 6).</summary>
    public static class Amg8833Registers
    {
        /// <summary>I2C address with AD_SELECT tied low.</summary>
        public const byte AddressLow = 0x68;

        /// <summary>I2C address with AD_SELECT tied high (the default on common breakouts).</summary>
        public const byte AddressHigh = 0x69;

        /// <summary>Power control: 0x00 normal mode.</summary>
        public const byte PowerControl = 0x00;

        /// <summary>Reset: 0x3F initial reset (reloads the calibration), 0x30 flag reset.</summary>
        public const byte Reset = 0x01;

        /// <summary>Frame rate: 0x00 = 10 frames a second, 0x01 = 1 frame a second.</summary>
        public const byte FrameRate = 0x02;

        /// <summary>Thermistor output, low byte; the high byte follows at 0x0F.</summary>
        public const byte ThermistorLow = 0x0E;

        /// <summary>First pixel, low byte; 64 pixels of two bytes each follow, little-endian.</summary>
        public const byte FirstPixel = 0x80;

        /// <summary>Value of <see cref="PowerControl"/> for normal mode.</summary>
        public const byte NormalMode = 0x00;

        /// <summary>Value of <see cref="Reset"/> for an initial reset.</summary>
        public const byte InitialReset = 0x3F;

        /// <summary>Value of <see cref="FrameRate"/> for 10 frames a second.</summary>
        public const byte TenFramesPerSecond = 0x00;

        /// <summary>Value of <see cref="FrameRate"/> for 1 frame a second.</summary>
        public const byte OneFramePerSecond = 0x01;

        /// <summary>Pixels in one frame.</summary>
        public const int PixelCount = 64;

        /// <summary>Bytes of pixel data in one frame.</summary>
        public const int PixelBytes = PixelCount * 2;
    }
}
