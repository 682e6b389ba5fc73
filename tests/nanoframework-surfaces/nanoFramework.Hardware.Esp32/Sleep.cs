// Reference surface: nanoFramework.Hardware.Esp32 (nanoFramework.Hardware.Esp32). Checked against nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/Sleep.cs, newest stored version (the one with WakeUpPort/EnableWakeupByUart and the ESP32-S2/S3/C6/H2 pins; the search index exposes no commit id for it, older versions are 0a6fea04d042576ea9c3feb080daadbf56187297 and 5ef719ad2eb0732bf94d08c09fa86e7aad725a61 with the same members minus the extra pins/UART). The repository's packages.lock.json at commit 0848d91286a99df26eadd041c2626cc383500784 is on CoreLibrary 1.17.11, i.e. the stable 1.x line.
// Declarations only. Sleep is a non-static class with static members. EnableWakeupByPin takes a WakeupGpioPin flag, not
// a GPIO number. StartDeepSleep never returns. Enum values are implicit after Ext0 = 2 in the source.
// Left out: the TouchPad wakeup API (its signature and GetWakeupTouchpad's return type changed between versions),
// EnableWakeupByUart/WakeUpPort.

using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Sleep
    {
        public enum WakeupMode
        {
            AllLow = 0,
            AnyHigh = 1,
        }

        public enum WakeupCause
        {
            Undefined = 0,
            Ext0 = 2,
            Ext1 = 3,
            Timer = 4,
            TouchPad = 5,
            Ulp = 6,
            Gpio = 7,
            Uart = 8,
        }

        [Flags]
        public enum WakeupGpioPin : ulong
        {
            None = 0,
            Pin0 = 1,
            Pin1 = (ulong)1 << 1,
            Pin2 = (ulong)1 << 2,
            Pin3 = (ulong)1 << 3,
            Pin4 = (ulong)1 << 4,
            Pin5 = (ulong)1 << 5,
            Pin6 = (ulong)1 << 6,
            Pin7 = (ulong)1 << 7,
            Pin8 = (ulong)1 << 8,
            Pin9 = (ulong)1 << 9,
            Pin10 = (ulong)1 << 10,
            Pin11 = (ulong)1 << 11,
            Pin12 = (ulong)1 << 12,
            Pin13 = (ulong)1 << 13,
            Pin14 = (ulong)1 << 14,
            Pin15 = (ulong)1 << 15,
            Pin16 = (ulong)1 << 16,
            Pin17 = (ulong)1 << 17,
            Pin18 = (ulong)1 << 18,
            Pin19 = (ulong)1 << 19,
            Pin20 = (ulong)1 << 20,
            Pin21 = (ulong)1 << 21,
            Pin25 = (ulong)1 << 25,
            Pin26 = (ulong)1 << 26,
            Pin27 = (ulong)1 << 27,
            Pin32 = (ulong)1 << 32,
            Pin33 = (ulong)1 << 33,
            Pin34 = (ulong)1 << 34,
            Pin35 = (ulong)1 << 35,
            Pin36 = (ulong)1 << 36,
            Pin37 = (ulong)1 << 37,
            Pin38 = (ulong)1 << 38,
            Pin39 = (ulong)1 << 39,
        }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time) { throw null; }

        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level) { throw null; }

        public static EspNativeError EnableWakeupByMultiPins(WakeupGpioPin pins, WakeupMode mode) { throw null; }

        public static EspNativeError StartLightSleep() { throw null; }

        public static void StartDeepSleep() { throw null; }

        public static WakeupCause GetWakeupCause() { throw null; }

        public static WakeupGpioPin GetWakeupGpioPin() { throw null; }
    }
}
