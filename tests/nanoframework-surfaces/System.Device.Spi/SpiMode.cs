// Reference surface: nanoFramework.System.Device.Spi (System.Device.Spi). Checked against nanoframework/System.Device.Spi System.Device.Spi/SpiMode.cs at commit 506be10e70c42d430da3c950fa7b7e532cfc44dd.
// Values are implicit in the source (declaration order).

namespace System.Device.Spi
{
    public enum SpiMode
    {
        Mode0 = 0,
        Mode1 = 1,
        Mode2 = 2,
        Mode3 = 3,
    }
}
