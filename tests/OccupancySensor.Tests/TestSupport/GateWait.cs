using System.Diagnostics;

namespace OccupancySensor.Tests.TestSupport;

/// <summary>Waits on a monitor until a condition over state it guards holds (the reader threads pulse it).</summary>
internal static class GateWait
{
    /// <summary>True when <paramref name="condition"/> held within <paramref name="limit"/>.</summary>
    public static bool Until(object gate, Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        lock (gate)
        {
            while (!condition())
            {
                var left = limit - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(gate, left);
            }

            return true;
        }
    }
}
