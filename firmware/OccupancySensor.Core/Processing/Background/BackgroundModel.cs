namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: the empty scene. Per pixel a learned level; for the whole array one noise figure (sigma) and one
    /// common-mode offset. The offset is the median difference of the quiet pixels from their levels in this very
    /// frame, so ambient drift and the sensor's own warm-up move the whole scene without anything being learned
    /// (a person sitting still is not absorbed while the room warms). When people cover most of the view, the
    /// offset follows the ambient temperature from the BME280 instead.
    /// What is learned depends on what the later stages found in the last frame: quiet pixels learn at the
    /// background rate, pixels colder than the level learn fast (a background learned too warm would hide
    /// people), blobs that are not people (monitors, radiators, a sun patch) are absorbed at the slow static-heat
    /// rate, and a person's pixels and their rim are not learned, except where the tracker finds the floor under a
    /// seated person must have cooled (see <see cref="PeopleTracker.BlobHiddenCooling"/>).
    /// </summary>
    public sealed class BackgroundModel
    {
        // A Gaussian's standard deviation is 1.4826 median absolute deviations, or 1.2533 mean absolute deviations.
        private const float SigmaPerMedianDeviation = 1.4826f;
        private const float SigmaPerMeanDeviation = 1.2533f;

        // The quiet levels are anchored this many background time constants after the warm-up (their noise has
        // settled to a few hundredths of a degree by then), and a level within this many sigmas of its anchor is
        // steady: noise and the slow common-mode walk stay inside, a heat source learned into the level leaves.
        private const float AnchorAfterTimeConstants = 5f;
        private const float AnchorWindowSigmas = 1f;

        // The part of a person's blob less warm than this share of its warmest pixel is fringe, not body: a seated
        // person's body is within a pixel of their peak, where the excess is over half of it.
        private const float PersonFringeShare = 0.25f;

        // AMG8833 datasheet noise as the guess before anything is learned.
        private const float InitialSigmaCelsius = 0.3f;

        // At least two frames must be averaged before the scene is known, whatever the warm-up time.
        private const int MinimumWarmUpFrames = 2;

        private readonly int _width;
        private readonly int _height;
        private readonly int _pixels;
        private readonly float[] _level;
        private readonly float[] _excess;

        // Where each level stood once the scene had settled: the quiet levels' common mode is held there.
        private readonly float[] _anchor;

        // Each blob's warmest excess in the frame being learned.
        private readonly float[] _blobPeak = new float[BlobFinder.MaxBlobs];
        private bool _anchored;
        private readonly float[] _scratch;
        private readonly bool[] _nearBlob;
        private readonly byte[] _colderFrames;
        private float _learnedSeconds;
        private int _warmUpFrames;
        private float _warmUpSeconds;
        private float _quietOffset;
        private float _ambientAtQuietOffset = float.NaN;
        private float _ambient = float.NaN;

        /// <summary>Creates the model for frames of <paramref name="width"/> x <paramref name="height"/>.</summary>
        public BackgroundModel(int width, int height)
        {
            _width = width;
            _height = height;
            _pixels = width * height;
            _level = new float[_pixels];
            _excess = new float[_pixels];
            _anchor = new float[_pixels];
            _scratch = new float[_pixels];
            _nearBlob = new bool[_pixels];
            _colderFrames = new byte[_pixels];
            Sigma = InitialSigmaCelsius;
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return (_pixels * (4 + 4 + 4 + 4 + 1 + 1)) + (BlobFinder.MaxBlobs * 4); }
        }

        /// <summary>Whether the empty scene is known (from a calibration or the warm-up).</summary>
        public bool IsReady { get; private set; }

        /// <summary>Pixel noise in °C (one standard deviation).</summary>
        public float Sigma { get; private set; }

        /// <summary>Common-mode offset of the last frame in °C.</summary>
        public float Offset { get; private set; }

        /// <summary>How much warmer than the empty scene each pixel of the last frame was, in °C.</summary>
        public float[] Excess
        {
            get { return _excess; }
        }

        /// <summary>The learned level of pixel <paramref name="pixel"/> in °C (offset not included).</summary>
        public float LevelAt(int pixel)
        {
            return _level[pixel];
        }

        /// <summary>Takes the latest ambient temperature in °C (NaN when unknown).</summary>
        public void AcceptAmbient(float celsius)
        {
            _ambient = celsius;
        }

        /// <summary>Forgets the scene: the next frames warm the model up again.</summary>
        public void Reset()
        {
            IsReady = false;
            _warmUpFrames = 0;
            _warmUpSeconds = 0;
            _learnedSeconds = 0;
            _anchored = false;
            Offset = 0;
            _quietOffset = 0;
            _ambientAtQuietOffset = float.NaN;
            Sigma = InitialSigmaCelsius;
            for (int i = 0; i < _pixels; i++)
            {
                _nearBlob[i] = false;
                _colderFrames[i] = 0;
            }
        }

        /// <summary>
        /// Adds a frame of the empty scene: a technician's calibration, or the warm-up when there is none.
        /// Levels are running means; the noise is measured as each pixel's mean absolute deviation.
        /// </summary>
        public void AddEmptyFrame(float[] pixels, float secondsSinceLast)
        {
            _warmUpFrames++;
            _warmUpSeconds += secondsSinceLast;
            float weight = 1f / _warmUpFrames;
            for (int i = 0; i < _pixels; i++)
            {
                if (_warmUpFrames == 1)
                {
                    _level[i] = pixels[i];
                    _excess[i] = 0;
                    continue;
                }

                float difference = pixels[i] - _level[i];
                _level[i] += difference * weight;
                float deviation = difference < 0 ? -difference : difference;

                // _excess holds the running mean absolute deviation while warming up.
                _excess[i] += (deviation - _excess[i]) * weight;
            }
        }

        /// <summary>
        /// Ends the warm-up when it has lasted <paramref name="warmUpSeconds"/> (always when
        /// <paramref name="force"/>, as after a calibration file); returns whether the model is ready.
        /// </summary>
        public bool TryFinishWarmUp(float warmUpSeconds, float noiseFloor, bool force)
        {
            if (IsReady)
            {
                return true;
            }

            if (_warmUpFrames < MinimumWarmUpFrames || (!force && _warmUpSeconds < warmUpSeconds))
            {
                return false;
            }

            for (int i = 0; i < _pixels; i++)
            {
                _scratch[i] = _excess[i];
                _excess[i] = 0;
            }

            float sigma = SigmaPerMeanDeviation * RobustStatistics.Median(_scratch, _pixels);
            Sigma = sigma > noiseFloor ? sigma : noiseFloor;
            _learnedSeconds = _warmUpSeconds;
            IsReady = true;
            return true;
        }

        /// <summary>Fills <see cref="Excess"/> for a frame: pixel minus level minus the common-mode offset.</summary>
        public void Subtract(float[] pixels, float quietSigma)
        {
            // The quiet pixels are those within a band around the last offset, symmetric so that the median is not
            // pushed up or down by noise alone (a one-sided cut drifts the whole model, frame after frame).
            float band = quietSigma * Sigma;
            int quiet = CollectQuiet(pixels, Offset - band, Offset + band);
            if (quiet < _pixels / 4)
            {
                // The whole scene jumped (lights, the sensor's own warm-up): start again from every pixel not
                // next to a blob.
                quiet = CollectQuiet(pixels, float.MinValue, float.MaxValue);
            }

            // A quarter of the view must be quiet for its median to be the room and not the people in it.
            if (quiet >= _pixels / 4)
            {
                Offset = RobustStatistics.Median(_scratch, quiet);
                _quietOffset = Offset;
                _ambientAtQuietOffset = _ambient;
            }
            else if (!float.IsNaN(_ambient) && !float.IsNaN(_ambientAtQuietOffset))
            {
                Offset = _quietOffset + (_ambient - _ambientAtQuietOffset);
            }

            for (int i = 0; i < _pixels; i++)
            {
                _excess[i] = pixels[i] - _level[i] - Offset;
            }
        }

        private int CollectQuiet(float[] pixels, float low, float high)
        {
            int quiet = 0;
            for (int i = 0; i < _pixels; i++)
            {
                float difference = pixels[i] - _level[i];
                if (!_nearBlob[i] && difference >= low && difference <= high)
                {
                    _scratch[quiet++] = difference;
                }
            }

            return quiet;
        }

        /// <summary>
        /// Learns from the last frame, given which blob each pixel belonged to (-1 for none), which blobs were
        /// people, and per blob how much too warm the background under the person on it is, in °C per pixel
        /// (null when nothing is known to be).
        /// </summary>
        public void Learn(int[] pixelBlob, bool[] blobIsPerson, float[] hiddenCooling, float seconds, EngineSettings settings)
        {
            float sigma = Sigma;
            float backgroundSeconds = settings.Get(EngineSettings.BackgroundTimeId);

            // Early on, the levels are running means over everything seen so far: a scene learned from two seconds
            // of warm-up should not take a full time constant to settle.
            _learnedSeconds += seconds;
            float quietRate = seconds / (_learnedSeconds < backgroundSeconds ? _learnedSeconds : backgroundSeconds);
            float colderRate = Rate(seconds, settings.Get(EngineSettings.ColderTimeId));
            float staticRate = Rate(seconds, settings.Get(EngineSettings.StaticHeatTimeId));
            float colderLimit = -settings.Get(EngineSettings.DetectSigmaId) * sigma;
            float learnLimit = settings.Get(EngineSettings.LearnSigmaId) * sigma;
            int quiet = 0;
            for (int b = 0; b < BlobFinder.MaxBlobs; b++)
            {
                _blobPeak[b] = 0;
            }

            for (int i = 0; i < _pixels; i++)
            {
                int blob = pixelBlob[i];
                if (blob >= 0 && _excess[i] > _blobPeak[blob])
                {
                    _blobPeak[blob] = _excess[i];
                }
            }

            for (int i = 0; i < _pixels; i++)
            {
                bool near = IsNearBlob(pixelBlob, i);
                _nearBlob[i] = near;
                float excess = _excess[i];
                int blob = pixelBlob[i];

                // Colder than the background in two frames running: the background is too warm (someone sat
                // there while it was learned, a heater went off). One frame is noise, and at low frame rates fast
                // learning on single noisy frames would drag every level down.
                if (excess < colderLimit)
                {
                    if (_colderFrames[i] < 2)
                    {
                        _colderFrames[i]++;
                    }
                }
                else
                {
                    _colderFrames[i] = 0;
                }

                if (_colderFrames[i] >= 2)
                {
                    _level[i] += excess * colderRate;
                }
                else if (blob >= 0)
                {
                    // A person's blob is not learned, but only their body is theirs: the faint fringe that the
                    // blob holds on to (a monitor left on beside them, a warm desk, whatever is faintly warm and
                    // touches them) is learned as slowly as static heat. Held unlearned for hours, such a fringe
                    // spread the person's blob over half the view, and everyone who sat down in it was taken
                    // for a piece of them (office-day pod-13).
                    if (!blobIsPerson[blob] || excess < PersonFringeShare * _blobPeak[blob])
                    {
                        _level[i] += excess * staticRate;
                    }
                    else if (hiddenCooling != null)
                    {
                        // The floor under the person cooled where it cannot be seen (the sun moved on): taken off
                        // as slowly as static heat is learned, so that a level never moves faster one way than the
                        // other.
                        _level[i] -= hiddenCooling[blob] * staticRate;
                    }
                }
                else if (!near)
                {
                    _scratch[quiet++] = excess < 0 ? -excess : excess;

                    // Quiet pixels learn their excess clipped symmetrically to the learning band, so noise has no
                    // net pull. Beyond the band, the rest of the excess is learned at the static-heat rate, cold as warm: a
                    // heater that creeps up is absorbed before it ever becomes a blob, and noise, symmetric about
                    // the median, pulls neither way. (Learning only the warm side drifted every level up by about
                    // 0.15 °C an hour in an empty room, and a person sitting still since faded by as much.)
                    float clipped = excess > learnLimit ? learnLimit : (excess < -learnLimit ? -learnLimit : excess);
                    _level[i] += (clipped * quietRate) + ((excess - clipped) * staticRate);
                }
            }

            if (quiet >= _pixels / 4)
            {
                float target = SigmaPerMedianDeviation * RobustStatistics.Median(_scratch, quiet);
                float updated = Sigma + ((target - Sigma) * quietRate);
                float floor = settings.Get(EngineSettings.NoiseFloorId);
                Sigma = updated > floor ? updated : floor;
            }

            // The levels hold the scene's shape and the offset its common mode, but the two can trade a constant:
            // the offset is each frame's median, the levels learn a (clipped) mean, and where the noise is skewed
            // (the 0.25 °C steps, a pixel's fixed phase against them) the two differ by a few hundredths of a degree
            // a frame. Integrated, that walked every quiet level by up to a degree in a few hours of an empty room,
            // which the pixels of a person sitting still (not learned) do not take part in: the person faded, or
            // their empty chair glowed. So the quiet levels are anchored to where they stood once settled.
            Anchor(pixelBlob, sigma, backgroundSeconds);
        }

        /// <summary>
        /// Holds the common mode of the quiet levels still. The levels are anchored once they have settled (a few
        /// background time constants after the warm-up, so the anchor is not the warm-up's noise); from then on,
        /// the median of how far the steady quiet levels have moved from their anchors is taken back out of every
        /// quiet level. Steady: within a window around the anchor. A median of the steady ones, not a mean of
        /// all: a radiator cooling, a monitor warming or a sun patch moves a good share of the levels steadily one
        /// way for an hour, and a mean (or any learning that conserves the levels' sum) took that for common mode
        /// and pushed every other level the opposite way; the empty desk next to a cooling radiator glowed at
        /// +0.7 °C after its worker left.
        /// </summary>
        private void Anchor(int[] pixelBlob, float sigma, float backgroundSeconds)
        {
            if (!_anchored)
            {
                if (_learnedSeconds < AnchorAfterTimeConstants * backgroundSeconds)
                {
                    return;
                }

                for (int i = 0; i < _pixels; i++)
                {
                    _anchor[i] = _level[i];
                }

                _anchored = true;
                return;
            }

            float window = AnchorWindowSigmas * sigma;
            int steady = 0;
            for (int i = 0; i < _pixels; i++)
            {
                float moved = _level[i] - _anchor[i];
                if (IsQuietLevel(pixelBlob, i) && moved <= window && moved >= -window)
                {
                    _scratch[steady++] = moved;
                }
            }

            if (steady < _pixels / 4)
            {
                return;
            }

            float common = RobustStatistics.Median(_scratch, steady);
            for (int i = 0; i < _pixels; i++)
            {
                if (IsQuietLevel(pixelBlob, i))
                {
                    _level[i] -= common;
                }
            }
        }

        private bool IsQuietLevel(int[] pixelBlob, int i)
        {
            return _colderFrames[i] < 2 && pixelBlob[i] < 0 && !_nearBlob[i];
        }

        internal static float Rate(float seconds, float timeConstant)
        {
            float rate = seconds / timeConstant;
            return rate < 1f ? rate : 1f;
        }

        private bool IsNearBlob(int[] pixelBlob, int pixel)
        {
            int row = pixel / _width;
            int column = pixel - (row * _width);
            for (int r = row - 1; r <= row + 1; r++)
            {
                if (r < 0 || r >= _height)
                {
                    continue;
                }

                for (int c = column - 1; c <= column + 1; c++)
                {
                    if (c >= 0 && c < _width && pixelBlob[(r * _width) + c] >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
