// Reference surface: nanoFramework.System.Device.Spi (System.Device.Spi). Checked against nanoframework/System.Device.Spi System.Device.Spi/DataFlow.cs at commit 506be10e70c42d430da3c950fa7b7e532cfc44dd.
// Values are implicit in the source (declaration order).

namespace System.Device.Spi
{
    public enum DataFlow
    {
        MsbFirst = 0,
        LsbFirst = 1,
    }
}
