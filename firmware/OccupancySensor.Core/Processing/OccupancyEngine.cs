using OccupancySensor.Configuration;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// The processing chain of one unit: thermal frame → background → blobs → zone presence, with PIR triggers
    /// fused in at the presence stage. Everything is allocated here, from the frame size and the zone count;
    /// processing a frame allocates nothing.
    /// </summary>
    public sealed class OccupancyEngine
    {
        private readonly BackgroundModel _background;
        private readonly BlobFinder _blobs;
        private readonly ZonePresence _presence;
        private readonly bool _hasThermal;

        /// <summary>Builds the chain for <paramref name="configuration"/>.</summary>
        public OccupancyEngine(DeviceConfiguration configuration)
        {
            int width = configuration.ThermalWidth;
            int height = configuration.ThermalHeight;
            _hasThermal = width > 0;
            if (_hasThermal)
            {
                _background = new BackgroundModel(width * height, configuration.PresenceDeltaCelsius);
                _blobs = new BlobFinder(width, height);
            }

            _presence = new ZonePresence(configuration.Zones, configuration.VacantHoldSeconds);
        }

        /// <summary>Bytes the chain preallocated.</summary>
        public int AllocatedBytes
        {
            get
            {
                int bytes = _presence.AllocatedBytes;
                if (_hasThermal)
                {
                    bytes += _background.AllocatedBytes + _blobs.AllocatedBytes;
                }

                return bytes;
            }
        }

        /// <summary>The presence stage, for reports.</summary>
        public ZonePresence Presence
        {
            get { return _presence; }
        }

        /// <summary>Runs one thermal frame through the chain.</summary>
        public void AcceptFrame(ThermalFrame frame, IReadingSink sink)
        {
            if (!_hasThermal)
            {
                return;
            }

            _background.Update(frame);
            _blobs.Find(_background.Foreground);
            _presence.AcceptBlobs(_blobs, frame.TimestampMilliseconds, sink);
        }

        /// <summary>Takes one PIR trigger (a rising edge).</summary>
        public void AcceptMotion(long timestampMilliseconds, IReadingSink sink)
        {
            _presence.AcceptMotion(timestampMilliseconds, sink);
        }

        /// <summary>Applies hold timeouts; called every loop pass.</summary>
        public void Evaluate(long now, IReadingSink sink)
        {
            _presence.Evaluate(now, sink);
        }

        /// <summary>Emits the periodic people count of every zone.</summary>
        public void Report(long now, IReadingSink sink)
        {
            for (int z = 0; z < _presence.ZoneCount; z++)
            {
                int people = _presence.PeopleIn(z);
                if (people == 0 && _presence.IsOccupied(z))
                {
                    people = 1;
                }

                sink.Accept(Reading.PeriodicCount(now, z, people));
            }
        }
    }
}
