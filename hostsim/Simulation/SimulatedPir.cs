using OccupancySensor.Hardware;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// An HC-SR501 output pin: goes high on a trigger and stays high for its hold time, then low; retriggers are
/// ignored while high and for the blind time after it falls (about 2.5 s on the HC-SR501).
/// </summary>
public sealed class SimulatedPir : IDigitalInput
{
    private readonly long _highMilliseconds;
    private readonly long _blindMilliseconds;
    private bool _high;
    private long _fallAt;
    private long _blindUntil;

    public SimulatedPir(long highMilliseconds = 2500, long blindMilliseconds = 2500)
    {
        _highMilliseconds = highMilliseconds;
        _blindMilliseconds = blindMilliseconds;
    }

    public event DigitalEdgeHandler? EdgeDetected;

    public int Triggers { get; private set; }

    public bool Read() => _high;

    /// <summary>The sensor saw motion at <paramref name="now"/>.</summary>
    public void Trigger(long now)
    {
        Update(now);
        if (_high || now < _blindUntil)
        {
            return;
        }

        _high = true;
        _fallAt = now + _highMilliseconds;
        Triggers++;
        EdgeDetected?.Invoke(true);
    }

    /// <summary>Lets the output fall when its hold time is over.</summary>
    public void Update(long now)
    {
        if (_high && now >= _fallAt)
        {
            _high = false;
            _blindUntil = now + _blindMilliseconds;
            EdgeDetected?.Invoke(false);
        }
    }
}
