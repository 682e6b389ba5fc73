namespace OccupancySensor.Runtime
{
    /// <summary>
    /// When to try a failing part again: after each consecutive failure the wait doubles from
    /// <see cref="InitialDelayMilliseconds"/> up to <see cref="MaxDelayMilliseconds"/>, so a vanished sensor costs
    /// the loop one short bus transfer now and then instead of a retry every frame; the first success resets it.
    /// </summary>
    public sealed class RetryBackoff
    {
        /// <summary>Creates a back-off with the given first and largest wait.</summary>
        public RetryBackoff(int initialDelayMilliseconds, int maxDelayMilliseconds)
        {
            InitialDelayMilliseconds = initialDelayMilliseconds;
            MaxDelayMilliseconds = maxDelayMilliseconds;
        }

        /// <summary>The wait after the first failure.</summary>
        public int InitialDelayMilliseconds { get; private set; }

        /// <summary>The longest wait.</summary>
        public int MaxDelayMilliseconds { get; private set; }

        /// <summary>Failures since the last success.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>When the next attempt may be made; meaningful only while failing.</summary>
        public long NextAttemptMilliseconds { get; private set; }

        /// <summary>Whether the part is failing (at least one failure since the last success).</summary>
        public bool IsFailing
        {
            get { return ConsecutiveFailures > 0; }
        }

        /// <summary>Records a failure at <paramref name="now"/> and returns the wait before the next attempt.</summary>
        public int Failed(long now)
        {
            ConsecutiveFailures++;
            long delay = InitialDelayMilliseconds;
            for (int i = 1; i < ConsecutiveFailures && delay < MaxDelayMilliseconds; i++)
            {
                delay *= 2;
            }

            if (delay > MaxDelayMilliseconds)
            {
                delay = MaxDelayMilliseconds;
            }

            NextAttemptMilliseconds = now + delay;
            return (int)delay;
        }

        /// <summary>Records a success.</summary>
        public void Succeeded()
        {
            ConsecutiveFailures = 0;
        }
    }
}
