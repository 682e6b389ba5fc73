// Reference surface: nanoFramework.System.Device.Gpio (System.Device.Gpio). Checked against nanoframework/nf-interpreter src/System.Device.Gpio/sys_dev_gpio_native.h at commit c563b266b79aaf34a9cd9a6f24d0c3aba0bd0ae0 (generated from the managed enum) and the use of PinEventTypes.None/Rising/Falling and HasFlag in nanoframework/System.Device.Gpio System.Device.Gpio/GpioController.cs at commit 162ca3b8531e0ae533721f4de5b92a0020ad68d6.
// The managed PinEventTypes.cs / PinChangeEventHandler.cs files of the repository are not in the searchable index;
// PinChangeEventHandler's shape (object, PinValueChangedEventArgs) follows from GpioController.cs
// (GpioPinChange.Invoke(this, new PinValueChangedEventArgs(...))); its parameter names follow dotnet/iot.

namespace System.Device.Gpio
{
    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);
}
