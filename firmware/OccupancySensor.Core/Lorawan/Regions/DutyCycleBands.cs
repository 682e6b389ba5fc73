namespace OccupancySensor.Lorawan.Regions
{
    /// <summary>
    /// Duty-cycle bookkeeping per sub-band (ETSI EN 300 220 as LoRaWAN EU868 applies it): after a transmission of
    /// ToA in a band with duty cycle dc, the band stays closed for ToA x (1/dc - 1) after the transmission ends, so
    /// the next may start ToA / dc after the last one started. Bands are given as [low, high) in Hz with the duty
    /// cycle as its reciprocal (1 % = 100); the arrays are allocated once, at construction.
    /// </summary>
    public sealed class DutyCycleBands
    {
        private readonly int[] _lowHz;
        private readonly int[] _highHz;
        private readonly int[] _reciprocal;
        private readonly long[] _availableAt;
        private int _count;

        /// <summary>Room for <paramref name="capacity"/> bands.</summary>
        public DutyCycleBands(int capacity)
        {
            _lowHz = new int[capacity];
            _highHz = new int[capacity];
            _reciprocal = new int[capacity];
            _availableAt = new long[capacity];
        }

        /// <summary>How many bands are defined.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Adds the band [<paramref name="lowHz"/>, <paramref name="highHz"/>) with duty cycle 1/<paramref name="reciprocal"/>.</summary>
        public void Add(int lowHz, int highHz, int reciprocal)
        {
            _lowHz[_count] = lowHz;
            _highHz[_count] = highHz;
            _reciprocal[_count] = reciprocal;
            _availableAt[_count] = 0;
            _count++;
        }

        /// <summary>The band of a frequency, or -1 when it lies in none (transmitting there is not allowed).</summary>
        public int BandOf(int frequencyHz)
        {
            for (int band = 0; band < _count; band++)
            {
                if (frequencyHz >= _lowHz[band] && frequencyHz < _highHz[band])
                {
                    return band;
                }
            }

            return -1;
        }

        /// <summary>The duty cycle of a band as its reciprocal (100 for 1 %).</summary>
        public int Reciprocal(int band)
        {
            return _reciprocal[band];
        }

        /// <summary>When the band of <paramref name="frequencyHz"/> may next transmit; long.MaxValue outside every band.</summary>
        public long AvailableAt(int frequencyHz)
        {
            int band = BandOf(frequencyHz);
            return band < 0 ? long.MaxValue : _availableAt[band];
        }

        /// <summary>Closes the band of <paramref name="frequencyHz"/> for the off-time of a transmission.</summary>
        public void Record(int frequencyHz, long startMilliseconds, long airtimeMicroseconds)
        {
            int band = BandOf(frequencyHz);
            if (band < 0)
            {
                return;
            }

            // Rounded up to the next millisecond: the device must never be a fraction over its duty cycle.
            long closedFor = (airtimeMicroseconds * _reciprocal[band] + 999) / 1000;
            long until = startMilliseconds + closedFor;
            if (until > _availableAt[band])
            {
                _availableAt[band] = until;
            }
        }

        /// <summary>Opens every band (a new session on a device that kept no record of earlier transmissions).</summary>
        public void Clear()
        {
            for (int band = 0; band < _count; band++)
            {
                _availableAt[band] = 0;
            }
        }
    }
}
