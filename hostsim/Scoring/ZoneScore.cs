namespace OccupancySensor.HostSim.Scoring;

/// <summary>
/// Reported presence of one zone against the truth, second by second. <b>Accuracy</b> leaves out the seconds right
/// after the truth changed that no sensor could get right by design: <see cref="OccupiedAllowanceSeconds"/> after
/// someone arrives (the first frames, the tracker's confirmation) and the unit's vacant hold plus the same after
/// the last person left (the hold is a configured promise to wait, reported separately as the delay to vacant).
/// <b>Strict accuracy</b> counts every second. Delays are measured per truth episode: from the truth turning occupied
/// to the unit saying so, and from the truth turning vacant to the unit saying so.
/// </summary>
public sealed class ZoneScore(string unit, string zone, string assetType, bool scored, double vacantHoldSeconds)
{
    public const double OccupiedAllowanceSeconds = 15;

    private bool _truth;
    private bool _reported;
    private double _changedAt = double.NegativeInfinity;
    private double? _awaitingOccupied;
    private double? _awaitingVacant;

    public string Unit { get; } = unit;

    public string Zone { get; } = zone;

    /// <summary>"desk", "meeting_room", "doorway".</summary>
    public string AssetType { get; } = assetType;

    /// <summary>False for a doorway's zone: people only pass through it; the door unit is judged on its counts.</summary>
    public bool Scored { get; } = scored;

    public double VacantAllowanceSeconds { get; } = vacantHoldSeconds + OccupiedAllowanceSeconds;

    public long Seconds { get; private set; }

    public long StrictCorrect { get; private set; }

    public long ScoredSeconds { get; private set; }

    public long Correct { get; private set; }

    /// <summary>Scored seconds reported occupied while nobody was there (a heat source or a ghost).</summary>
    public long FalseOccupiedSeconds { get; private set; }

    /// <summary>Scored seconds reported vacant while someone was there (a dropped person).</summary>
    public long MissedSeconds { get; private set; }

    public long TruthOccupiedSeconds { get; private set; }

    public int Episodes { get; private set; }

    /// <summary>Truth episodes that ended before the unit ever said occupied.</summary>
    public int UnseenEpisodes { get; private set; }

    public List<double> OccupiedDelays { get; } = new();

    public List<double> VacantDelays { get; } = new();

    public double Accuracy => ScoredSeconds == 0 ? 1 : (double)Correct / ScoredSeconds;

    public double StrictAccuracy => Seconds == 0 ? 1 : (double)StrictCorrect / Seconds;

    /// <summary>The unit reported a presence change for this zone.</summary>
    public void Reported(bool occupied) => _reported = occupied;

    /// <summary>One second of the day: the truth now, against what the unit last reported.</summary>
    public void Tick(double t, bool truth)
    {
        if (truth != _truth)
        {
            _truth = truth;
            _changedAt = t;
            if (truth)
            {
                Episodes++;
                _awaitingVacant = null;
                _awaitingOccupied = t;
            }
            else
            {
                if (_awaitingOccupied is not null)
                {
                    UnseenEpisodes++;
                    _awaitingOccupied = null;
                }

                _awaitingVacant = t;
            }
        }

        if (_awaitingOccupied is { } since && _reported)
        {
            OccupiedDelays.Add(t - since);
            _awaitingOccupied = null;
        }

        if (_awaitingVacant is { } left && !_reported)
        {
            VacantDelays.Add(t - left);
            _awaitingVacant = null;
        }

        Seconds++;
        if (truth)
        {
            TruthOccupiedSeconds++;
        }

        var right = truth == _reported;
        if (right)
        {
            StrictCorrect++;
        }

        var allowance = truth ? OccupiedAllowanceSeconds : VacantAllowanceSeconds;
        if (t - _changedAt < allowance)
        {
            return;
        }

        ScoredSeconds++;
        if (right)
        {
            Correct++;
        }
        else if (_reported)
        {
            FalseOccupiedSeconds++;
        }
        else
        {
            MissedSeconds++;
        }
    }
}
