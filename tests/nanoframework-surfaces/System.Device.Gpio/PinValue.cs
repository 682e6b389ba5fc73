// Reference surface: nanoFramework.System.Device.Gpio (System.Device.Gpio). Checked against nanoframework/System.Device.Gpio System.Device.Gpio/PinValue.cs at commit 5a27dd88672fc3885f218217169eec48e3169ef2.
// Declarations only. Conversions: implicit from int and from bool; explicit to byte, int and bool.

namespace System.Device.Gpio
{
    public readonly struct PinValue
    {
        private readonly byte _value;

        public static PinValue High { get { throw null; } }

        public static PinValue Low { get { throw null; } }

        public static implicit operator PinValue(int value) { throw null; }

        public static implicit operator PinValue(bool value) { throw null; }

        public static explicit operator byte(PinValue value) { throw null; }

        public static explicit operator int(PinValue value) { throw null; }

        public static explicit operator bool(PinValue value) { throw null; }

        public bool Equals(PinValue other) { throw null; }

        public override bool Equals(object obj) { throw null; }

        public static bool operator ==(PinValue a, PinValue b) { throw null; }

        public static bool operator !=(PinValue a, PinValue b) { throw null; }

        public override int GetHashCode() { throw null; }

        public override string ToString() { throw null; }
    }
}
