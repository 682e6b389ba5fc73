using OccupancySensor.Sensors;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: the empty scene, per pixel: its level and its noise. Both are learned as slow running averages, but
    /// only while the pixel is not foreground, so a person in view is not learned into the background. A pixel is
    /// foreground when it is warmer than its level by more than the presence threshold and by more than four times
    /// its own noise, so a noisy pixel does not flicker into a person.
    /// Arrays are sized once for the frame; updating allocates nothing.
    /// </summary>
    public sealed class BackgroundModel
    {
        // Time constant of the background average: slow enough that a person walking through leaves no trace,
        // fast enough to follow the room warming over a morning.
        private const float LearningTimeConstantMilliseconds = 120000f;

        // Frames averaged at start before any pixel may be foreground: one frame's noise would otherwise become
        // the background and show up as phantom people.
        private const int WarmUpFrames = 16;

        // AMG8833 datasheet noise (about 0.3 °C RMS as a mean absolute deviation of ~0.24 °C) as the first guess.
        private const float InitialDeviationCelsius = 0.25f;

        // A foreground pixel stands out by four mean absolute deviations (about 3.2 sigma) at least.
        private const float NoiseMultiple = 4f;

        private readonly float[] _level;
        private readonly float[] _deviation;
        private readonly bool[] _foreground;
        private readonly float _thresholdCelsius;
        private int _framesSeen;
        private long _lastFrameMilliseconds;

        /// <summary>Creates the model for frames of <paramref name="pixelCount"/> pixels.</summary>
        public BackgroundModel(int pixelCount, float thresholdCelsius)
        {
            _level = new float[pixelCount];
            _deviation = new float[pixelCount];
            _foreground = new bool[pixelCount];
            _thresholdCelsius = thresholdCelsius;
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return (_level.Length * 4) + (_deviation.Length * 4) + _foreground.Length; }
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
            long elapsed = frame.TimestampMilliseconds - _lastFrameMilliseconds;
            _lastFrameMilliseconds = frame.TimestampMilliseconds;
            if (_framesSeen < WarmUpFrames)
            {
                WarmUp(pixels);
                return 0;
            }

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
                float noiseThreshold = NoiseMultiple * _deviation[i];
                bool warm = difference > _thresholdCelsius && difference > noiseThreshold;
                _foreground[i] = warm;
                if (warm)
                {
                    count++;
                    continue;
                }

                _level[i] += difference * rate;
                float magnitude = difference < 0 ? -difference : difference;
                _deviation[i] += (magnitude - _deviation[i]) * rate;
            }

            return count;
        }

        private void WarmUp(float[] pixels)
        {
            _framesSeen++;
            float weight = 1f / _framesSeen;
            for (int i = 0; i < pixels.Length; i++)
            {
                if (_framesSeen == 1)
                {
                    _level[i] = pixels[i];
                    _deviation[i] = InitialDeviationCelsius;
                }
                else
                {
                    _level[i] += (pixels[i] - _level[i]) * weight;
                }

                _foreground[i] = false;
            }
        }
    }
}
