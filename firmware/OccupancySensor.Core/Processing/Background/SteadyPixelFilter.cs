namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage between the background and the blobs: averages each pixel's excess over time while it holds steady,
    /// and follows it at once when it jumps. A person walking by makes pixels jump, so a walker is seen exactly
    /// as the raw frame shows them, with no trail; a person sitting still, only 1.5-2.5 °C over the room on a
    /// noisy array, is averaged into a clear, steady blob. The output is a score in °C at the raw frame's noise:
    /// the average divided by the square root of its variance factor, so every later threshold stays in units
    /// of the same sigma whether a pixel is moving or steady.
    /// The filter for one pixel is e' = e' + a(e - e'), a = dt / steady_s; its noise variance factor v starts at 1
    /// on a jump and tends to a / (2 - a) as the pixel stays steady. The gain 1/sqrt(v) is capped: a pixel that
    /// creeps up by less than a jump each frame (a person's fringe as they come closer) lags behind the average,
    /// and an uncapped gain would blow that lag up into a phantom.
    /// </summary>
    public sealed class SteadyPixelFilter
    {
        // Gain at most 3: noise averaged over 9 frames' worth; enough to lift a +1.5 °C still person on a 0.47 °C
        // noisy 2.4 fps array well over the blob threshold.
        private const float SmallestVariance = 1f / 9f;
        private const float LargestGain = 3f;

        private readonly int _pixels;
        private readonly float[] _average;
        private readonly float[] _variance;
        private readonly float[] _score;
        private readonly long[] _quietAt;
        private readonly long[] _jumpAt;

        // The average each pixel had before its latest run of jumps. A person sitting down makes their seat's
        // pixels jump for a few frames in a row (1 fps: walking up, turning, sitting); jumps further apart than
        // RunMilliseconds start a new run.
        private readonly float[] _riseFrom;
        private const long RunMilliseconds = 3000;

        // A pixel is quiet while its average is within one raw sigma of the background: three times the average's
        // own noise once it has settled.
        private const float QuietSigma = 1f;

        /// <summary>Creates the filter for <paramref name="pixels"/> pixels.</summary>
        public SteadyPixelFilter(int pixels)
        {
            _pixels = pixels;
            _average = new float[pixels];
            _variance = new float[pixels];
            _score = new float[pixels];
            _quietAt = new long[pixels];
            _jumpAt = new long[pixels];
            _riseFrom = new float[pixels];
            Reset();
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return _pixels * 32; }
        }

        /// <summary>The score of each pixel in the last frame (°C at the raw noise level).</summary>
        public float[] Score
        {
            get { return _score; }
        }

        /// <summary>
        /// Each pixel's averaged excess in °C, without the score's gain: where a pixel jumped, the gain falls back to
        /// one and the score drops for a few seconds, while the average follows the jump at once.
        /// </summary>
        public float[] Average
        {
            get { return _average; }
        }

        /// <summary>
        /// When each pixel was last quiet (its average near the background), in the frames' milliseconds. A warm
        /// object whose warmest pixel was quiet moments ago arrived suddenly: a person. One that has been warm for
        /// minutes while it grew is a heater or a monitor warming up.
        /// </summary>
        public long[] QuietAt
        {
            get { return _quietAt; }
        }

        /// <summary>
        /// When each pixel last jumped (changed by more than the jump threshold in one frame). Movement makes
        /// pixels jump; a monitor warming up, a radiator or the sun never does, however its blob's outline churns.
        /// </summary>
        public long[] JumpAt
        {
            get { return _jumpAt; }
        }

        /// <summary>
        /// The averaged excess each pixel had (°C) before its latest run of jumps (jumps less than three seconds
        /// apart): what a pixel was before someone arrived on it, where a seat still warm from the last person or
        /// the sun is not quiet.
        /// </summary>
        public float[] RiseFrom
        {
            get { return _riseFrom; }
        }

        /// <summary>Starts afresh: every pixel as if it had just jumped.</summary>
        public void Reset()
        {
            for (int i = 0; i < _pixels; i++)
            {
                _average[i] = 0;
                _variance[i] = 1;
                _score[i] = 0;
                _quietAt[i] = long.MinValue;
                _jumpAt[i] = long.MinValue;
                _riseFrom[i] = 0;
            }
        }

        /// <summary>Takes the excess of one frame, <paramref name="seconds"/> after the last.</summary>
        public void Update(float[] excess, float sigma, long now, float seconds, EngineSettings settings)
        {
            float steadySeconds = settings.Get(EngineSettings.SteadyTimeId);
            float rate = steadySeconds > 0 ? seconds / steadySeconds : 1f;
            if (rate > 1f)
            {
                rate = 1f;
            }

            float jump = settings.Get(EngineSettings.JumpSigmaId) * sigma;
            float keep = 1f - rate;
            float quiet = QuietSigma * sigma;
            for (int i = 0; i < _pixels; i++)
            {
                float value = excess[i];
                float change = value - _average[i];
                if (change > jump || change < -jump)
                {
                    // Not now - jumpAt > run: a pixel that never jumped holds long.MinValue, and the subtraction
                    // overflows.
                    if (_jumpAt[i] < now - RunMilliseconds)
                    {
                        _riseFrom[i] = _average[i];
                    }

                    _average[i] = value;
                    _variance[i] = 1f;
                    _score[i] = value;
                    _jumpAt[i] = now;
                }
                else
                {
                    _average[i] += change * rate;
                    float variance = (keep * keep * _variance[i]) + (rate * rate);
                    _variance[i] = variance;
                    // A pixel steady for more than a few time constants sits at the cap: no square root per frame.
                    _score[i] = variance > SmallestVariance ? _average[i] / SquareRoot(variance) : _average[i] * LargestGain;
                }

                if (_average[i] <= quiet)
                {
                    _quietAt[i] = now;
                }
            }
        }

        // System.Math.Sqrt is double only on nanoFramework; the variance factor here lies in (1/9, 1), where a few
        // Newton steps from a linear first guess are exact to float precision.
        private static float SquareRoot(float value)
        {
            float root = 0.5f * (1f + value);
            for (int k = 0; k < 12; k++)
            {
                root = 0.5f * (root + (value / root));
            }

            return root;
        }
    }
}
