// Reference surface: nanoFramework.System.Device.Spi (System.Device.Spi). Checked against nanoframework/System.Device.Spi System.Device.Spi/SpiConnectionSettings.cs at commit b18aebeee2d9fdef4ee3c8c3ef4aab358d23b60e.
// Declarations only. All properties have get and set. Defaults: ClockFrequency 500000, DataBitLength 8, Mode0,
// MsbFirst, ChipSelectLineActiveState Low. ChipSelectLineActiveState is a System.Device.Gpio.PinValue, which is why
// this assembly references System.Device.Gpio.
// Left out: SharingMode (SpiSharingMode), Configuration (SpiBusConfiguration).

using System.Device.Gpio;

namespace System.Device.Spi
{
    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine) { throw null; }

        public int BusId { get { throw null; } set { throw null; } }

        public int ChipSelectLine { get { throw null; } set { throw null; } }

        public SpiMode Mode { get { throw null; } set { throw null; } }

        public int DataBitLength { get { throw null; } set { throw null; } }

        public int ClockFrequency { get { throw null; } set { throw null; } }

        public DataFlow DataFlow { get { throw null; } set { throw null; } }

        public PinValue ChipSelectLineActiveState { get { throw null; } set { throw null; } }
    }
}
