using System.Text.Json;
using System.Text.Json.Serialization;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>
/// A scenario as written in <c>hostsim/Scenarios/NAME.json</c> (JSON with comments; snake_case keys; an unknown key is
/// an error, so a typo never silently falls back to a default). It describes a floor and a day in general terms (how
/// many units, what kinds of places, when people arrive, how often they fetch coffee, which heat sources exist, when
/// the network fails); <see cref="FloorBuilder"/> turns it into a concrete floor for a unit count and a seed.
/// Times of day are "HH:MM". See hostsim/Scenarios/README.md for every key.
/// </summary>
public sealed class ScenarioFile
{
    public string Description { get; set; } = string.Empty;

    public string Building { get; set; } = "hq";

    public string Floor { get; set; } = "3";

    /// <summary>When the simulated day starts (before anyone arrives, so every unit starts on an empty view).</summary>
    public string Start { get; set; } = "07:30";

    public string End { get; set; } = "18:30";

    /// <summary>Sensor units on the floor unless <c>--devices</c> says otherwise.</summary>
    public int Devices { get; set; } = 12;

    public LayoutSection Layout { get; set; } = new();

    public AmbientSection Ambient { get; set; } = new();

    public PeopleSection People { get; set; } = new();

    public List<MeetingSection> Meetings { get; set; } = new();

    public HeatSection Heat { get; set; } = new();

    public RushSection? Rush { get; set; }

    public List<FaultSection> Faults { get; set; } = new();

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };
}

/// <summary>What kinds of places the units watch, and how they are mounted and configured.</summary>
public sealed class LayoutSection
{
    /// <summary>Ceiling height over desks and meeting tables, metres (2.4-3.0 in offices).</summary>
    public double CeilingM { get; set; } = 2.7;

    /// <summary>Height of the door unit, metres (mounted on the ceiling just inside the entrance).</summary>
    public double DoorCeilingM { get; set; } = 2.7;

    /// <summary>1: a unit above the floor's entrance counts people in and out; 0: none.</summary>
    public int DoorUnits { get; set; } = 1;

    /// <summary>Share of the units that watch meeting rooms (at least one when above 0); the rest watch desk pods.</summary>
    public double MeetingRoomShare { get; set; } = 0.1;

    public int DeskFps { get; set; } = 1;

    public int MeetingFps { get; set; } = 10;

    public int DoorFps { get; set; } = 10;

    /// <summary>thresholds.vacant_hold_s of every unit.</summary>
    public int VacantHoldS { get; set; } = 60;

    /// <summary>reporting.period_s of every unit (periodic people counts).</summary>
    public int ReportPeriodS { get; set; } = 300;

    /// <summary>Per-pixel temporal noise of the arrays, °C (AMG8833: about 0.3).</summary>
    public double ThermalNoiseC { get; set; } = 0.3;
}

/// <summary>Air temperature over the day: cool in the morning, warmer in the afternoon, a slow wander on top.</summary>
public sealed class AmbientSection
{
    public double MorningC { get; set; } = 20.0;

    public double AfternoonC { get; set; } = 22.5;

    public string WarmFrom { get; set; } = "07:30";

    public string WarmUntil { get; set; } = "15:00";
}

/// <summary>The people who work on the floor and their habits.</summary>
public sealed class PeopleSection
{
    /// <summary>Share of desks someone works at today.</summary>
    public double DeskOccupancy { get; set; } = 0.85;

    public string[] Arrive { get; set; } = { "08:00", "09:30" };

    public string[] Leave { get; set; } = { "16:30", "18:00" };

    /// <summary>Share of people who arrive and leave together with a neighbour, side by side.</summary>
    public double Together { get; set; } = 0.25;

    /// <summary>Mean number of coffee runs a person makes in a day (to the kitchen, out of every unit's view).</summary>
    public double CoffeeRuns { get; set; } = 2.5;

    public double[] CoffeeMinutes { get; set; } = { 3, 10 };

    /// <summary>Share of coffee runs a neighbour joins.</summary>
    public double CoffeeTogether { get; set; } = 0.3;

    /// <summary>Share of people who go out for lunch (through the entrance); the rest eat in the kitchen or at the desk.</summary>
    public double LunchOut { get; set; } = 0.4;

    /// <summary>Share of people who eat at their desk (they stay seated).</summary>
    public double LunchAtDesk { get; set; } = 0.2;

    public string[] Lunch { get; set; } = { "12:00", "13:30" };

    public double[] LunchMinutes { get; set; } = { 25, 50 };

    /// <summary>"normal", "still" (seated people barely move: the PIR almost never fires) or "restless".</summary>
    public string Fidget { get; set; } = "normal";

    /// <summary>Share of people wearing a jacket (a cooler body) and a hat or hood (a cooler head).</summary>
    public double Jackets { get; set; } = 0.4;

    public double Hats { get; set; } = 0.1;
}

/// <summary>A meeting held in every meeting room (room k starts k x 20 minutes later), with up to four people.</summary>
public sealed class MeetingSection
{
    public string At { get; set; } = "10:00";

    public double Minutes { get; set; } = 60;

    public int People { get; set; } = 4;
}

/// <summary>Warm things that are not people.</summary>
public sealed class HeatSection
{
    /// <summary>Monitors on each used desk: on when the person first sits down, off when they leave for the day.</summary>
    public bool Monitors { get; set; } = true;

    /// <summary>Share of used desks whose monitors are left on after the person leaves (they stay warm all evening).</summary>
    public double MonitorsLeftOn { get; set; } = 0.1;

    /// <summary>Share of coffee runs that come back with a hot drink put down on the desk (and left there).</summary>
    public double HotDrinks { get; set; } = 0.5;

    /// <summary>Radiators under the windows in view of the outer desk pods, switched by the heating schedule.</summary>
    public bool Radiators { get; set; } = true;

    public string[] HeatingOn { get; set; } = { "07:45", "12:00", "13:00", "17:00" };

    /// <summary>Sun through the windows: a patch moving across the floor of the outer pods between these times; none if absent.</summary>
    public string[]? Sun { get; set; } = { "11:00", "15:30" };

    /// <summary>Laptops left open on empty desks (a small, steady warm patch) as a share of empty desks.</summary>
    public double LaptopsOnEmptyDesks { get; set; }
}

/// <summary>Many visitors arriving through the entrance in a short time (an event in the hall beyond), and leaving later.</summary>
public sealed class RushSection
{
    public string At { get; set; } = "09:00";

    public double Minutes { get; set; } = 15;

    public int People { get; set; } = 40;

    public string LeaveAt { get; set; } = "16:00";

    public double LeaveMinutes { get; set; } = 15;

    /// <summary>Share of visitors walking in a pair (side by side) and in tandem (one right behind the other).</summary>
    public double Pairs { get; set; } = 0.3;

    public double Tandem { get; set; } = 0.2;
}

/// <summary>A part that fails for a while on some units: "network" (no uplink), "thermal" (array gone from the bus), "ambient".</summary>
public sealed class FaultSection
{
    public string Part { get; set; } = "network";

    public string From { get; set; } = "12:00";

    public string To { get; set; } = "12:30";

    /// <summary>"all", "door", "meeting", "desk", or unit numbers (1-based, in the order the floor lists them).</summary>
    public string Units { get; set; } = "all";
}
