using System.Threading;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>The radio drivers' waits on the device: Thread.Sleep (millisecond resolution; other threads run meanwhile).</summary>
    public sealed class ThreadDelay : IDelay
    {
        /// <inheritdoc />
        public void Wait(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }
    }
}
