// Reference surface: nanoFramework.Runtime.Native (nanoFramework.Runtime.Native). Checked against
// nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/GC.cs at commits
// d6b537610524f7230479cedcfaafdf954d4e1311 and 17c93f5c72ef1ac48d5f61895609152ff288e89a, and
// nanoFramework.Runtime.Native/Power.cs at commits bbeda14420749f62e1c86ee0028b0eaa8ddb9740 and
// 279c2de56c52fbd4cf2c05400c4d16ed84dc85e9 (same public members in both).
// Declarations only. GC is nanoFramework.Runtime.Native.GC (a static class; Run returns the free heap in bytes), not
// System.GC: with both namespaces imported, qualify it. Power is a non-static class with static members; RebootDevice()
// equals RebootDevice(-1), i.e. OnRebootEvent handlers run without a time limit; RebootDevice(int) limits them.
// Left out: GC.EnableGCMessages, Power.OnRebootEvent and RebootEventHandler, SystemInfo, ExecutionConstraint, Rtc,
// ResourceUtility, RebootOption.

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) { throw null; }
    }

    public class Power
    {
        public static void RebootDevice() { }

        public static void RebootDevice(int exeConstraintTimeout) { }
    }
}
