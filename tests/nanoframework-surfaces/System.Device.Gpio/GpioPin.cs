// Reference surface: nanoFramework.System.Device.Gpio (System.Device.Gpio). Checked against nanoframework/System.Device.Gpio System.Device.Gpio/GpioPin.cs at commit 3a608e15888b3f1cff6ac2dd11749f424bd59cca.
// Declarations only. GpioPin has no public constructor (GpioController.OpenPin creates it). The delegate
// PinValueChangedEventHandler is declared in the same source file.

namespace System.Device.Gpio
{
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin(int pinNumber) { throw null; }

        public TimeSpan DebounceTimeout { get { throw null; } set { throw null; } }

        public int PinNumber { get { throw null; } }

        public PinMode GetPinMode() { throw null; }

        public bool IsPinModeSupported(PinMode pinMode) { throw null; }

        public void SetPinMode(PinMode value) { throw null; }

        public PinValue Read() { throw null; }

        public void Write(PinValue value) { throw null; }

        public event PinValueChangedEventHandler ValueChanged { add { throw null; } remove { throw null; } }

        public void Toggle() { throw null; }

        public void Dispose() { throw null; }
    }
}
