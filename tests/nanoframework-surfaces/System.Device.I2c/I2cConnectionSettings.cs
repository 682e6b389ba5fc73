// Reference surface: nanoFramework.System.Device.I2c (System.Device.I2c). Checked against nanoframework/System.Device.I2c System.Device.I2c/I2cConnectionSettings.cs at commit 55251279de1b904e3141e7de2d1a236b36fe7bb8 (identical public API at 2a716b063df40228018accf369d2815311befc50).
// Declarations only. Properties are read-only; the two-argument constructor defaults to I2cBusSpeed.FastMode.
// There is no I2cSharingMode in the 1.x API (an early variant had a 4-argument constructor with it; it is gone).

namespace System.Device.I2c
{
    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { throw null; }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) { throw null; }

        public int BusId { get { throw null; } }

        public int DeviceAddress { get { throw null; } }

        public I2cBusSpeed BusSpeed { get { throw null; } }
    }
}
