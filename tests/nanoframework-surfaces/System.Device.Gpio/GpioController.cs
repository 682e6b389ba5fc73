// Reference surface: nanoFramework.System.Device.Gpio (System.Device.Gpio). Checked against nanoframework/System.Device.Gpio System.Device.Gpio/GpioController.cs at commit 162ca3b8531e0ae533721f4de5b92a0020ad68d6.
// Declarations only. OpenPin returns the opened GpioPin (older 1.0 previews returned void). The controller keeps ONE
// event mask and ONE callback per pin: every RegisterCallbackForPinValueChangedEvent call overwrites them and attaches
// its internal handler again, so register once with PinEventTypes.Rising | PinEventTypes.Falling.
// Left out: GpioController(PinNumberingScheme), NumberingScheme, PinCount.

namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw null; }

        public GpioPin OpenPin(int pinNumber) { throw null; }

        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw null; }

        public void ClosePin(int pinNumber) { throw null; }

        public void Dispose() { throw null; }

        public PinMode GetPinMode(int pinNumber) { throw null; }

        public bool IsPinModeSupported(int pinNumber, PinMode mode) { throw null; }

        public bool IsPinOpen(int pinNumber) { throw null; }

        public PinValue Read(int pinNumber) { throw null; }

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) { throw null; }

        public void SetPinMode(int pinNumber, PinMode mode) { throw null; }

        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) { throw null; }

        public void Write(int pinNumber, PinValue value) { throw null; }
    }
}
