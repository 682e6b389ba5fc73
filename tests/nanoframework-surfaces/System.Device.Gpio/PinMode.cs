// Reference surface: nanoFramework.System.Device.Gpio (System.Device.Gpio). Checked against nanoframework/System.Device.Gpio System.Device.Gpio/PinMode.cs at commit 5a27dd88672fc3885f218217169eec48e3169ef2.
// Values are implicit in the source (declaration order); they match the native PinMode in
// nanoframework/nf-interpreter src/System.Device.Gpio/sys_dev_gpio_native.h.

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5,
        OutputOpenSource = 6,
        OutputOpenSourcePullDown = 7,
    }
}
