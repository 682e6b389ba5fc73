using OccupancySensor.Configuration;
using OccupancySensor.Readings;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: occupied or vacant per zone, fusing the PIR (fast to say "occupied", blind to people sitting still)
    /// with the thermal blobs (which hold a still person). A zone turns occupied at the first evidence and vacant
    /// only after both have been quiet for the hold time, which keeps lights-off-while-reading from happening.
    /// </summary>
    public sealed class ZonePresence
    {
        private readonly ZoneConfiguration[] _zones;
        private readonly long _holdMilliseconds;
        private readonly bool[] _occupied;
        private readonly long[] _lastEvidence;
        private readonly int[] _people;

        // Someone must show in the zone for a second without a break before the thermal view counts as evidence:
        // a frame or two of pixel noise is not a person, and at 10 frames a second noise does come in pairs.
        private const long ConfirmMilliseconds = 1000;
        private readonly long[] _seenSince;
        private readonly bool[] _confirmed;

        /// <summary>Creates the stage for the configured zones.</summary>
        public ZonePresence(ZoneConfiguration[] zones, int vacantHoldSeconds)
        {
            _zones = zones;
            _holdMilliseconds = vacantHoldSeconds * 1000L;
            _occupied = new bool[zones.Length];
            _lastEvidence = new long[zones.Length];
            _people = new int[zones.Length];
            _seenSince = new long[zones.Length];
            _confirmed = new bool[zones.Length];
            for (int z = 0; z < zones.Length; z++)
            {
                _seenSince[z] = -1;
            }
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return _zones.Length * (1 + 8 + 4 + 8 + 1); }
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

        /// <summary>Takes the blobs of one frame as evidence for the zones their centroids fall in.</summary>
        public void AcceptBlobs(BlobFinder blobs, long now, IReadingSink sink)
        {
            for (int z = 0; z < _zones.Length; z++)
            {
                int people = 0;
                for (int b = 0; b < blobs.Count; b++)
                {
                    int column = (int)(blobs.CentroidColumnOf(b) + 0.5f);
                    int row = (int)(blobs.CentroidRowOf(b) + 0.5f);
                    if (_zones[z].Contains(column, row))
                    {
                        people++;
                    }
                }

                _people[z] = people;
                if (people == 0)
                {
                    _seenSince[z] = -1;
                    _confirmed[z] = false;
                    continue;
                }

                if (_seenSince[z] < 0)
                {
                    _seenSince[z] = now;
                }

                _confirmed[z] = now - _seenSince[z] >= ConfirmMilliseconds;
                if (_confirmed[z])
                {
                    Evidence(z, now, sink);
                }
            }
        }

        /// <summary>
        /// Takes a PIR trigger. The PIR sees the whole view and cannot say where: in a one-zone unit it makes the
        /// zone occupied; with several zones it keeps occupied the zones that already are, and those with a person
        /// in the thermal view.
        /// </summary>
        public void AcceptMotion(long now, IReadingSink sink)
        {
            for (int z = 0; z < _zones.Length; z++)
            {
                if (_zones.Length == 1 || _occupied[z] || _people[z] > 0)
                {
                    Evidence(z, now, sink);
                }
            }
        }

        /// <summary>Turns zones vacant whose evidence is older than the hold time.</summary>
        public void Evaluate(long now, IReadingSink sink)
        {
            for (int z = 0; z < _zones.Length; z++)
            {
                if (_occupied[z] && !_confirmed[z] && now - _lastEvidence[z] >= _holdMilliseconds)
                {
                    _occupied[z] = false;
                    sink.Accept(Reading.PresenceChanged(now, z, false));
                }
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
    }
}
