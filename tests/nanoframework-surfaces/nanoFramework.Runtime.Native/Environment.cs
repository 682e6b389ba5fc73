// Reference surface: nanoFramework.Runtime.Native (nanoFramework.Runtime.Native). Checked against
// nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/System/Environment.cs at commits
// 545618b37d18b3f3690d363d29e7e913c23b08a9 and 17c93f5c72ef1ac48d5f61895609152ff288e89a (same signature), and
// nf-interpreter's nf_rt_native get_TickCount64___STATIC__I8 (the native lives in this assembly, not in mscorlib;
// added in 2022, nanoframework/Home#943 and #959).
// Declarations only. System.Environment is declared by this package, not by mscorlib: device code that reads
// TickCount64 must reference nanoFramework.Runtime.Native. The value is milliseconds since boot (not ticks).
// The real property is `static extern` with an InternalCall getter. There is no Environment.TickCount.

namespace System
{
    public static class Environment
    {
        public static long TickCount64 { get { throw null; } }
    }
}
