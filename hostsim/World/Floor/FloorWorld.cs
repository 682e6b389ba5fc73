namespace OccupancySensor.HostSim.World.Floor;

/// <summary>What a unit watches: the entrance (counting in and out), a meeting room, or a pod of two desks.</summary>
public enum SiteKind
{
    Door,
    Meeting,
    Desk,
}

/// <summary>
/// One sensor unit's place on the floor: where it is mounted, what it watches and the device configuration file a
/// technician would deploy to it (the simulated unit boots from exactly this text).
/// </summary>
public sealed record UnitSite(int Number, string DeviceId, SiteKind Kind, string Asset, double X, double Y, double CeilingM, int Fps, string ConfigurationText)
{
    public string KindName => Kind switch { SiteKind.Door => "door", SiteKind.Meeting => "meeting", _ => "desk" };
}

/// <summary>A part of one unit that fails between two times of day (seconds since midnight).</summary>
public sealed record FaultPlan(int Site, string Part, double From, double To)
{
    public bool IsActive(double t) => t >= From && t < To;
}

/// <summary>
/// A floor for a day, built by <see cref="FloorBuilder"/> from a scenario, a unit count and a seed: the units and
/// their configurations, the people and their paths, the warm objects, the air, and the faults. Nothing in it changes
/// while the day is simulated, so every unit can be simulated on its own thread against the same world.
/// </summary>
public sealed class FloorWorld
{
    internal FloorWorld(
        string scenarioName,
        ScenarioFile scenario,
        int seed,
        IReadOnlyList<UnitSite> sites,
        IReadOnlyList<Agent> agents,
        IReadOnlyList<WorldHeat> heat,
        AmbientDay ambient,
        IReadOnlyList<FaultPlan> faults)
    {
        ScenarioName = scenarioName;
        Scenario = scenario;
        Seed = seed;
        Sites = sites;
        Agents = agents;
        Heat = heat;
        Ambient = ambient;
        Faults = faults;
        Start = ScenarioCatalog.TimeOfDay("start", scenario.Start);
        End = ScenarioCatalog.TimeOfDay("end", scenario.End);
    }

    public string ScenarioName { get; }

    public ScenarioFile Scenario { get; }

    public int Seed { get; }

    /// <summary>Seconds since midnight at which the simulated day starts and ends.</summary>
    public double Start { get; }

    public double End { get; }

    public IReadOnlyList<UnitSite> Sites { get; }

    internal IReadOnlyList<Agent> Agents { get; }

    internal IReadOnlyList<WorldHeat> Heat { get; }

    internal AmbientDay Ambient { get; }

    public IReadOnlyList<FaultPlan> Faults { get; }

    public int PeopleCount => Agents.Count;

    public int HeatSourceCount => Heat.Count;
}
