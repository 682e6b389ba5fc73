namespace OccupancySensor.Lorawan.Regions
{
    /// <summary>
    /// The join-request back-off of LoRaWAN 1.0.4 ("retransmissions back-off"): join requests together may use
    /// at most 1 % of the time in the first hour after the first attempt, 0.1 % in the next 10 hours and 0.01 %
    /// after that, applied as an off-time of ToA x (1/dc - 1) after each request, on top of the band's own duty
    /// cycle. A successful join resets it.
    /// </summary>
    public sealed class JoinBackoff
    {
        private const long HourMilliseconds = 3600000L;

        private bool _started;
        private long _firstAttempt;
        private long _nextAllowed;

        /// <summary>When the next join request may start.</summary>
        public long NextAllowed
        {
            get { return _nextAllowed; }
        }

        /// <summary>The reciprocal of the duty cycle in force at <paramref name="nowMilliseconds"/> (100, 1000 or 10000).</summary>
        public int ReciprocalAt(long nowMilliseconds)
        {
            long elapsed = _started ? nowMilliseconds - _firstAttempt : 0;
            if (elapsed < HourMilliseconds)
            {
                return 100;
            }

            return elapsed < 11 * HourMilliseconds ? 1000 : 10000;
        }

        /// <summary>Whether a join request may start now.</summary>
        public bool MayJoin(long nowMilliseconds)
        {
            return nowMilliseconds >= _nextAllowed;
        }

        /// <summary>Records a join request that started at <paramref name="startMilliseconds"/>.</summary>
        public void Record(long startMilliseconds, long airtimeMicroseconds)
        {
            if (!_started)
            {
                _started = true;
                _firstAttempt = startMilliseconds;
            }

            _nextAllowed = startMilliseconds + (airtimeMicroseconds * ReciprocalAt(startMilliseconds) + 999) / 1000;
        }

        /// <summary>After a successful join: the next join (a rejoin after a lost session) starts a fresh hour.</summary>
        public void Reset()
        {
            _started = false;
            _nextAllowed = 0;
        }
    }
}
