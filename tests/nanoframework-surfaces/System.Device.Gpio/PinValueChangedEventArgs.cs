// Reference surface: nanoFramework.System.Device.Gpio (System.Device.Gpio). Checked against nanoframework/System.Device.Gpio System.Device.Gpio/PinValueChangedEventArgs.cs at commit 5a27dd88672fc3885f218217169eec48e3169ef2.
// Declarations only. Unlike dotnet/iot, the nanoFramework class does NOT derive from EventArgs.

namespace System.Device.Gpio
{
    public class PinValueChangedEventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw null; }

        public PinEventTypes ChangeType { get { throw null; } }

        public int PinNumber { get { throw null; } }
    }
}
