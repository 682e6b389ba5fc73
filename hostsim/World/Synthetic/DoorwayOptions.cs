namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>What happens at one doorway event.</summary>
public enum DoorwayPass
{
    /// <summary>One person walks through, head and shoulders +4 to +7 °C.</summary>
    Walker,

    /// <summary>One person in a hat or hood: the head barely shows, peak +2.5 to +3.5 °C.</summary>
    Hooded,

    /// <summary>Two people shoulder to shoulder, about 3.5 rows apart, crossing together; their blobs touch and merge.</summary>
    SideBySide,

    /// <summary>Two people one behind the other, the second about 1 m (6-8 pixels) behind.</summary>
    Tandem,

    /// <summary>Walks up to the door line (sometimes a little past it), pauses, and goes back: no crossing.</summary>
    TurnBack,

    /// <summary>Stops under the sensor for a few seconds, shuffling about on the door line, then goes on through.</summary>
    Lingerer,
}

/// <summary>One scripted doorway event: what happens and which way ("in" = towards higher columns, or "out").</summary>
public sealed record DoorwayStep(DoorwayPass Pass, string Direction);

/// <summary>
/// The mix of a <see cref="SyntheticScenes.Doorway8x8"/> recording. Without a <see cref="Script"/>, events are drawn
/// by the weights (a weight of 0 leaves that kind out) one after another, with a quiet gap of
/// <see cref="MinGapSeconds"/> to <see cref="MaxGapSeconds"/> between them, until <see cref="Seconds"/> is filled.
/// With a script, its steps happen in order with the same gaps, and the recording lasts as long as they need
/// (at least <see cref="Seconds"/>).
/// </summary>
public sealed record DoorwayOptions
{
    public double Seconds { get; init; } = 120;

    /// <summary>The AMG8833 runs at 10 fps (or 1).</summary>
    public double FramesPerSecond { get; init; } = 10;

    /// <summary>An empty doorway first, so a background model can settle.</summary>
    public double LeadInSeconds { get; init; } = 10;

    public double MinGapSeconds { get; init; } = 10;

    public double MaxGapSeconds { get; init; } = 60;

    /// <summary>The share of drawn events that go "in".</summary>
    public double InShare { get; init; } = 0.5;

    public double Walkers { get; init; } = 1;

    public double Hooded { get; init; }

    public double SideBySide { get; init; }

    public double Tandem { get; init; }

    public double TurnBacks { get; init; }

    public double Lingerers { get; init; }

    public IReadOnlyList<DoorwayStep>? Script { get; init; }

    /// <summary>Temporal noise per pixel before quantisation, °C (about what an AMG8833 shows at 10 fps).</summary>
    public double NoiseSigma { get; init; } = 0.3;

    /// <summary>The AMG8833's output step, °C.</summary>
    public double QuantumCelsius { get; init; } = 0.25;

    /// <summary>Single walkers both ways, one every 10-60 s.</summary>
    public static DoorwayOptions SingleWalkers { get; } = new();

    /// <summary>Every kind of event: walkers, hoods, pairs side by side and in tandem, turn-backs, lingerers.</summary>
    public static DoorwayOptions Mixed { get; } = new()
    {
        Seconds = 300,
        Walkers = 1,
        Hooded = 0.3,
        SideBySide = 0.25,
        Tandem = 0.25,
        TurnBacks = 0.25,
        Lingerers = 0.2,
    };

    /// <summary>A long mixed run: <paramref name="minutes"/> minutes, an event every 10-60 s.</summary>
    public static DoorwayOptions LongRun(double minutes = 30) => Mixed with { Seconds = minutes * 60 };
}
