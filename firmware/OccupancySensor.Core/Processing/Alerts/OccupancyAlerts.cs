using OccupancySensor.Readings;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: occupancy-level alerts with hysteresis. An alert is raised when a level (people in a zone, or in the
    /// area behind the door) has been at or over its capacity for the dwell time, and cleared when it has been
    /// at least the clear margin below the capacity for the dwell time. Between the two nothing changes, so a
    /// count wavering at the capacity does not flood the uplink with alerts.
    /// One slot per channel, allocated at start.
    /// </summary>
    public sealed class OccupancyAlerts
    {
        private readonly bool[] _raised;
        private readonly long[] _candidateSince;

        /// <summary>Creates the stage for <paramref name="channels"/> levels.</summary>
        public OccupancyAlerts(int channels)
        {
            _raised = new bool[channels];
            _candidateSince = new long[channels];
            for (int c = 0; c < channels; c++)
            {
                _candidateSince[c] = -1;
            }
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return _raised.Length * 9; }
        }

        /// <summary>Whether the alert of channel <paramref name="channel"/> is raised.</summary>
        public bool IsRaised(int channel)
        {
            return _raised[channel];
        }

        /// <summary>
        /// Takes the current <paramref name="level"/> of <paramref name="channel"/> (reported as zone
        /// <paramref name="zone"/>, -1 for the unit's area); a capacity of 0 disables the alert.
        /// </summary>
        public void Update(int channel, int zone, int level, int capacity, long now, EngineSettings settings, IReadingSink sink)
        {
            if (capacity <= 0)
            {
                _candidateSince[channel] = -1;
                if (_raised[channel])
                {
                    _raised[channel] = false;
                    sink.Accept(Reading.Alert(now, zone, false, level));
                }

                return;
            }

            bool wantsChange = _raised[channel]
                ? level <= capacity - (int)settings.Get(EngineSettings.AlertClearBelowId)
                : level >= capacity;
            if (!wantsChange)
            {
                _candidateSince[channel] = -1;
                return;
            }

            if (_candidateSince[channel] < 0)
            {
                _candidateSince[channel] = now;
            }

            if (now - _candidateSince[channel] >= (long)(settings.Get(EngineSettings.AlertDwellId) * 1000f))
            {
                _raised[channel] = !_raised[channel];
                _candidateSince[channel] = -1;
                sink.Accept(Reading.Alert(now, zone, _raised[channel], level));
            }
        }
    }
}
