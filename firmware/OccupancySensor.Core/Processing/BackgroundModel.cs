using OccupancySensor.Sensors;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: the empty scene, per pixel. Learns each pixel's level as a slow running average, but only while the
    /// pixel is not foreground, so a person in view is not learned into the background. Marks as foreground every
    /// pixel warmer than its level by more than the presence threshold.
    /// Arrays are sized once for the frame; updating allocates nothing.
    /// </summary>
    public sealed class BackgroundModel
    {
        // Time constant of the background average: slow enough that a person walking through leaves no trace,
        // fast enough to follow the room warming over a morning.
        private const float LearningTimeConstantMilliseconds = 120000f;

        private readonly float[] _level;
        private readonly bool[] _foreground;
        private readonly float _thresholdCelsius;
        private bool _initialised;
        private long _lastFrameMilliseconds;

        /// <summary>Creates the model for frames of <paramref name="pixelCount"/> pixels.</summary>
        public BackgroundModel(int pixelCount, float thresholdCelsius)
        {
            _level = new float[pixelCount];
            _foreground = new bool[pixelCount];
            _thresholdCelsius = thresholdCelsius;
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return (_level.Length * 4) + _foreground.Length; }
        }

        /// <summary>The foreground mask of the last frame.</summary>
        public bool[] Foreground
        {
            get { return _foreground; }
        }

        /// <summary>The learned level of a pixel in °C.</summary>
        public float LevelAt(int pixel)
        {
            return _level[pixel];
        }

        /// <summary>Marks the foreground of <paramref name="frame"/> and learns the rest; returns how many pixels are foreground.</summary>
        public int Update(ThermalFrame frame)
        {
            float[] pixels = frame.Pixels;
            if (!_initialised)
            {
                for (int i = 0; i < pixels.Length; i++)
                {
                    _level[i] = pixels[i];
                    _foreground[i] = false;
                }

                _initialised = true;
                _lastFrameMilliseconds = frame.TimestampMilliseconds;
                return 0;
            }

            long elapsed = frame.TimestampMilliseconds - _lastFrameMilliseconds;
            _lastFrameMilliseconds = frame.TimestampMilliseconds;
            if (elapsed < 0)
            {
                elapsed = 0;
            }

            float rate = elapsed / LearningTimeConstantMilliseconds;
            if (rate > 1f)
            {
                rate = 1f;
            }

            int count = 0;
            for (int i = 0; i < pixels.Length; i++)
            {
                float difference = pixels[i] - _level[i];
                bool warm = difference > _thresholdCelsius;
                _foreground[i] = warm;
                if (warm)
                {
                    count++;
                }
                else
                {
                    _level[i] += difference * rate;
                }
            }

            return count;
        }
    }
}
