// Reference surface: nanoFramework.Hardware.Esp32 (nanoFramework.Hardware.Esp32). Checked against nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/Configuration.cs at commit 2fcc3520f586c75ff6001c1bf91425df1b8dd053.
// Declarations only. Configuration is a non-static class with only static members (so it has an implicit public
// constructor). GetFunctionPin returns -1 when the function has no pin assigned.

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { throw null; }

        public static int GetFunctionPin(DeviceFunction function) { throw null; }
    }
}
