using OccupancySensor.Hardware;
using OccupancySensor.Lorawan.Airtime;

namespace OccupancySensor.Radios
{
    /// <summary>
    /// Waits for a radio to report the end of a transmission or of a receive window by polling its interrupt flags
    /// against a deadline, the same for every chip: a chip that stops answering ends the wait as a fault the driver
    /// records, never as a hang. Only reading the flags is the chip's (<see cref="IrqFlagsReader"/>). Allocates nothing.
    /// </summary>
    internal sealed class IrqPoller
    {
        private readonly IrqFlagsReader _readFlags;
        private readonly IClock _clock;
        private readonly IDelay _delay;

        /// <summary>Polls through <paramref name="readFlags"/>, timed by <paramref name="clock"/> and <paramref name="delay"/>.</summary>
        public IrqPoller(IrqFlagsReader readFlags, IClock clock, IDelay delay)
        {
            _readFlags = readFlags;
            _clock = clock;
            _delay = delay;
        }

        /// <summary>
        /// Waits for one of <paramref name="mask"/>'s flags after a transmission was started: returns the flags, 0 when
        /// none came within the time on air plus <paramref name="marginMilliseconds"/>, -1 when a read failed.
        /// </summary>
        public int WaitForTransmission(int mask, int airtimeMilliseconds, int marginMilliseconds)
        {
            // TxDone cannot come before the packet's time on air: wait that long, then poll every millisecond.
            long deadline = _clock.NowMilliseconds + airtimeMilliseconds + marginMilliseconds;
            return WaitFor(mask, airtimeMilliseconds, deadline, 1);
        }

        /// <summary>
        /// Waits for one of <paramref name="mask"/>'s flags after the receiver was started: returns the flags, 0 when
        /// none came by <see cref="ReceiveWindow.CompletionDeadlineMilliseconds"/>, -1 when a read failed.
        /// </summary>
        public int WaitForReception(int mask, LoraModulation modulation, LoraChip chip)
        {
            long deadline = _clock.NowMilliseconds + ReceiveWindow.CompletionDeadlineMilliseconds(modulation, chip);
            return WaitFor(mask, 0, deadline, ReceiveWindow.PollMilliseconds(modulation));
        }

        // Polls until one of mask's flags is set: returns the flags, 0 past the deadline, -1 when a read failed.
        private int WaitFor(int mask, int firstWait, long deadline, int pollEvery)
        {
            _delay.Wait(firstWait);
            while (true)
            {
                int flags = _readFlags();
                if (flags < 0 || (flags & mask) != 0)
                {
                    return flags;
                }

                if (_clock.NowMilliseconds >= deadline)
                {
                    return 0;
                }

                _delay.Wait(pollEvery);
            }
        }
    }
}
