namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: blobs followed from frame to frame as tracks, and each track judged: is it a person, and did it
    /// cross the door line? Matching is greedy nearest-first within a gate around each track's predicted position,
    /// confirmed tracks first. Two people who merge into one blob keep both their tracks on it (the blob is shared)
    /// until it splits again; a new blob next to a shared one takes one of the tracks back. A track new in a
    /// blob that a track owned last frame inherits that track's side of the door, so a person who briefly splits
    /// in two is not counted twice. A person's track stays on the blob that holds their warmest pixel of the last
    /// frame when that blob is clearly the warmest in reach, and of two tracks on a blob too light for both, the one
    /// holding the blob's warmest pixel stays: a seated person's head does not move when their blob merges with a
    /// drink or a warm patch beside them and splits again.
    /// A track counts crossings once it is confirmed (its blob alone reached the confirmation mass twice);
    /// crossings it made before are counted then. It is a person when it appeared suddenly (people walk in;
    /// monitors and radiators warm over minutes) or once it has moved; a track split off a person's blob must
    /// move. When a split-off walks away carrying a person's worth of heat, the track left behind is no longer a
    /// person (the chair and the monitor stay warm); neither is a track that has neither moved nor been seen by
    /// the PIR for the still limit. Tracks that are not people are heat sources: they never count as
    /// occupancy, and the background absorbs them. Someone sitting down on a seat still warm is a person all the
    /// same: a newcomer whose warmest pixel jumped to more than twice what it was, and the track a leaver's warm seat
    /// kept once the seat is suddenly back at their warmth. A person whose track went with something warm that split
    /// off their blob is the piece left behind: it takes over when the track on the warm thing goes cold.
    /// Fixed arrays for <see cref="MaxTracks"/> tracks; updating allocates nothing.
    /// </summary>
    public sealed class PeopleTracker
    {
        /// <summary>Tracks followed at most.</summary>
        public const int MaxTracks = 16;

        // Confirmation: the blob alone at the confirmation mass in this many frames (the birth frame included).
        private const int ConfirmFrames = 2;

        // A person who moved less than this share of person_move_px has not moved: sitting still with noise.
        private const float StillWobble = 0.5f;

        // Smoothing of the per-frame velocity used for prediction, and of the remembered blob mass.
        private const float VelocitySmoothing = 0.5f;
        private const float MassSmoothing = 0.3f;

        // A shared blob lighter than its tracks' masses minus half the lightest one has fewer people in it.
        private const float DuplicateMassShare = 0.5f;

        private readonly int _width;
        private readonly int _height;
        private readonly int _pixels;
        private readonly bool[] _live = new bool[MaxTracks];
        private readonly bool[] _confirmed = new bool[MaxTracks];
        private readonly bool[] _person = new bool[MaxTracks];
        private readonly bool[] _splitBorn = new bool[MaxTracks];
        private readonly bool[] _heatPiece = new bool[MaxTracks];
        private readonly int[] _id = new int[MaxTracks];
        private readonly int[] _blob = new int[MaxTracks];

        // The warmest pixel of the track's blob in the last frame, if it had the blob alone or its own warmest pixel
        // is still the shared blob's (-1 otherwise); and the blob of this frame the track is held to by it (-1: none).
        private readonly int[] _peakPixel = new int[MaxTracks];
        private readonly int[] _heldBlob = new int[MaxTracks];
        private readonly int[] _age = new int[MaxTracks];
        private readonly int[] _missFrames = new int[MaxTracks];
        private readonly float[] _missSeconds = new float[MaxTracks];
        private readonly int[] _side = new int[MaxTracks];
        private readonly int[] _pending = new int[MaxTracks];
        private readonly float[] _x = new float[MaxTracks];
        private readonly float[] _y = new float[MaxTracks];
        private readonly float[] _vx = new float[MaxTracks];
        private readonly float[] _vy = new float[MaxTracks];
        private readonly float[] _mass = new float[MaxTracks];
        private readonly float[] _lastMass = new float[MaxTracks];
        private readonly float[] _anchorX = new float[MaxTracks];
        private readonly float[] _anchorY = new float[MaxTracks];
        private readonly long[] _bornAt = new long[MaxTracks];
        private readonly long[] _lastMotionAt = new long[MaxTracks];

        // When the track's blob last moved by itself (the PIR not counted): a track settled in one place for
        // a while follows its blob within the settled gate only.
        private readonly long[] _lastMovedAt = new long[MaxTracks];
        private readonly float[] _settleX = new float[MaxTracks];

        // A person's usual blob mass and the usual warmth of their spot, and since when the spot has been cool.
        private readonly float[] _refMass = new float[MaxTracks];
        private readonly float[] _refSpot = new float[MaxTracks];
        // The person's own warmth: the lowest their usual spot has been since they settled (a sun patch moving in
        // under them only adds to it), and the spot when they settled.
        private readonly float[] _ownSpot = new float[MaxTracks];
        private readonly float[] _settledSpot = new float[MaxTracks];
        private readonly float[] _blobHiddenCooling = new float[BlobFinder.MaxBlobs];
        private readonly long[] _coolSince = new long[MaxTracks];

        // A person judged gone whose track stayed on the warmth of their seat, and since when the seat has been as
        // warm as with them on it (long.MinValue: it is not).
        private readonly bool[] _leftSeat = new bool[MaxTracks];
        private readonly long[] _backSince = new long[MaxTracks];
        private readonly long[] _spotWarmAt = new long[MaxTracks];
        private readonly float[] _settleY = new float[MaxTracks];
        private readonly long[] _movingSince = new long[MaxTracks];
        private readonly int[] _parentId = new int[MaxTracks];
        private readonly float[] _parentMassBefore = new float[MaxTracks];
        private readonly int[] _blobTracks = new int[BlobFinder.MaxBlobs];
        private readonly bool[] _blobTaken = new bool[BlobFinder.MaxBlobs];
        private readonly bool[] _blobIsPerson = new bool[BlobFinder.MaxBlobs];
        private readonly int[] _blobOwner = new int[BlobFinder.MaxBlobs];
        private readonly int[] _ownerId;
        private readonly int[] _ownerSide;
        private readonly float[] _ownerMass;
        private readonly bool[] _sticky;
        private float[] _levels;
        private float[] _riseFrom;
        private int _nextId = 1;
        private float _gate;
        private float _settledGate;
        private long _now;
        private float _doorPosition;
        private float _doorMargin;
        private bool _doorAlongColumns;
        private bool _doorSet;
        private int _inSign = 1;
        private long _presentAtStartUntil = long.MinValue;
        private long[] _quietAt;
        private long[] _jumpAt;
        private int[] _pixelBlob;

        // Movement shows as pixels jumping: a track has moved only if its blob had a jump this recently.
        private const long RecentJumpMilliseconds = 2000;

        // A warm object that moved must still be away from where it was this long later to be taken for a person.
        private const long SustainedMoveMilliseconds = 3000;

        /// <summary>Creates the tracker for frames of <paramref name="width"/> x <paramref name="height"/>.</summary>
        public PeopleTracker(int width, int height)
        {
            _width = width;
            _height = height;
            _pixels = width * height;
            _ownerId = new int[_pixels];
            _ownerSide = new int[_pixels];
            _ownerMass = new float[_pixels];
            _sticky = new bool[_pixels];
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return (_pixels * 13) + (MaxTracks * ((4 * 25) + (8 * 7) + 6)) + (BlobFinder.MaxBlobs * 14); }
        }

        /// <summary>In crossings counted by the last update.</summary>
        public int NewIn { get; private set; }

        /// <summary>Out crossings counted by the last update.</summary>
        public int NewOut { get; private set; }

        /// <summary>Pixels of people in the last frame: the blob finder holds them with the lower threshold.</summary>
        public bool[] Sticky
        {
            get { return _sticky; }
        }

        /// <summary>Per blob of the last frame: whether a person's track was on it.</summary>
        public bool[] BlobIsPerson
        {
            get { return _blobIsPerson; }
        }

        /// <summary>
        /// Per blob of the last frame: how much too warm the background under the seated person on it is, in °C per
        /// pixel: 0 unless the person's warmth sank slowly to under half of what it was when they settled.
        /// </summary>
        public float[] BlobHiddenCooling
        {
            get { return _blobHiddenCooling; }
        }

        /// <summary>Live person tracks, each one person.</summary>
        public int People
        {
            get
            {
                int people = 0;
                for (int t = 0; t < MaxTracks; t++)
                {
                    if (_live[t] && _person[t])
                    {
                        people++;
                    }
                }

                return people;
            }
        }

        /// <summary>Whether slot <paramref name="track"/> holds a person.</summary>
        public bool IsPerson(int track)
        {
            return _live[track] && _person[track];
        }

        /// <summary>
        /// Whether slot <paramref name="track"/> holds a person whose spot has gone cold as when someone gets up and
        /// goes: still a person while the tracker judges it (seconds), but no longer evidence that they are there.
        /// </summary>
        public bool MayHaveLeft(int track)
        {
            return _live[track] && _person[track] && _coolSince[track] != long.MinValue;
        }

        /// <summary>Whether slot <paramref name="track"/> holds a track at all.</summary>
        public bool IsLive(int track)
        {
            return _live[track];
        }

        /// <summary>Whether slot <paramref name="track"/> is confirmed (it counts crossings).</summary>
        public bool IsConfirmed(int track)
        {
            return _live[track] && _confirmed[track];
        }

        /// <summary>Centroid column of track <paramref name="track"/>.</summary>
        public float ColumnOf(int track)
        {
            return _x[track];
        }

        /// <summary>Centroid row of track <paramref name="track"/>.</summary>
        public float RowOf(int track)
        {
            return _y[track];
        }

        /// <summary>Sets the door line (or none) that crossings are counted at.</summary>
        public void SetDoor(DoorLine door, float margin)
        {
            _doorSet = door.IsSet;
            _doorAlongColumns = door.AlongColumns;
            _doorPosition = door.Position;
            _doorMargin = margin;
            _inSign = door.Reversed ? -1 : 1;
        }

        /// <summary>
        /// Over a calibrated empty scene, warm objects already there when detection starts are people (they arrived
        /// while the unit was not looking); a track born up to <paramref name="until"/> is judged so.
        /// </summary>
        public void TreatPresentAtStartAsPeople(long until)
        {
            _presentAtStartUntil = until;
        }

        /// <summary>
        /// Per pixel, the level a person's warmth is judged on while they sit (°C, the steady filter's averaged
        /// excess); without it, the excess the blobs were found in.
        /// </summary>
        public void JudgeWarmthOn(float[] levels)
        {
            _levels = levels;
        }

        /// <summary>
        /// Per pixel, the level (°C, as in <see cref="JudgeWarmthOn"/>) it had before its latest run of jumps: a
        /// newcomer is sudden when their warmest pixel jumped to more than twice that, whether it was quiet or not.
        /// </summary>
        public void JudgeArrivalsOn(float[] riseFrom)
        {
            _riseFrom = riseFrom;
        }

        /// <summary>Forgets every track.</summary>
        public void Reset()
        {
            for (int t = 0; t < MaxTracks; t++)
            {
                _live[t] = false;
            }

            for (int i = 0; i < _pixels; i++)
            {
                _ownerId[i] = 0;
                _sticky[i] = false;
            }

            NewIn = 0;
            NewOut = 0;
        }

        /// <summary>The PIR saw motion: every person in view shows life (it cannot say where).</summary>
        public void MotionSeen(long now)
        {
            for (int t = 0; t < MaxTracks; t++)
            {
                if (_live[t] && _person[t])
                {
                    _lastMotionAt[t] = now;
                }
            }
        }

        /// <summary>
        /// Follows the blobs of one frame taken at <paramref name="now"/>, <paramref name="seconds"/> after the
        /// previous one. <paramref name="confirmMass"/> is in °C·pixels, <paramref name="gate"/> in pixels.
        /// </summary>
        public void Update(BlobFinder blobs, long[] quietAt, long[] jumpAt, long now, float seconds, float confirmMass, float gate, EngineSettings settings)
        {
            _quietAt = quietAt;
            _jumpAt = jumpAt;
            _pixelBlob = blobs.PixelBlob;
            NewIn = 0;
            NewOut = 0;
            _gate = gate;
            _now = now;
            float settled = SettledGateAt8Pixels * _width / 8f;
            _settledGate = settled < gate ? settled : gate;
            int count = blobs.Count;
            for (int b = 0; b < count; b++)
            {
                _blobTracks[b] = 0;
                _blobTaken[b] = false;
            }

            for (int t = 0; t < MaxTracks; t++)
            {
                _blob[t] = -1;
            }

            FindHeldBlobs(blobs, count);
            Match(blobs, count);
            Follow(blobs, now, seconds, confirmMass, settings);
            DropDuplicates(blobs, count);
            Birth(blobs, count, now);
            Remember(blobs, count);
        }

        private float Distance2(int t, BlobFinder blobs, int b)
        {
            if (b == _heldBlob[t])
            {
                return 0f;
            }

            float ahead = 1 + _missFrames[t];
            float dx = blobs.ColumnOf(b) - _x[t] - (_vx[t] * ahead);
            float dy = blobs.RowOf(b) - _y[t] - (_vy[t] * ahead);
            return (dx * dx) + (dy * dy);
        }

        // A person's warmest part (their head) stays put when their blob merges with something put down beside them
        // and splits from it again, while the centroid jumps: the blob that still holds it is theirs, when it is
        // clearly the warmest within their gate. The velocity of the merged centroid carried a person who sat down
        // with a hot drink onto the drink (heat-sources seed 7). Not when the other part is about as warm: then the
        // warmest pixel of the merged blob may have been the other part's (a warm object beside a seated person).
        private const float HeldPeakRatio = 1.5f;

        private void FindHeldBlobs(BlobFinder blobs, int count)
        {
            for (int t = 0; t < MaxTracks; t++)
            {
                _heldBlob[t] = -1;
                if (!_live[t] || !_person[t] || _peakPixel[t] < 0)
                {
                    continue;
                }

                int held = blobs.PixelBlob[_peakPixel[t]];
                if (held < 0)
                {
                    continue;
                }

                float gate = GateOf(t);
                float warmest = blobs.PeakOf(held);
                bool clear = true;
                for (int b = 0; b < count && clear; b++)
                {
                    clear = b == held || Distance2(t, blobs, b) >= gate * gate || blobs.PeakOf(b) * HeldPeakRatio <= warmest;
                }

                _heldBlob[t] = clear ? held : -1;
            }
        }

        private void Match(BlobFinder blobs, int count)
        {
            // Greedy nearest pairs inside the gate: confirmed tracks first, so a new noise track never steals a person.
            for (int pass = 0; pass < 2; pass++)
            {
                while (true)
                {
                    float best = _gate * _gate;
                    int bestTrack = -1;
                    int bestBlob = -1;
                    for (int t = 0; t < MaxTracks; t++)
                    {
                        if (!_live[t] || _blob[t] >= 0 || _confirmed[t] != (pass == 0))
                        {
                            continue;
                        }

                        float limit = GateOf(t);
                        limit *= limit;
                        for (int b = 0; b < count; b++)
                        {
                            float d = _blobTaken[b] ? best : Distance2(t, blobs, b);
                            if (d < best && d < limit)
                            {
                                best = d;
                                bestTrack = t;
                                bestBlob = b;
                            }
                        }
                    }

                    if (bestTrack < 0)
                    {
                        break;
                    }

                    _blob[bestTrack] = bestBlob;
                    _blobTaken[bestBlob] = true;
                    _blobTracks[bestBlob]++;
                }
            }

            // Merged: a confirmed track left over follows a blob in its gate, or the blob under its predicted spot.
            for (int t = 0; t < MaxTracks; t++)
            {
                if (!_live[t] || _blob[t] >= 0 || !_confirmed[t])
                {
                    continue;
                }

                float best = GateOf(t);
                best *= best;
                int bestBlob = -1;
                for (int b = 0; b < count; b++)
                {
                    float d = Distance2(t, blobs, b);
                    if (d < best)
                    {
                        best = d;
                        bestBlob = b;
                    }
                }

                if (bestBlob < 0 && _missFrames[t] == 0)
                {
                    int column = Clamp((int)(_x[t] + _vx[t] + 0.5f), _width);
                    int row = Clamp((int)(_y[t] + _vy[t] + 0.5f), _height);
                    bestBlob = blobs.PixelBlob[(row * _width) + column];
                }

                if (bestBlob >= 0)
                {
                    _blob[t] = bestBlob;
                    _blobTracks[bestBlob]++;
                }
            }

            // Split: a blob nobody took takes a track back from a shared blob nearby.
            for (int b = 0; b < count; b++)
            {
                if (_blobTaken[b])
                {
                    continue;
                }

                // Within twice the gate, but never further than a person's width or so: at 1 fps the gate is half
                // the view, and a radiator warming at the far edge is no part of the people sharing a blob.
                float reach = 2 * _gate;
                float widest = SplitReachAt8Pixels * _width / 8f;
                if (reach > widest)
                {
                    reach = widest;
                }

                float best = reach * reach;
                int bestTrack = -1;
                for (int t = 0; t < MaxTracks; t++)
                {
                    // Not from this very blob: tracks that joined it only in the merged pass (none took it in the
                    // greedy pass) already share it, and handing one of them "back" reset its count to one, so both
                    // followed it as if alone.
                    if (_live[t] && _blob[t] >= 0 && _blob[t] != b && _blobTracks[_blob[t]] >= 2)
                    {
                        // Tracks at the same spot: the blob splitting off takes a heat source's track before a
                        // person's, so a person's track is never handed to something warm appearing nearby.
                        // A settled track is not handed further than it is looked for (the settled gate): a former
                        // person's track, heat since they left, was handed to something warm appearing 1.8 pixels
                        // from their chair, and its drift there passed for the person moving (heat-sources seed 3).
                        float d = Distance2(t, blobs, b) + (_person[t] ? SplitPersonPenalty : 0f);
                        if (d < best && (!IsSettled(t) || d < _settledGate * _settledGate))
                        {
                            best = d;
                            bestTrack = t;
                        }
                    }
                }

                if (bestTrack >= 0)
                {
                    _blobTracks[_blob[bestTrack]]--;
                    _blob[bestTrack] = b;
                    _blobTaken[b] = true;
                    _blobTracks[b] = 1;
                }
            }
        }

        // A track settled in one place (confirmed, its blob not moving for SettledMilliseconds) is looked for this
        // close (pixels of an 8-pixel-wide view). At 1 fps the gate is half the view, because a walker crosses it
        // in a few frames; but a person sitting still, a monitor or a radiator does not leap three pixels from one
        // frame to the next, and with the full gate their tracks swapped blobs whenever one flickered below the
        // threshold (a person's track jumped onto the monitor beside them, or a heat source's track hopped between
        // a radiator's glow and a sun patch and passed for a person moving). Someone settled who gets up and walks
        // off leaves their track behind for the miss rules; their walking blob is a new track.
        private const float SettledGateAt8Pixels = 1.5f;
        private const long SettledMilliseconds = 10000;

        // A centroid that wanders less than this (pixels of an 8-pixel-wide view) from where it settled is still
        // settled: noise and the outline's churn move a still person's centroid by half a pixel.
        private const float SettledRadiusAt8Pixels = 1f;

        private void Settle(int t, float column, float row, long now)
        {
            float dx = column - _settleX[t];
            float dy = row - _settleY[t];
            float radius = SettledRadiusAt8Pixels * _width / 8f;
            if ((dx * dx) + (dy * dy) > radius * radius)
            {
                _settleX[t] = column;
                _settleY[t] = row;
                _lastMovedAt[t] = now;
            }
        }

        private bool IsSettled(int t)
        {
            return _confirmed[t] && _now - _lastMovedAt[t] > SettledMilliseconds;
        }

        private float GateOf(int t)
        {
            return IsSettled(t) ? _settledGate : _gate;
        }

        // A blob splitting off a shared one is at most this far (pixels of an 8-pixel-wide view) from it.
        private const float SplitReachAt8Pixels = 3f;

        // Tie-break between tracks at the same spot when a blob splits off, in squared pixels.
        private const float SplitPersonPenalty = 0.01f;

        // Frames within which a newcomer's warmest pixel must have been background for the newcomer to be sudden.
        // Six at 1 fps: someone walking in along the edge of the view warms the edge pixels (partly covered) for a
        // second or two before they step in, and the warmest pixel at confirmation was not quiet in the last four
        // (doorway-rush seed 2: a worker arriving with a colleague was taken for heat and missed for 100 min).
        private const int OnsetFrames = 6;

        private void Follow(BlobFinder blobs, long now, float seconds, float confirmMass, EngineSettings settings)
        {
            float keepMoving = settings.Get(EngineSettings.TrackKeepId);
            float keepStill = settings.Get(EngineSettings.StillKeepId);
            float move = settings.Get(EngineSettings.PersonMoveId);
            long onset = (long)(settings.Get(EngineSettings.OnsetId) * 1000f);

            // At the AMG8833's 1 fps a person walking in at the edge of the view can take three frames to gather
            // the mass to be confirmed: the onset window is never shorter than OnsetFrames frame periods.
            long onsetFrames = (long)(OnsetFrames * seconds * 1000f);
            if (onset < onsetFrames)
            {
                onset = onsetFrames;
            }

            long stillLimit = (long)(settings.Get(EngineSettings.StillLimitId) * 1000f);
            for (int b = 0; b < BlobFinder.MaxBlobs; b++)
            {
                _blobHiddenCooling[b] = 0;
            }

            for (int t = 0; t < MaxTracks; t++)
            {
                if (!_live[t])
                {
                    continue;
                }

                int b = _blob[t];
                if (b < 0)
                {
                    _missFrames[t]++;
                    _missSeconds[t] += seconds;

                    // A person who has sat still a while may fade for a moment (noise, a turned head) and is kept;
                    // one who was just moving has walked out of view. Settled in one place is still, whatever the PIR
                    // saw: a fidget fires it, and a faint worker whose blob dropped out for a frame just after was let
                    // go at once. The frames without their blob are judged as a spot gone cold, so one who got up
                    // and went is not kept by the warm seat their track finds again.
                    bool still = _person[t] && (now - _lastMotionAt[t] >= (long)(keepStill * 1000f) || IsSettled(t));
                    if (still)
                    {
                        JudgeLeaving(t, 0f, 0f, now, seconds);
                    }

                    if (_missSeconds[t] > (still ? keepStill : keepMoving))
                    {
                        _live[t] = false;
                    }

                    continue;
                }

                float column = blobs.ColumnOf(b);
                float row = blobs.RowOf(b);
                bool alone = _blobTracks[b] == 1;
                if (alone)
                {
                    float steps = 1 + _missFrames[t];
                    _vx[t] = (VelocitySmoothing * _vx[t]) + ((1 - VelocitySmoothing) * (column - _x[t]) / steps);
                    _vy[t] = (VelocitySmoothing * _vy[t]) + ((1 - VelocitySmoothing) * (row - _y[t]) / steps);
                    _mass[t] += (blobs.MassOf(b) - _mass[t]) * MassSmoothing;
                    if (!_confirmed[t] && blobs.MassOf(b) >= confirmMass && ++_age[t] >= ConfirmFrames)
                    {
                        Confirm(t, blobs.PeakPixelOf(b), column, row, now, onset);
                    }
                }

                // A settled track sharing a blob stays where it was: the shared centroid lies between the two
                // (a person and the monitor their blob touched), and tracks moved there swapped their blobs at
                // random when the blob split again. A moving track follows the shared blob, so that people walking
                // through the door together are still counted.
                if (alone || !IsSettled(t))
                {
                    _x[t] = column;
                    _y[t] = row;
                    Settle(t, column, row, now);
                }

                _missFrames[t] = 0;
                _missSeconds[t] = 0;
                _lastMass[t] = blobs.MassOf(b);
                if (_confirmed[t] && alone)
                {
                    JudgeMotion(t, blobs, b, column, row, now, move, stillLimit);
                    float spot = blobs.MassNear(_levels != null ? _levels : blobs.Excess, b, _x[t], _y[t]);
                    float mass = blobs.MassOf(b);
                    JudgeReturn(t, blobs, b, mass, spot, now);
                    JudgeLeaving(t, mass, spot, now, seconds);
                    JudgeFading(t, b, spot, blobs.SizeOf(b));
                }

                CountCrossing(t);
            }
        }

        private void Confirm(int t, int peakPixel, float column, float row, long now, long onset)
        {
            _confirmed[t] = true;
            if (_pending[t] != 0)
            {
                Crossed(_pending[t]);
            }

            _pending[t] = 0;
            // Sudden: the warmest pixel jumped moments ago (the confirmation frames themselves allowed for) to at
            // least twice the level it had before (see Rose). A pixel not quiet since the filter started
            // (long.MinValue: its history is unknown, as for someone who walked in while detection started) counts as
            // sudden. Written without now - quietAt, which overflows for long.MinValue. A radiator or a monitor warming
            // slowly never jumps. (A pixel that never jumped holds long.MinValue, which fails the comparison.) Without
            // the levels before the jumps (JudgeArrivalsOn), the pixel must have been quiet within the onset.
            long quietAt = _quietAt[peakPixel];
            bool jumped = _jumpAt[peakPixel] >= _bornAt[t] - onset;
            bool rose = _riseFrom != null && _levels != null ? Rose(peakPixel) : quietAt >= _bornAt[t] - onset;
            bool sudden = quietAt == long.MinValue || (jumped && rose);
            _person[t] = !_splitBorn[t] && ((sudden && now - _bornAt[t] <= onset) || _bornAt[t] <= _presentAtStartUntil);
            _anchorX[t] = column;
            _anchorY[t] = row;
            _lastMotionAt[t] = now;
            _movingSince[t] = long.MinValue;
            _coolSince[t] = long.MinValue;
            _refSpot[t] = 0;
        }

        // A pixel that jumped to more than 1 / RiseShare times the level it had before its jumps is someone arriving:
        // - Someone sitting down where the last person sat, or in a sun patch, lands on a seat that is still warm: its
        //   pixels were not quiet moments before, and when quiet was asked for the newcomer was taken for heat and
        //   missed for 37 min (heat-sources seed 7 with the fade share at 0.45).
        // - A faint warm seat whose blob the noise broke up for a frame was quiet for that frame (a jump down takes
        //   the average with it) and jumped back: when quiet was enough, four empty meeting-room chairs after a
        //   meeting were taken for a person for 42 min (office-day seed 10).
        private const float RiseShare = 0.5f;

        private bool Rose(int pixel)
        {
            return _riseFrom[pixel] <= RiseShare * _levels[pixel];
        }

        private void JudgeMotion(int t, BlobFinder blobs, int blob, float column, float row, long now, float move, long stillLimit)
        {
            float dx = column - _anchorX[t];
            float dy = row - _anchorY[t];
            float moved2 = (dx * dx) + (dy * dy);
            if (!_person[t])
            {
                // The centroid of a heat source wanders as its outline churns with the noise or merges with a
                // neighbour; only a displacement with pixels jumping is movement.
                // And the displacement must last: an arm reaching over a monitor drags the monitor blob's centroid
                // for a few seconds, then lets it go back.
                // A piece of a heat source stays heat however it moves: the outline of a large warm area (a
                // radiator, a sun patch) breaks into pieces that come and go and wander as it warms.
                if (_heatPiece[t])
                {
                    return;
                }

                if (moved2 < 0.25f * move * move)
                {
                    _movingSince[t] = long.MinValue;
                }
                else if (moved2 >= move * move && HasRecentJump(blobs, blob, now))
                {
                    if (_movingSince[t] == long.MinValue)
                    {
                        _movingSince[t] = now;
                    }
                    else if (now - _movingSince[t] >= SustainedMoveMilliseconds)
                    {
                        MakePerson(t, now);
                        _refSpot[t] = 0;
                        BecamePerson(t);
                    }
                }

                return;
            }

            float wobble = StillWobble * move;
            if (moved2 >= wobble * wobble)
            {
                _anchorX[t] = column;
                _anchorY[t] = row;
                _lastMotionAt[t] = now;
            }
            else if (now - _lastMotionAt[t] > stillLimit)
            {
                _person[t] = false;
            }
        }

        // A person who stands up and walks off leaves what was warm under or beside them (a sun patch that faded in
        // under them, a warm chair, a monitor their blob touched), and a track kept alive by it is a heat source.
        // The sign is the warmth of the spot where they sat (the steady filter's averaged excess summed within a
        // pixel of the track): a head and shoulders stand well above a sun-warmed desk, and when they go the spot
        // falls within SuddenMilliseconds from its usual warmth (UsualSpotShare of it) to under LeftSpotShare of it,
        // while the blob loses a good part of its mass. The shares are of the person's own warmth: the usual level
        // less (1 - share) of the lowest it has been since they settled, which is the usual level itself unless a
        // sun patch has warmed their seat since. All three must hold to start the judgement: a blob that
        // splits from a neighbour's heat loses mass but the person's spot stays warm, and a person at the edge of the
        // view who leans back, half out of it, fades over tens of seconds, not at once. Then the spot must stay under
        // RecoverSpotShare for LeftMilliseconds. The usual levels are taken once the person has settled (a walker's
        // spot says nothing of how they look seated), then follow slow changes (a sun patch fading in under them)
        // over RefSeconds, and freeze while the spot is cool.
        // Measured in hostsim: a seated person's spot varies by about 15 %; one leaning half out of view at the edge
        // fell to 0.65-0.7 over 30 s; a person leaving a sun patch took it to 0.45-0.58 within 2 s, a person leaving
        // a warm seat to 0.45-0.52.
        private const float LeftSpotShare = 0.6f;
        private const float RecoverSpotShare = 0.75f;
        private const float LeftMassShare = 0.8f;
        private const long LeftMilliseconds = 10000;
        private const float RefSeconds = 60f;
        private const long SuddenMilliseconds = 3000;
        private const float UsualSpotShare = 0.85f;

        private void JudgeLeaving(int t, float mass, float spot, long now, float seconds)
        {
            if (!_person[t])
            {
                return;
            }

            if (_refSpot[t] <= 0)
            {
                // No usual levels yet: they are taken when the person first settles.
                if (IsSettled(t) && spot > 0)
                {
                    _refMass[t] = mass;
                    _refSpot[t] = spot;
                    _ownSpot[t] = spot;
                    _settledSpot[t] = spot;
                    _spotWarmAt[t] = now;
                }

                return;
            }

            // The thresholds are shares of the person's own warmth below the usual level, not shares of the usual
            // level: a worker in a sun patch leaves it warm, and a share of the sun's warmth too was 0.6-0.62 of the
            // usual level for 440 s (heat-sources seed 9).
            if (spot >= OwnShare(t, UsualSpotShare))
            {
                _spotWarmAt[t] = now;
            }

            bool cool = _coolSince[t] == long.MinValue
                ? spot < OwnShare(t, LeftSpotShare) && mass < LeftMassShare * _refMass[t] &&
                  now - _spotWarmAt[t] <= SuddenMilliseconds
                : spot < OwnShare(t, RecoverSpotShare);
            if (!cool)
            {
                float rate = BackgroundModel.Rate(seconds, RefSeconds);
                _refMass[t] += (mass - _refMass[t]) * rate;
                _refSpot[t] += (spot - _refSpot[t]) * rate;
                if (_refSpot[t] < _ownSpot[t])
                {
                    _ownSpot[t] = _refSpot[t];
                }

                _coolSince[t] = long.MinValue;
                return;
            }

            if (_coolSince[t] == long.MinValue)
            {
                _coolSince[t] = now;
            }
            else if (now - _coolSince[t] >= LeftMilliseconds)
            {
                // The person stood up and left: the track is a heat source from now on, at the place where it is.
                // Unless the person is a piece that split off their blob and took the warmth of their spot with it.
                bool handed = HandToPiece(t, now);
                _person[t] = false;
                _leftSeat[t] = !handed;
                _backSince[t] = long.MinValue;
                _anchorX[t] = _x[t];
                _anchorY[t] = _y[t];
                _movingSince[t] = long.MinValue;
                _coolSince[t] = long.MinValue;
            }
        }

        // Something warm put down beside a seated person merges with their blob for a frame, and when the two split
        // again the person's track may follow the merged centroid's jump onto the warm thing: the person goes on as
        // a piece split off their own track (a heat source until it moves), and their track on the warm thing goes
        // cold as if they had left (heat-sources seed 26: a worker missed for 2.6 h). Whoever left, a piece split
        // off their track that is still at the mass of the person was the person: it takes over their usual levels.
        private bool HandToPiece(int t, long now)
        {
            for (int p = 0; p < MaxTracks; p++)
            {
                int b = _blob[p];
                if (!_live[p] || !_confirmed[p] || _person[p] || !_splitBorn[p] || _parentId[p] != _id[t] || b < 0 ||
                    _blobTracks[b] != 1 || _mass[p] < LeftMassShare * _refMass[t])
                {
                    continue;
                }

                MakePerson(p, now);
                _movingSince[p] = long.MinValue;
                _parentId[p] = 0;
                _refMass[p] = _refMass[t];
                _refSpot[p] = _refSpot[t];
                _ownSpot[p] = _ownSpot[t];
                _settledSpot[p] = _settledSpot[t];
                return true;
            }

            return false;
        }

        // A seat someone has left stays faintly warm for minutes, and its track (a heat source since) takes the blob of
        // the next person to sit there, merged with that warmth: they sit down where the track is, so it never moves,
        // and they were missed for 71 min (heat-sources seed 22). Someone sitting down at the seat is the reverse of
        // leaving it: the spot is back at the usual warmth it had with the person on it and the blob at the usual
        // mass, suddenly (pixels jumping when it came back), and it stays so for BackMilliseconds. The track is a
        // person again, with the same usual levels, so that their leaving is judged as before. A sun patch or a
        // monitor warming the empty seat comes back slowly, without a jump; someone walking past merges with the
        // seat's warmth for a second or two.
        private const long BackMilliseconds = 5000;

        private void JudgeReturn(int t, BlobFinder blobs, int blob, float mass, float spot, long now)
        {
            if (_person[t] || !_leftSeat[t])
            {
                return;
            }

            bool back = spot >= OwnShare(t, UsualSpotShare) && mass >= LeftMassShare * _refMass[t];
            if (!back)
            {
                _backSince[t] = long.MinValue;
            }
            else if (_backSince[t] == long.MinValue)
            {
                _backSince[t] = HasRecentJump(blobs, blob, now) ? now : long.MinValue;
            }
            else if (now - _backSince[t] >= BackMilliseconds)
            {
                MakePerson(t, now);
            }
        }

        // A heat source's track taken for a person from now on, where it is: it has just shown life, and its spot is
        // warm (no departure being judged).
        private void MakePerson(int t, long now)
        {
            _person[t] = true;
            _leftSeat[t] = false;
            _anchorX[t] = _x[t];
            _anchorY[t] = _y[t];
            _lastMotionAt[t] = now;
            _spotWarmAt[t] = now;
            _coolSince[t] = long.MinValue;
        }

        // The level share of the usual spot means for this person: the usual level less (1 - share) of their own
        // warmth.
        private float OwnShare(int t, float share)
        {
            return _refSpot[t] - ((1 - share) * _ownSpot[t]);
        }

        // A person sitting still does not fade, but the sun patch on their seat can move on, and the background under
        // them holds its warmth (learned while the seat stood empty, or never learned). Their spot then sinks over
        // tens of minutes, well under the usual level's share a departure needs, and once under the blob threshold
        // they were lost for 1.3 h (heat-sources seed 9, with the departures judged against the person's own warmth).
        // A spot under FadedSpotShare of the one they settled with, without a sudden drop (no departure being
        // judged), says the background under them is too warm: the tracker asks for the shortfall, spread over the
        // pixels of their spot, to be taken out of it (learned at the static-heat rate).
        // Measured on heat-sources seeds 7, 9 and 11: 0.3-0.6 keep every person. Under 0.3 the cooling comes too late
        // (seed 9: 3,937 missed seconds at 0.2). From 0.65 the levels under people who settled in a warm moment are
        // lowered: they leave a warm ghost when they go (seed 9: 1,334 false seconds at 0.7; seed 7: 6,285 missed at
        // 0.75). Before warm seats were judged (JudgeReturn, Rose) the next person to sit on such a ghost was
        // taken for it, and only 0.5 itself held.
        private const float FadedSpotShare = 0.5f;
        private const int SpotPixels = 9;

        private void JudgeFading(int t, int blob, float spot, int blobSize)
        {
            if (!_person[t] || _refSpot[t] <= 0 || _coolSince[t] != long.MinValue)
            {
                return;
            }

            float floor = FadedSpotShare * _settledSpot[t];
            if (spot < floor)
            {
                _blobHiddenCooling[blob] = (floor - spot) / (blobSize < SpotPixels ? blobSize : SpotPixels);
            }
        }

        private bool HasRecentJump(BlobFinder blobs, int blob, long now)
        {
            // Not now - jumpAt <= limit: a pixel that never jumped holds long.MinValue, and the subtraction would
            // overflow to a negative number that passes as a recent jump. Only the warm pixels are looked at: every
            // blob pixel is one of them, and there are few of them where the view has hundreds of pixels.
            long since = now - RecentJumpMilliseconds;
            int warm = blobs.WarmCount;
            for (int k = 0; k < warm; k++)
            {
                int i = blobs.WarmPixel(k);
                if (_pixelBlob[i] == blob && _jumpAt[i] >= since)
                {
                    return true;
                }
            }

            return false;
        }

        private void BecamePerson(int t)
        {
            // A split-off walked away: if the track it left carries a person's worth of heat less than before the
            // split, the person was the one who left, and what stays is warm furniture.
            if (!_splitBorn[t] || _parentId[t] == 0)
            {
                return;
            }

            for (int p = 0; p < MaxTracks; p++)
            {
                if (_live[p] && _id[p] == _parentId[t] && _person[p] && _blob[p] >= 0 && _blobTracks[_blob[p]] == 1)
                {
                    if (_lastMass[p] < _parentMassBefore[t] - (DuplicateMassShare * _lastMass[t]))
                    {
                        _person[p] = false;
                        _anchorX[p] = _x[p];
                        _anchorY[p] = _y[p];
                    }
                }
            }

            _parentId[t] = 0;
        }

        private void CountCrossing(int t)
        {
            if (!_doorSet)
            {
                return;
            }

            float position = _doorAlongColumns ? _x[t] : _y[t];
            int side = position < _doorPosition - _doorMargin ? -1 : (position > _doorPosition + _doorMargin ? 1 : 0);
            if (side == 0 || side == _side[t])
            {
                return;
            }

            _side[t] = side;
            if (_confirmed[t])
            {
                Crossed(side);
            }
            else
            {
                _pending[t] += side;
            }
        }

        private void Crossed(int towardsIncreasing)
        {
            // towardsIncreasing: +n for n crossings towards increasing column (or row), -n the other way.
            int inward = towardsIncreasing * _inSign;
            if (inward > 0)
            {
                NewIn += inward;
            }
            else
            {
                NewOut -= inward;
            }
        }

        private void DropDuplicates(BlobFinder blobs, int count)
        {
            for (int b = 0; b < count; b++)
            {
                while (_blobTracks[b] >= 2)
                {
                    float sum = 0;
                    float lightest = float.MaxValue;
                    int victim = -1;
                    for (int t = 0; t < MaxTracks; t++)
                    {
                        if (_live[t] && _blob[t] == b)
                        {
                            sum += _mass[t];
                            if (_mass[t] < lightest)
                            {
                                lightest = _mass[t];
                            }

                            if (victim < 0 || FirstToDrop(t, victim, blobs.PeakPixelOf(b)))
                            {
                                victim = t;
                            }
                        }
                    }

                    if (blobs.MassOf(b) >= sum - (DuplicateMassShare * lightest))
                    {
                        break;
                    }

                    _live[victim] = false;
                    _blobTracks[b]--;
                }
            }
        }

        // Which of two tracks on a blob too light for both goes: an unconfirmed one first (noise); a piece split
        // off the other; the one not holding the blob's warmest pixel; then the one that moved last, because the
        // one that stayed is the blob's resident (a walker who passed a warm monitor and went on leaves the
        // monitor's own track behind, not theirs); then the younger.
        private bool FirstToDrop(int candidate, int current, int peakPixel)
        {
            if (_confirmed[candidate] != _confirmed[current])
            {
                return !_confirmed[candidate];
            }

            // A piece that split off a track and merged back into it again was part of it all along (a still
            // person's arm, or their lap, flickering over the threshold): the piece goes, whatever the PIR saw.
            if (IsPieceOf(candidate, current) || IsPieceOf(current, candidate))
            {
                return IsPieceOf(candidate, current);
            }

            // The blob's warmest pixel is where one of them had theirs last frame: that one is still in it. A person
            // seated beside a warm patch whose blob merged with it was dropped for having "moved last" (the PIR had
            // seen them fidget), and the patch's track was left (heat-sources seed 3).
            bool candidateHolds = HeldPeak(candidate, peakPixel);
            if (candidateHolds != HeldPeak(current, peakPixel))
            {
                return !candidateHolds;
            }

            if (_confirmed[candidate] && _lastMotionAt[candidate] != _lastMotionAt[current])
            {
                return _lastMotionAt[candidate] > _lastMotionAt[current];
            }

            return _id[candidate] > _id[current];
        }

        private bool IsHeatTrack(int id)
        {
            for (int t = 0; t < MaxTracks; t++)
            {
                if (_live[t] && _id[t] == id)
                {
                    return _confirmed[t] && !_person[t];
                }
            }

            return false;
        }

        private bool IsPieceOf(int piece, int whole)
        {
            return _splitBorn[piece] && !_person[piece] && _parentId[piece] == _id[whole];
        }

        private void Birth(BlobFinder blobs, int count, long now)
        {
            int warm = blobs.WarmCount;
            for (int b = 0; b < count; b++)
            {
                if (_blobTracks[b] > 0)
                {
                    continue;
                }

                int t = 0;
                while (t < MaxTracks && _live[t])
                {
                    t++;
                }

                if (t == MaxTracks)
                {
                    return;
                }

                float column = blobs.ColumnOf(b);
                float row = blobs.RowOf(b);
                _live[t] = true;
                _confirmed[t] = false;
                _person[t] = false;
                _id[t] = _nextId++;
                _x[t] = column;
                _y[t] = row;
                _vx[t] = 0;
                _vy[t] = 0;
                _missFrames[t] = 0;
                _missSeconds[t] = 0;
                _age[t] = 1;
                _pending[t] = 0;
                _mass[t] = blobs.MassOf(b);
                _lastMass[t] = _mass[t];
                _bornAt[t] = now;
                _lastMovedAt[t] = now;
                _settleX[t] = column;
                _settleY[t] = row;
                _blob[t] = b;
                _blobTracks[b] = 1;
                float position = _doorAlongColumns ? column : row;
                _side[t] = position < _doorPosition ? -1 : 1;
                _splitBorn[t] = false;
                _heatPiece[t] = false;
                _leftSeat[t] = false;
                _parentId[t] = 0;

                // Inherit from the track that owned this blob's warmest pixel last frame, if one did.
                for (int k = 0; k < warm; k++)
                {
                    int pixel = blobs.WarmPixel(k);
                    if (blobs.PixelBlob[pixel] != b || _ownerId[pixel] == 0)
                    {
                        continue;
                    }

                    _side[t] = _ownerSide[pixel];
                    _splitBorn[t] = true;
                    _parentId[t] = _ownerId[pixel];
                    _heatPiece[t] = IsHeatTrack(_ownerId[pixel]);
                    _parentMassBefore[t] = _ownerMass[pixel];
                    break;
                }
            }
        }

        private void Remember(BlobFinder blobs, int count)
        {
            for (int b = 0; b < count; b++)
            {
                _blobIsPerson[b] = false;
                _blobOwner[b] = -1;
            }

            // A blob's owner is the first live track on it (in slot order); found once per blob, not per pixel.
            // A track alone has its blob's warmest pixel; of tracks sharing a blob, only the one that had it (or the
            // pixel next to it) last frame keeps it.
            for (int t = 0; t < MaxTracks; t++)
            {
                int b = _live[t] ? _blob[t] : -1;
                if (b < 0)
                {
                    _peakPixel[t] = -1;
                    continue;
                }

                if (_blobOwner[b] < 0)
                {
                    _blobOwner[b] = t;
                }

                if (_person[t])
                {
                    _blobIsPerson[b] = true;
                }

                int peak = blobs.PeakPixelOf(b);
                _peakPixel[t] = _blobTracks[b] == 1 || HeldPeak(t, peak) ? peak : -1;
            }

            int[] pixelBlob = blobs.PixelBlob;
            for (int i = 0; i < _pixels; i++)
            {
                _ownerId[i] = 0;
                int b = pixelBlob[i];
                _sticky[i] = b >= 0 && _blobIsPerson[b];
                int owner = b >= 0 ? _blobOwner[b] : -1;
                if (owner >= 0)
                {
                    _ownerId[i] = _id[owner];
                    _ownerSide[i] = _side[owner];
                    _ownerMass[i] = _lastMass[owner];
                }
            }
        }

        // Whether pixel is the warmest pixel track t had last frame or one next to it: a head straddling two
        // pixels moves its warmest pixel between them with the noise.
        private bool HeldPeak(int t, int pixel)
        {
            int held = _peakPixel[t];
            if (held < 0 || pixel < 0)
            {
                return false;
            }

            int rows = (pixel / _width) - (held / _width);
            int columns = (pixel % _width) - (held % _width);
            return rows >= -1 && rows <= 1 && columns >= -1 && columns <= 1;
        }

        private static int Clamp(int value, int size)
        {
            return value < 0 ? 0 : (value >= size ? size - 1 : value);
        }
    }
}
