// Reference surface: nanoFramework.CoreLibrary (mscorlib). Checked against nanoframework/CoreLibrary
// nanoFramework.CoreLibrary/System/Threading/{Thread.cs, ThreadStart.cs, Timer.cs, WaitHandle.cs, ManualResetEvent.cs,
// Monitor.cs, Timeout.cs} at commit 1f779f14aa76c292ce66303794d3f35dddc35cbb, {AutoResetEvent.cs} at
// 5942dc0ab1e479e62e87649bb976588549cdc94e, {Interlocked.cs, ThreadPriority.cs} at 9b81d28d9ff4dd685c9cd751e120a87cf2e101f8.
// Declarations only. Differences from desktop .NET: no WaitOne(int)/WaitOne(TimeSpan) (only WaitOne() and
// WaitOne(int, bool)); WaitHandle is not IDisposable; Monitor has only Enter(object)/Exit(object); Interlocked works on
// ref int only; Thread has no Name/IsBackground; no ThreadPool, Volatile, SemaphoreSlim, CancellationToken.

namespace System.Threading
{
    public delegate void ThreadStart();

    public enum ThreadPriority
    {
        Lowest = 0,
        BelowNormal = 1,
        Normal = 2,
        AboveNormal = 3,
        Highest = 4
    }

    public sealed class Thread
    {
        public Thread(ThreadStart start) { }
        public void Start() { }
        public void Abort() { }
        public ThreadPriority Priority { get { throw null; } set { } }
        public int ManagedThreadId { get { throw null; } }
        public bool IsAlive { get { throw null; } }
        public void Join() { }
        public bool Join(int millisecondsTimeout) { throw null; }
        public bool Join(TimeSpan timeout) { throw null; }
        public static void Sleep(int millisecondsTimeout) { }
        public static void Sleep(TimeSpan timeout) { }
        public static Thread CurrentThread { get { throw null; } }
    }

    public delegate void TimerCallback(object state);

    public sealed class Timer : MarshalByRefObject, IDisposable
    {
        public Timer(TimerCallback callback, object state, int dueTime, int period) { }
        public Timer(TimerCallback callback, object state, TimeSpan dueTime, TimeSpan period) { }
        public bool Change(int dueTime, int period) { throw null; }
        public bool Change(TimeSpan dueTime, TimeSpan period) { throw null; }
        public void Dispose() { }
    }

    public abstract class WaitHandle : MarshalByRefObject
    {
        public const int WaitTimeout = 0x102;
        public virtual bool WaitOne(int millisecondsTimeout, bool exitContext) { throw null; }
        public virtual bool WaitOne() { throw null; }
        public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) { throw null; }
        public static bool WaitAll(WaitHandle[] waitHandles) { throw null; }
        public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) { throw null; }
        public static int WaitAny(WaitHandle[] waitHandles) { throw null; }
    }

    public sealed class AutoResetEvent : WaitHandle
    {
        public AutoResetEvent(bool initialState) { }
        public bool Reset() { throw null; }
        public bool Set() { throw null; }
    }

    public sealed class ManualResetEvent : WaitHandle
    {
        public ManualResetEvent(bool initialState) { }
        public bool Reset() { throw null; }
        public bool Set() { throw null; }
    }

    public static class Monitor
    {
        public static void Enter(object obj) { }
        public static void Exit(object obj) { }
    }

    public static class Interlocked
    {
        public static int Increment(ref int location) { throw null; }
        public static int Decrement(ref int location) { throw null; }
        public static int Exchange(ref int location1, int value) { throw null; }
        public static int CompareExchange(ref int location1, int value, int comparand) { throw null; }
    }

    public static class Timeout
    {
        public const int Infinite = -1;
    }
}
