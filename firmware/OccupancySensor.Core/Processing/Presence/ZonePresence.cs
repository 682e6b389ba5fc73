using OccupancySensor.Configuration;
using OccupancySensor.Readings;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: occupied or vacant per zone and for the whole view, fusing the PIR (fast to say "occupied", blind
    /// to people sitting still) with the thermal tracks (which hold a still person). Only tracks judged to be
    /// people count; a monitor never makes a zone occupied. A zone turns occupied at the first evidence and vacant
    /// only after both the PIR and the thermal view have been quiet for the hold time, which keeps
    /// lights-off-while-reading from happening. A person is in the zone that contains their centroid's pixel.
    /// With a thermal view, one PIR trigger alone does not turn a vacant zone occupied: it needs a second trigger
    /// within <see cref="MotionConfirmMilliseconds"/> or a person in the thermal view (see AcceptMotion).
    /// </summary>
    public sealed class ZonePresence
    {
        /// <summary>
        /// How soon a second PIR trigger must follow a lone one to confirm it. Someone walking in fires the PIR again
        /// as soon as its blind time (about 2.5 s on an HC-SR501) is over; a false trigger comes about once in 300
        /// empty 30-second windows (a public PIR recording; see hostsim's Fidget), so two within 30 s by chance are about that rare again.
        /// </summary>
        public const long MotionConfirmMilliseconds = 30000;

        /// <summary>
        /// The PIR's lens sees a little wider than the thermal array: someone walking out still fires it for a few
        /// seconds after the thermal view lost them. Motion later than this after the last thermal sighting is
        /// somebody the thermal view does not show.
        /// </summary>
        public const long UnseenMotionMarginMilliseconds = 10000;

        /// <summary>
        /// A thermal view that has sent no frame for this long (the chip is gone and being retried) confirms
        /// nothing, so PIR triggers count at once again, as on a unit without one. Frames come at 1-10 fps.
        /// </summary>
        public const long ThermalSilentMilliseconds = 5000;

        // "Never" for the times below, far enough from long.MinValue that now - Never cannot overflow.
        private const long Never = long.MinValue / 2;

        private readonly ZoneConfiguration[] _zones;
        private readonly bool _motionNeedsConfirmation;
        private readonly bool[] _occupied;
        private readonly long[] _lastEvidence;
        private readonly long[] _unconfirmedMotion;
        private readonly long[] _lastMotion;
        private readonly long[] _lastSeen;
        private readonly int[] _people;

        // People in the zone not under judgement for having left (PeopleTracker.MayHaveLeft): only they renew the
        // zone's evidence, so that the vacant hold of someone judged gone runs from when their spot went cold.
        private readonly int[] _surePeople;
        private long _lastFrame = Never;
        private bool _viewOccupied;
        private long _viewLastEvidence;
        private int _viewPeople;

        /// <summary>Creates the stage for the configured zones of a unit with a PIR only: every trigger counts at once.</summary>
        public ZonePresence(ZoneConfiguration[] zones)
            : this(zones, false)
        {
        }

        /// <summary>
        /// Creates the stage for the configured zones. <paramref name="motionNeedsConfirmation"/> is true when a
        /// thermal view can confirm what the PIR says.
        /// </summary>
        public ZonePresence(ZoneConfiguration[] zones, bool motionNeedsConfirmation)
        {
            _zones = zones;
            _motionNeedsConfirmation = motionNeedsConfirmation;
            _occupied = new bool[zones.Length];
            _lastEvidence = new long[zones.Length];
            _unconfirmedMotion = new long[zones.Length];
            _lastMotion = new long[zones.Length];
            _lastSeen = new long[zones.Length];
            _people = new int[zones.Length];
            _surePeople = new int[zones.Length];
            for (int z = 0; z < zones.Length; z++)
            {
                _unconfirmedMotion[z] = Never;
                _lastMotion[z] = Never;
                _lastSeen[z] = Never;
            }
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return (_zones.Length * (1 + 8 + 8 + 8 + 8 + 4 + 4)) + 8; }
        }

        /// <summary>Zones evaluated.</summary>
        public int ZoneCount
        {
            get { return _zones.Length; }
        }

        /// <summary>Whether zone <paramref name="zone"/> is occupied.</summary>
        public bool IsOccupied(int zone)
        {
            return _occupied[zone];
        }

        /// <summary>People the thermal view last showed in zone <paramref name="zone"/>.</summary>
        public int PeopleIn(int zone)
        {
            return _people[zone];
        }

        /// <summary>
        /// Whether the PIR has held zone <paramref name="zone"/> occupied with motion the thermal view does not
        /// explain: the last trigger credited to it came well after the thermal view last showed anyone there (or
        /// the unit has no thermal view). Then the zone holds at least one person nobody sees; after someone was
        /// seen leaving, the vacant hold alone does not.
        /// </summary>
        public bool HasUnseenMotion(int zone)
        {
            return _lastMotion[zone] - _lastSeen[zone] > UnseenMotionMarginMilliseconds;
        }

        /// <summary>Whether the whole view is occupied.</summary>
        public bool ViewOccupied
        {
            get { return _viewOccupied; }
        }

        /// <summary>People the thermal view last showed.</summary>
        public int ViewPeople
        {
            get { return _viewPeople; }
        }

        /// <summary>Takes the people tracked in one frame as evidence for the zones they are in.</summary>
        public void AcceptTracks(PeopleTracker tracker, long now, IReadingSink sink)
        {
            _lastFrame = now;
            for (int z = 0; z < _zones.Length; z++)
            {
                _people[z] = 0;
                _surePeople[z] = 0;
            }

            _viewPeople = 0;
            for (int t = 0; t < PeopleTracker.MaxTracks; t++)
            {
                if (!tracker.IsPerson(t))
                {
                    continue;
                }

                _viewPeople++;
                int column = (int)(tracker.ColumnOf(t) + 0.5f);
                int row = (int)(tracker.RowOf(t) + 0.5f);
                bool sure = !tracker.MayHaveLeft(t);
                for (int z = 0; z < _zones.Length; z++)
                {
                    if (_zones[z].Contains(column, row))
                    {
                        _people[z]++;
                        if (sure)
                        {
                            _surePeople[z]++;
                        }
                    }
                }
            }

            for (int z = 0; z < _zones.Length; z++)
            {
                if (_surePeople[z] > 0 || (_people[z] > 0 && !_occupied[z]))
                {
                    _lastSeen[z] = now;
                    Evidence(z, now, sink);
                }
            }

            if (_viewPeople > 0)
            {
                ViewEvidence(now);
            }
        }

        /// <summary>
        /// Takes a PIR trigger. The PIR sees the whole view and cannot say where: in a one-zone unit it makes the
        /// zone occupied; with several zones it keeps occupied the zones with a person in the thermal view, and,
        /// when the thermal view shows nobody at all, the zones that already are. A trigger while the thermal view
        /// shows people is theirs: it no longer holds the zone of someone who has just left (their neighbour's
        /// fidgeting kept an empty desk occupied for minutes), nor the zone of someone whose spot has just gone cold
        /// (getting up and going sets the PIR off on the way out). With a thermal view, a trigger that would turn a
        /// vacant zone occupied with nobody in the view is held as unconfirmed until a second trigger within
        /// <see cref="MotionConfirmMilliseconds"/>: one false trigger in an empty meeting room otherwise booked it
        /// for the whole vacant hold. Someone really walking in fires again within seconds, or the thermal view
        /// shows them. While the thermal view sends no frames, triggers count at once.
        /// </summary>
        public void AcceptMotion(long now, IReadingSink sink)
        {
            ViewEvidence(now);
            for (int z = 0; z < _zones.Length; z++)
            {
                if (_surePeople[z] > 0 || (_occupied[z] && _viewPeople == 0))
                {
                    Motion(z, now, sink);
                }
                else if (_zones.Length == 1 && _people[z] == 0)
                {
                    if (!_motionNeedsConfirmation || now - _lastFrame > ThermalSilentMilliseconds ||
                        now - _unconfirmedMotion[z] <= MotionConfirmMilliseconds)
                    {
                        Motion(z, now, sink);
                    }
                    else
                    {
                        _unconfirmedMotion[z] = now;
                    }
                }
            }
        }

        /// <summary>Turns zones vacant whose evidence is older than the hold time.</summary>
        public void Evaluate(long now, long holdMilliseconds, IReadingSink sink)
        {
            for (int z = 0; z < _zones.Length; z++)
            {
                if (_occupied[z] && _people[z] == 0 && now - _lastEvidence[z] >= holdMilliseconds)
                {
                    _occupied[z] = false;
                    sink.Accept(Reading.PresenceChanged(now, z, false));
                }
            }

            if (_viewOccupied && _viewPeople == 0 && now - _viewLastEvidence >= holdMilliseconds)
            {
                _viewOccupied = false;
            }
        }

        private void Motion(int zone, long now, IReadingSink sink)
        {
            _lastMotion[zone] = now;
            Evidence(zone, now, sink);
        }

        private void Evidence(int zone, long now, IReadingSink sink)
        {
            _lastEvidence[zone] = now;
            if (!_occupied[zone])
            {
                _occupied[zone] = true;
                sink.Accept(Reading.PresenceChanged(now, zone, true));
            }
        }

        private void ViewEvidence(long now)
        {
            _viewLastEvidence = now;
            _viewOccupied = true;
        }
    }
}
