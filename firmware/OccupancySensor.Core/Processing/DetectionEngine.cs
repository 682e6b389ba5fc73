using OccupancySensor.Configuration;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// The processing chain of one unit, in the order a frame flows:
    /// background and steady-pixel averaging (Background/) → warm regions and blobs (Blobs/) → tracks, people and door crossings (Tracking/)
    /// → presence per zone with the PIR fused in (Presence/) → occupancy alerts (Alerts/), and what the tracks
    /// learned flows back into the background. Frame timing comes from the frames' timestamps, so 1, 2.4, 10 or
    /// 16 frames a second all work. Everything is allocated here, from the frame size and the zone count;
    /// processing a frame allocates nothing.
    /// </summary>
    public sealed class DetectionEngine
    {
        // Gaps longer than this (a sensor fault, a paused replay) are learned as if they were this long.
        private const float LongestFrameGapSeconds = 5f;
        private const float ShortestFrameGapSeconds = 0.001f;

        // The automatic tracking gate: 2.5 pixels suits an 8x8 array at 10 frames a second (a walker moves about one
        // pixel a frame); finer arrays and slower rates see more pixels of movement per frame.
        private const float GateAt8PixelsAnd10Fps = 2.5f;
        private const float GateMinimum = 1.5f;

        private readonly int _width;
        private readonly int _height;
        private readonly ZoneConfiguration[] _zones;
        private readonly EngineSettings _settings = new EngineSettings();
        private readonly BackgroundModel _background;
        private readonly SteadyPixelFilter _steady;
        private readonly BlobFinder _blobs;
        private readonly PeopleTracker _tracker;
        private readonly DoorCounter _door = new DoorCounter();
        private readonly ZonePresence _presence;
        private readonly OccupancyAlerts _alerts;
        private DoorLine _doorLine;
        private bool _calibrated;
        private bool _started;

        // Time constants of the steady filter a faint still person needs to stand out, at the start of detection.
        private const float StartSettleTimeConstants = 5f;
        private bool _hasFrame;
        private long _lastFrameAt;
        private float _frameSeconds = 0.1f;

        /// <summary>
        /// Builds the chain for frames of <paramref name="width"/> x <paramref name="height"/> (0 x 0 for a unit
        /// with a PIR only), the given zones, door line and settings (which must be valid).
        /// </summary>
        public DetectionEngine(int width, int height, ZoneConfiguration[] zones, DoorLine door, EngineSettings settings)
        {
            _width = width;
            _height = height;
            _zones = zones;
            HasThermal = width > 0 && height > 0;
            if (HasThermal)
            {
                _background = new BackgroundModel(width, height);
                _steady = new SteadyPixelFilter(width * height);
                _blobs = new BlobFinder(width, height);
                _tracker = new PeopleTracker(width, height);
                _tracker.JudgeWarmthOn(_steady.Average);
                _tracker.JudgeArrivalsOn(_steady.RiseFrom);
            }

            _presence = new ZonePresence(zones, HasThermal);
            _alerts = new OccupancyAlerts(zones.Length + 1);
            _doorLine = door;
            string problem = ApplySettings(settings);
            if (problem != null)
            {
                throw new System.ArgumentException(problem, "settings");
            }
        }

        /// <summary>Whether the unit has a thermal array.</summary>
        public bool HasThermal { get; private set; }

        /// <summary>Bytes the chain preallocated.</summary>
        public int AllocatedBytes
        {
            get
            {
                int bytes = _presence.AllocatedBytes + _alerts.AllocatedBytes + (EngineSettings.Count * 4) + 24;
                if (HasThermal)
                {
                    bytes += _background.AllocatedBytes + _steady.AllocatedBytes + _blobs.AllocatedBytes + _tracker.AllocatedBytes;
                }

                return bytes;
            }
        }

        /// <summary>The background stage.</summary>
        public BackgroundModel Background
        {
            get { return _background; }
        }

        /// <summary>The blob stage.</summary>
        public BlobFinder Blobs
        {
            get { return _blobs; }
        }

        /// <summary>The tracking stage.</summary>
        public PeopleTracker Tracker
        {
            get { return _tracker; }
        }

        /// <summary>The door counter.</summary>
        public DoorCounter Door
        {
            get { return _door; }
        }

        /// <summary>The presence stage.</summary>
        public ZonePresence Presence
        {
            get { return _presence; }
        }

        /// <summary>The alert stage (channel z for zone z, the last channel for the area behind the door).</summary>
        public OccupancyAlerts Alerts
        {
            get { return _alerts; }
        }

        /// <summary>Whether anyone is in view (thermal or PIR, with the hold time).</summary>
        public bool ViewOccupied
        {
            get { return _presence.ViewOccupied; }
        }

        /// <summary>
        /// The people count: with a door line, the people in the area behind it; without, the people in view.
        /// </summary>
        public int PeopleCount
        {
            get { return _doorLine.IsSet ? _door.People : _presence.ViewPeople; }
        }

        /// <summary>
        /// Takes new settings. Invalid ones are refused with the reason, and the settings in force stay.
        /// </summary>
        public string ApplySettings(EngineSettings settings)
        {
            string problem = settings.Validate();
            if (problem != null)
            {
                return problem;
            }

            _settings.CopyFrom(settings);
            if (HasThermal)
            {
                _tracker.SetDoor(_doorLine, _settings.Get(EngineSettings.DoorMarginId));
            }

            return null;
        }

        /// <summary>Learns a frame of the empty scene, as a technician's calibration does, before any detection.</summary>
        public void Calibrate(ThermalFrame frame)
        {
            if (!HasThermal)
            {
                return;
            }

            float seconds = FrameGap(frame.TimestampMilliseconds);
            if (!_calibrated)
            {
                _background.Reset();
                _steady.Reset();
                _calibrated = true;
            }

            _background.AddEmptyFrame(frame.Pixels, seconds);

            // Detection starts afresh: the first real frame's gap is not the calibration's.
            _hasFrame = false;
        }

        /// <summary>Runs one thermal frame through the chain.</summary>
        public void AcceptFrame(ThermalFrame frame, IReadingSink sink)
        {
            if (!HasThermal)
            {
                return;
            }

            long now = frame.TimestampMilliseconds;
            float seconds = FrameGap(now);
            if (!_background.IsReady)
            {
                if (!_calibrated)
                {
                    _background.AddEmptyFrame(frame.Pixels, seconds);
                }

                bool force = _calibrated;
                _background.TryFinishWarmUp(_settings.Get(EngineSettings.WarmUpId), _settings.Get(EngineSettings.NoiseFloorId), force);
                if (!_calibrated)
                {
                    return;
                }
            }

            if (!_started)
            {
                _started = true;
                if (_calibrated)
                {
                    // Whatever is warm over the calibrated empty scene at the start arrived unseen; the steady
                    // filter needs a few time constants to lift a faint still person, so the window allows that.
                    float settle = _settings.Get(EngineSettings.OnsetId) + (StartSettleTimeConstants * _settings.Get(EngineSettings.SteadyTimeId));
                    _tracker.TreatPresentAtStartAsPeople(now + (long)(settle * 1000f));
                }
            }

            _background.Subtract(frame.Pixels, _settings.Get(EngineSettings.DetectSigmaId));
            float sigma = _background.Sigma;
            float peakSigma = _settings.Get(EngineSettings.PeakSigmaId);
            float holdSigma = _settings.Get(EngineSettings.HoldSigmaId);
            float minimumPeak = _settings.Get(EngineSettings.MinPeakId);
            float peak = peakSigma * sigma > minimumPeak ? peakSigma * sigma : minimumPeak;
            float holdPeak = peak * holdSigma / peakSigma;
            // The steady filter always runs: its quiet and jump times judge who is a person. Its averaged score is
            // for units that hold people sitting still (desks, rooms), where a faint still person matters more than a
            // walker's fringe; a door unit follows walkers frame by frame on the raw excess.
            _steady.Update(_background.Excess, sigma, now, seconds, _settings);
            float[] score = _doorLine.IsSet ? _background.Excess : _steady.Score;

            _blobs.Find(
                score,
                _settings.Get(EngineSettings.DetectSigmaId) * sigma,
                peak,
                holdPeak,
                _settings.Get(EngineSettings.SplitSigmaId) * sigma,
                _tracker.Sticky);

            _tracker.Update(_blobs, _steady.QuietAt, _steady.JumpAt, now, seconds, _settings.Get(EngineSettings.ConfirmMassId) * peak, Gate(), _settings);
            if (_tracker.NewIn > 0 || _tracker.NewOut > 0)
            {
                _door.Add(_tracker.NewIn, _tracker.NewOut);
                sink.Accept(Reading.InOutTotals(now, -1, _door.In, _door.Out));
            }

            _background.Learn(_blobs.PixelBlob, _tracker.BlobIsPerson, _tracker.BlobHiddenCooling, seconds, _settings);
            _presence.AcceptTracks(_tracker, now, sink);
            Evaluate(now, sink);
        }

        /// <summary>Takes one PIR trigger (a rising edge).</summary>
        public void AcceptMotion(long now, IReadingSink sink)
        {
            if (HasThermal)
            {
                _tracker.MotionSeen(now);
            }

            _presence.AcceptMotion(now, sink);
        }

        /// <summary>Takes the ambient temperature in °C (the BME280), used when people fill most of the view.</summary>
        public void AcceptAmbient(float celsius)
        {
            if (HasThermal)
            {
                _background.AcceptAmbient(celsius);
            }
        }

        /// <summary>Applies hold times, area zeroing and alerts; called every loop pass and after every frame.</summary>
        public void Evaluate(long now, IReadingSink sink)
        {
            long hold = (long)(_settings.Get(EngineSettings.VacantHoldId) * 1000f);
            _presence.Evaluate(now, hold, sink);
            if (_doorLine.IsSet && _settings.Get(EngineSettings.AreaInViewId) > 0.5f && !_presence.ViewOccupied &&
                _door.People > 0)
            {
                _door.AreaSeenEmpty();
            }

            for (int z = 0; z < _zones.Length; z++)
            {
                _alerts.Update(z, z, _presence.PeopleIn(z), _zones[z].Capacity, now, _settings, sink);
            }

            int area = _doorLine.IsSet ? _door.People : _presence.ViewPeople;
            _alerts.Update(_zones.Length, -1, area, (int)_settings.Get(EngineSettings.AreaCapacityId), now, _settings, sink);
        }

        /// <summary>Emits the periodic counts: every zone, and the door totals when there is a door line.</summary>
        public void Report(long now, IReadingSink sink)
        {
            for (int z = 0; z < _zones.Length; z++)
            {
                int people = _presence.PeopleIn(z);
                if (people == 0 && _presence.IsOccupied(z) && _presence.HasUnseenMotion(z))
                {
                    // Occupied on PIR motion the thermal view does not show: at least one. Within the vacant hold
                    // after the thermal view saw everyone go, the count is the thermal view's: nobody.
                    people = 1;
                }

                sink.Accept(Reading.PeriodicCount(now, z, people));
            }

            if (_doorLine.IsSet)
            {
                sink.Accept(Reading.InOutTotals(now, -1, _door.In, _door.Out));
                sink.Accept(Reading.PeriodicCount(now, -1, _door.People));
            }
        }

        private float FrameGap(long now)
        {
            float seconds = _hasFrame ? (now - _lastFrameAt) / 1000f : _frameSeconds;
            _hasFrame = true;
            _lastFrameAt = now;
            if (seconds < ShortestFrameGapSeconds)
            {
                seconds = ShortestFrameGapSeconds;
            }
            else if (seconds > LongestFrameGapSeconds)
            {
                seconds = LongestFrameGapSeconds;
            }

            // The frame period (for the automatic gate) follows the timestamps, slowly, so one late frame is no jolt.
            _frameSeconds += (seconds - _frameSeconds) * 0.1f;
            return seconds;
        }

        private float Gate()
        {
            float configured = _settings.Get(EngineSettings.TrackGateId);
            if (configured > 0)
            {
                return configured;
            }

            int size = _width > _height ? _width : _height;
            float gate = GateAt8PixelsAnd10Fps * (_width / 8f) * (_frameSeconds / 0.1f);
            float maximum = size / 2f;
            return gate < GateMinimum ? GateMinimum : (gate > maximum ? maximum : gate);
        }
    }
}
