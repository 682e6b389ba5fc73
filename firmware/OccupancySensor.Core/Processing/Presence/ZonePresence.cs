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
    /// </summary>
    public sealed class ZonePresence
    {
        private readonly ZoneConfiguration[] _zones;
        private readonly bool[] _occupied;
        private readonly long[] _lastEvidence;
        private readonly int[] _people;
        private bool _viewOccupied;
        private long _viewLastEvidence;
        private int _viewPeople;

        /// <summary>Creates the stage for the configured zones.</summary>
        public ZonePresence(ZoneConfiguration[] zones)
        {
            _zones = zones;
            _occupied = new bool[zones.Length];
            _lastEvidence = new long[zones.Length];
            _people = new int[zones.Length];
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return _zones.Length * (1 + 8 + 4); }
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
            for (int z = 0; z < _zones.Length; z++)
            {
                _people[z] = 0;
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
                for (int z = 0; z < _zones.Length; z++)
                {
                    if (_zones[z].Contains(column, row))
                    {
                        _people[z]++;
                    }
                }
            }

            for (int z = 0; z < _zones.Length; z++)
            {
                if (_people[z] > 0)
                {
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
        /// fidgeting kept an empty desk occupied for minutes).
        /// </summary>
        public void AcceptMotion(long now, IReadingSink sink)
        {
            ViewEvidence(now);
            for (int z = 0; z < _zones.Length; z++)
            {
                if (_zones.Length == 1 || _people[z] > 0 || (_occupied[z] && _viewPeople == 0))
                {
                    Evidence(z, now, sink);
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
