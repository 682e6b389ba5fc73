using System;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>The unit's clock: milliseconds since boot from Environment.TickCount64 (monotonic, unaffected by SNTP).</summary>
    public sealed class TickCountClock : IClock
    {
        /// <inheritdoc />
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
