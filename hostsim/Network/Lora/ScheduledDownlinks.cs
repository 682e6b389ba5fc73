namespace OccupancySensor.HostSim.Network.Lora;

/// <summary>
/// Downlinks a simulated network has sent towards one device, waiting for the receive window they were sent for. A
/// window hears a downlink only when it opens at exactly the time, frequency, spreading factor and bandwidth the
/// network scheduled, as a real receive window would; a heard downlink is taken off the queue. Safe to use from the
/// device's thread and the network's at once.
/// </summary>
internal sealed class ScheduledDownlinks
{
    private readonly List<(long OpensAt, int FrequencyHz, int SpreadingFactor, int BandwidthHz, byte[] Frame)> _scheduled = new();

    /// <summary>Queues <paramref name="frame"/> for a window opening at <paramref name="opensAt"/> with these settings.</summary>
    public void Add(long opensAt, int frequencyHz, int spreadingFactor, int bandwidthHz, byte[] frame)
    {
        lock (_scheduled)
        {
            _scheduled.Add((opensAt, frequencyHz, spreadingFactor, bandwidthHz, frame));
        }
    }

    /// <summary>
    /// Takes the downlink scheduled for exactly this window, if any, and copies it into <paramref name="buffer"/>;
    /// <paramref name="length"/> is its length (0 when there is none).
    /// </summary>
    public bool TryTake(long opensAt, int frequencyHz, int spreadingFactor, int bandwidthHz, byte[] buffer, out int length)
    {
        lock (_scheduled)
        {
            var index = _scheduled.FindIndex(s => s.OpensAt == opensAt && s.FrequencyHz == frequencyHz &&
                                                  s.SpreadingFactor == spreadingFactor && s.BandwidthHz == bandwidthHz);
            if (index < 0)
            {
                length = 0;
                return false;
            }

            var frame = _scheduled[index].Frame;
            _scheduled.RemoveAt(index);
            frame.CopyTo(buffer, 0);
            length = frame.Length;
            return true;
        }
    }
}
