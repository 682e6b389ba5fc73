using System.Globalization;
using System.Text.Json;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>A scenario file that cannot be used: what is wrong and where.</summary>
public sealed class ScenarioException(string message) : Exception(message);

/// <summary>
/// Finds and reads scenario files: a bare name is looked up in the Scenarios folder shipped beside the simulator
/// (copied from hostsim/Scenarios), anything with a slash or ending in .json is a path. Every value is checked here,
/// so a floor is only ever built from a scenario that makes sense; errors name the file, the key and (for JSON
/// syntax) the line.
/// </summary>
public static class ScenarioCatalog
{
    public const string DefaultName = "office-day";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    /// <summary>The names of the shipped scenarios, sorted.</summary>
    public static IReadOnlyList<string> Names =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();

    public static ScenarioFile Load(string nameOrPath, out string name)
    {
        var isPath = nameOrPath.Contains('/') || nameOrPath.Contains('\\') || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var path = isPath ? nameOrPath : Path.Combine(Folder, nameOrPath + ".json");
        name = Path.GetFileNameWithoutExtension(path);
        if (!File.Exists(path))
        {
            throw new ScenarioException(isPath
                ? $"{path}: no such file"
                : $"no scenario '{nameOrPath}' (shipped: {string.Join(", ", Names)})");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static ScenarioFile Parse(string json, string fileName)
    {
        ScenarioFile? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<ScenarioFile>(json, ScenarioFile.JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" line {line + 1}" : string.Empty;
            throw new ScenarioException($"{fileName}{where}: {FirstSentence(e.Message)}");
        }

        if (scenario is null)
        {
            throw new ScenarioException($"{fileName}: the file holds no scenario (null)");
        }

        try
        {
            Validate(scenario);
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException($"{fileName}: {e.Message}");
        }

        return scenario;
    }

    /// <summary>Seconds since midnight of "HH:MM" (or "HH:MM:SS"); the key names the value in the error.</summary>
    public static double TimeOfDay(string key, string? text)
    {
        if (text is not null &&
            TimeSpan.TryParseExact(text, new[] { @"hh\:mm", @"h\:mm", @"hh\:mm\:ss" }, CultureInfo.InvariantCulture, out var time) &&
            time < TimeSpan.FromDays(1))
        {
            return time.TotalSeconds;
        }

        throw new ScenarioException($"{key} must be a time of day HH:MM (got '{text}')");
    }

    /// <summary>A [from, to] pair of times of day in order.</summary>
    public static (double From, double To) Window(string key, string[]? pair)
    {
        if (pair is not { Length: 2 })
        {
            throw new ScenarioException($"{key} must be two times [\"HH:MM\", \"HH:MM\"]");
        }

        var from = TimeOfDay(key, pair[0]);
        var to = TimeOfDay(key, pair[1]);
        if (to < from)
        {
            throw new ScenarioException($"{key}: {pair[1]} is before {pair[0]}");
        }

        return (from, to);
    }

    /// <summary>A [low, high] pair of positive numbers in order.</summary>
    public static (double Low, double High) Range(string key, double[]? pair, double max)
    {
        if (pair is not { Length: 2 } || !(pair[0] > 0) || !(pair[1] >= pair[0]) || pair[1] > max)
        {
            throw new ScenarioException($"{key} must be two numbers [low, high] with 0 < low <= high <= {max}");
        }

        return (pair[0], pair[1]);
    }

    private static void Validate(ScenarioFile s)
    {
        var start = TimeOfDay("start", s.Start);
        var end = TimeOfDay("end", s.End);
        Check(end > start + 600, "end", "must be at least ten minutes after start");
        Check(s.Devices is >= 1 and <= 200, "devices", "must be 1-200");
        Check(!string.IsNullOrWhiteSpace(s.Building) && s.Building.All(IsTagChar), "building", "must be letters, digits, '-' or '_'");
        Check(!string.IsNullOrWhiteSpace(s.Floor) && s.Floor.All(IsTagChar), "floor", "must be letters, digits, '-' or '_'");

        var l = s.Layout ?? throw new ScenarioException("layout must not be null");
        Check(l.CeilingM is >= 2.2 and <= 4.0, "layout.ceiling_m", "must be 2.2-4.0 m");
        Check(l.DoorCeilingM is >= 2.2 and <= 4.0, "layout.door_ceiling_m", "must be 2.2-4.0 m");
        Check(l.DoorUnits is 0 or 1, "layout.door_units", "must be 0 or 1");
        Check(l.MeetingRoomShare is >= 0 and <= 1, "layout.meeting_room_share", "must be 0-1");
        foreach (var (key, fps) in new[] { ("desk_fps", l.DeskFps), ("meeting_fps", l.MeetingFps), ("door_fps", l.DoorFps) })
        {
            Check(fps is 1 or 10, "layout." + key, "must be 1 or 10 (the AMG8833's rates)");
        }

        Check(l.VacantHoldS is >= 0 and <= 3600, "layout.vacant_hold_s", "must be 0-3600");
        Check(l.ReportPeriodS is >= 10 and <= 86400, "layout.report_period_s", "must be 10-86400");
        Check(l.ThermalNoiseC is >= 0 and <= 2, "layout.thermal_noise_c", "must be 0-2 °C");

        var a = s.Ambient ?? throw new ScenarioException("ambient must not be null");
        Check(a.MorningC is >= 5 and <= 35 && a.AfternoonC is >= 5 and <= 35, "ambient", "temperatures must be 5-35 °C");
        Check(TimeOfDay("ambient.warm_until", a.WarmUntil) > TimeOfDay("ambient.warm_from", a.WarmFrom), "ambient.warm_until", "must be after warm_from");

        var p = s.People ?? throw new ScenarioException("people must not be null");
        Share("people.desk_occupancy", p.DeskOccupancy);
        var arrive = Window("people.arrive", p.Arrive);
        var leave = Window("people.leave", p.Leave);
        Check(arrive.From >= start && leave.To <= end, "people", "arrive and leave must lie within the day (start-end)");
        Check(leave.From > arrive.To + 1800, "people.leave", "must start at least 30 minutes after the last arrival");
        Share("people.together", p.Together);
        Check(p.CoffeeRuns is >= 0 and <= 20, "people.coffee_runs", "must be 0-20");
        Range("people.coffee_minutes", p.CoffeeMinutes, 120);
        Share("people.coffee_together", p.CoffeeTogether);
        Share("people.lunch_out", p.LunchOut);
        Share("people.lunch_at_desk", p.LunchAtDesk);
        Check(p.LunchOut + p.LunchAtDesk <= 1, "people", "lunch_out + lunch_at_desk must be at most 1");
        Window("people.lunch", p.Lunch);
        Range("people.lunch_minutes", p.LunchMinutes, 180);
        Check(p.Fidget is "normal" or "still" or "restless", "people.fidget", "must be normal, still or restless");
        Share("people.jackets", p.Jackets);
        Share("people.hats", p.Hats);

        foreach (var (m, i) in (s.Meetings ?? throw new ScenarioException("meetings must not be null")).Select((m, i) => (m, i)))
        {
            var key = $"meetings[{i}]";
            var at = TimeOfDay(key + ".at", m.At);
            Check(m.Minutes is >= 5 and <= 480, key + ".minutes", "must be 5-480");
            Check(m.People is >= 1 and <= MeetingRoomSeats, key + ".people", $"must be 1-{MeetingRoomSeats} (seats in view of a meeting-room unit)");
            Check(at >= start && at + (m.Minutes * 60) <= end, key, "must lie within the day");
        }

        var h = s.Heat ?? throw new ScenarioException("heat must not be null");
        Share("heat.monitors_left_on", h.MonitorsLeftOn);
        Share("heat.hot_drinks", h.HotDrinks);
        Share("heat.laptops_on_empty_desks", h.LaptopsOnEmptyDesks);
        if (h.HeatingOn is not { Length: > 0 } || h.HeatingOn.Length % 2 != 0)
        {
            throw new ScenarioException("heat.heating_on must list on/off times in pairs");
        }

        var previous = -1.0;
        foreach (var t in h.HeatingOn.Select(t => TimeOfDay("heat.heating_on", t)))
        {
            Check(t > previous, "heat.heating_on", "times must increase");
            previous = t;
        }

        if (h.Sun is not null)
        {
            Window("heat.sun", h.Sun);
        }

        if (s.Rush is { } r)
        {
            var at = TimeOfDay("rush.at", r.At);
            var leaveAt = TimeOfDay("rush.leave_at", r.LeaveAt);
            Check(r.Minutes is > 0 and <= 240 && r.LeaveMinutes is > 0 and <= 240, "rush", "minutes and leave_minutes must be 1-240");
            Check(r.People is >= 1 and <= 1000, "rush.people", "must be 1-1000");
            Check(leaveAt > at + (r.Minutes * 60) && at >= start && leaveAt + (r.LeaveMinutes * 60) <= end, "rush", "must arrive, then leave, within the day");
            Share("rush.pairs", r.Pairs);
            Share("rush.tandem", r.Tandem);
            Check(r.Pairs + r.Tandem <= 1, "rush", "pairs + tandem must be at most 1");
            Check(l.DoorUnits == 1, "rush", "needs a door unit (layout.door_units = 1)");
        }

        foreach (var (f, i) in (s.Faults ?? throw new ScenarioException("faults must not be null")).Select((f, i) => (f, i)))
        {
            var key = $"faults[{i}]";
            Check(f.Part is "network" or "thermal" or "ambient", key + ".part", "must be network, thermal or ambient");
            Check(TimeOfDay(key + ".to", f.To) > TimeOfDay(key + ".from", f.From), key + ".to", "must be after from");
            Check(f.Units is "all" or "door" or "meeting" or "desk" || f.Units.Split(',').All(u => int.TryParse(u.Trim(), out var n) && n >= 1),
                key + ".units", "must be all, door, meeting, desk or unit numbers like \"1,4\"");
        }
    }

    /// <summary>Seats a meeting-room unit sees: four chairs round a table fit the view of an 8x8 array from 2.7 m.</summary>
    public const int MeetingRoomSeats = 4;

    private static bool IsTagChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static void Share(string key, double value) => Check(value is >= 0 and <= 1, key, "must be a share from 0 to 1");

    private static void Check(bool ok, string key, string problem)
    {
        if (!ok)
        {
            throw new ScenarioException($"{key} {problem}");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] + message[cut..].Split(" | ")[0] : message;
    }
}
