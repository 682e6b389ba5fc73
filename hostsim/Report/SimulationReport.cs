using System.Globalization;
using System.Text;
using System.Text.Json;
using OccupancySensor.HostSim.Scoring;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.HostSim.Report;

/// <summary>
/// What a simulated day shows: per unit and for the floor, reported presence, counts and doorway totals against the
/// truth, delays to occupied and to vacant, and what happened to every reading. Built once after the run; printed as
/// a table or as JSON. Nothing in it depends on the machine or the wall clock, so the same seed gives the same report.
/// </summary>
public sealed class SimulationReport
{
    private SimulationReport(FloorSimulation simulation)
    {
        World = simulation.World;
        Units = simulation.Units;
        var zones = Units.SelectMany(u => u.Zones).Where(z => z.Scored).ToArray();
        var scored = zones.Sum(z => z.ScoredSeconds);
        PresenceAccuracy = scored == 0 ? 1 : (double)zones.Sum(z => z.Correct) / scored;
        var seconds = zones.Sum(z => z.Seconds);
        PresenceAccuracyStrict = seconds == 0 ? 1 : (double)zones.Sum(z => z.StrictCorrect) / seconds;
        FalseOccupiedSeconds = zones.Sum(z => z.FalseOccupiedSeconds);
        MissedOccupiedSeconds = zones.Sum(z => z.MissedSeconds);
        UnseenEpisodes = zones.Sum(z => z.UnseenEpisodes);
        Episodes = zones.Sum(z => z.Episodes);
        OccupiedDelays = zones.SelectMany(z => z.OccupiedDelays).Order().ToArray();
        VacantDelays = zones.SelectMany(z => z.VacantDelays).Order().ToArray();
        var samples = Units.Sum(u => u.CountSamples);
        CountMae = samples == 0 ? 0 : (double)Units.Sum(u => u.CountAbsoluteError) / samples;
        CountSamples = samples;
        CountsAboveTruth = Units.Sum(u => u.CountsAboveTruth);
        var doors = Units.Where(u => u.Site.Kind == SiteKind.Door).ToArray();
        if (doors.Length > 0)
        {
            TruthIn = doors.Sum(u => u.TruthIn);
            TruthOut = doors.Sum(u => u.TruthOut);
            ReportedIn = doors.Sum(u => u.ReportedIn);
            ReportedOut = doors.Sum(u => u.ReportedOut);
            DoorCountAccuracy = DoorAccuracy(TruthIn, TruthOut, ReportedIn, ReportedOut);
        }

        Produced = Units.Sum(u => (long)u.Unit.Counters.ReadingsProduced);
        Delivered = Units.Sum(u => (long)u.Delivered);
        Lost = Units.Sum(u => (long)u.Dropped);
        Pending = Units.Sum(u => (long)u.Pending);
    }

    public FloorWorld World { get; }

    public IReadOnlyList<FloorUnit> Units { get; }

    public double PresenceAccuracy { get; }

    public double PresenceAccuracyStrict { get; }

    public long FalseOccupiedSeconds { get; }

    public long MissedOccupiedSeconds { get; }

    public int Episodes { get; }

    public int UnseenEpisodes { get; }

    public double[] OccupiedDelays { get; }

    public double[] VacantDelays { get; }

    public double CountMae { get; }

    public int CountSamples { get; }

    public int CountsAboveTruth { get; }

    /// <summary>1 - (|in error| + |out error|) / (true in + true out) over the door units; null without one.</summary>
    public double? DoorCountAccuracy { get; }

    public int TruthIn { get; }

    public int TruthOut { get; }

    public int ReportedIn { get; }

    public int ReportedOut { get; }

    public long Produced { get; }

    public long Delivered { get; }

    public long Lost { get; }

    public long Pending { get; }

    public static SimulationReport Of(FloorSimulation simulation) => new(simulation);

    public static double DoorAccuracy(int truthIn, int truthOut, int reportedIn, int reportedOut)
    {
        var total = truthIn + truthOut;
        return total == 0
            ? (reportedIn + reportedOut == 0 ? 1 : 0)
            : Math.Max(0, 1 - ((double)(Math.Abs(reportedIn - truthIn) + Math.Abs(reportedOut - truthOut)) / total));
    }

    /// <summary>The value below which a share <paramref name="q"/> of the sorted values lie (nearest rank); 0 if none.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", World.ScenarioName);
            w.WriteNumber("seed", World.Seed);
            w.WriteNumber("devices", Units.Count);
            w.WriteString("day_start", Clock(World.Start));
            w.WriteString("day_end", Clock(World.End));
            w.WriteNumber("people", World.PeopleCount);
            w.WriteNumber("heat_sources", World.HeatSourceCount);
            w.WriteNumber("presence_accuracy", Round(PresenceAccuracy));
            w.WriteNumber("presence_accuracy_strict", Round(PresenceAccuracyStrict));
            w.WriteNumber("count_mae", Round(CountMae));
            w.WriteNumber("count_samples", CountSamples);
            w.WriteNumber("counts_above_truth", CountsAboveTruth);
            if (DoorCountAccuracy is { } door)
            {
                w.WriteNumber("door_count_accuracy", Round(door));
            }
            else
            {
                w.WriteNull("door_count_accuracy");
            }

            w.WriteNumber("door_truth_in", TruthIn);
            w.WriteNumber("door_truth_out", TruthOut);
            w.WriteNumber("door_reported_in", ReportedIn);
            w.WriteNumber("door_reported_out", ReportedOut);
            w.WriteNumber("false_occupied_seconds", FalseOccupiedSeconds);
            w.WriteNumber("missed_occupied_seconds", MissedOccupiedSeconds);
            w.WriteNumber("occupied_episodes", Episodes);
            w.WriteNumber("unseen_episodes", UnseenEpisodes);
            Delays(w, "delay_to_occupied_s", OccupiedDelays);
            Delays(w, "delay_to_vacant_s", VacantDelays);
            w.WriteNumber("readings_produced", Produced);
            w.WriteNumber("readings_delivered", Delivered);
            w.WriteNumber("readings_lost", Lost);
            w.WriteNumber("readings_pending", Pending);
            w.WriteStartArray("units");
            foreach (var u in Units)
            {
                w.WriteStartObject();
                w.WriteString("device_id", u.Site.DeviceId);
                w.WriteString("kind", u.Site.KindName);
                w.WriteNumber("fps", u.Site.Fps);
                w.WriteNumber("frames", u.Unit.Counters.FramesProcessed);
                w.WriteNumber("faults", u.Faults.Total);
                w.WriteNumber("count_samples", u.CountSamples);
                w.WriteNumber("count_mae", Round(u.CountMae));
                if (u.Site.Kind == SiteKind.Door)
                {
                    w.WriteNumber("truth_in", u.TruthIn);
                    w.WriteNumber("truth_out", u.TruthOut);
                    w.WriteNumber("reported_in", u.ReportedIn);
                    w.WriteNumber("reported_out", u.ReportedOut);
                    w.WriteNumber("door_count_accuracy", Round(DoorAccuracy(u.TruthIn, u.TruthOut, u.ReportedIn, u.ReportedOut)));
                }

                w.WriteNumber("readings_produced", u.Unit.Counters.ReadingsProduced);
                w.WriteNumber("readings_delivered", u.Delivered);
                w.WriteNumber("readings_lost", u.Dropped);
                w.WriteNumber("readings_pending", u.Pending);
                w.WriteStartArray("zones");
                foreach (var z in u.Zones)
                {
                    w.WriteStartObject();
                    w.WriteString("zone", z.Zone);
                    w.WriteString("asset_type", z.AssetType);
                    w.WriteBoolean("scored", z.Scored);
                    w.WriteNumber("presence_accuracy", Round(z.Accuracy));
                    w.WriteNumber("presence_accuracy_strict", Round(z.StrictAccuracy));
                    w.WriteNumber("truth_occupied_s", z.TruthOccupiedSeconds);
                    w.WriteNumber("false_occupied_seconds", z.FalseOccupiedSeconds);
                    w.WriteNumber("missed_occupied_seconds", z.MissedSeconds);
                    w.WriteNumber("occupied_episodes", z.Episodes);
                    Delays(w, "delay_to_occupied_s", z.OccupiedDelays.Order().ToArray());
                    Delays(w, "delay_to_vacant_s", z.VacantDelays.Order().ToArray());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void PrintTable(TextWriter o)
    {
        o.WriteLine($"Presence per zone, compared with the truth every simulated second (scored: outside the {ZoneScore.OccupiedAllowanceSeconds:0} s after an arrival and the vacant hold + {ZoneScore.OccupiedAllowanceSeconds:0} s after a departure):");
        o.WriteLine($"  {"unit",-16} {"zone",-8} {"type",-12} {"accuracy",8} {"strict",8} {"occupied",9} {"to occ. s",9} {"to vac. s",9} {"false s",8} {"missed s",8}");
        foreach (var u in Units)
        {
            foreach (var z in u.Zones.Where(z => z.Scored))
            {
                var occ = z.OccupiedDelays.Order().ToArray();
                var vac = z.VacantDelays.Order().ToArray();
                o.WriteLine($"  {u.Site.DeviceId,-16} {z.Zone,-8} {z.AssetType,-12} {z.Accuracy,8:P1} {z.StrictAccuracy,8:P1} {Duration(z.TruthOccupiedSeconds),9} {Median(occ),9} {Median(vac),9} {z.FalseOccupiedSeconds,8} {z.MissedSeconds,8}");
            }
        }

        o.WriteLine();
        o.WriteLine("Counts and the doorway:");
        o.WriteLine($"  {"unit",-16} {"kind",-8} {"counts",7} {"MAE",6} {"above",6} {"in true/rep.",13} {"out true/rep.",14} {"door acc.",9}");
        foreach (var u in Units)
        {
            var door = u.Site.Kind == SiteKind.Door;
            o.WriteLine($"  {u.Site.DeviceId,-16} {u.Site.KindName,-8} {u.CountSamples,7} {u.CountMae,6:F3} {u.CountsAboveTruth,6} " +
                $"{(door ? $"{u.TruthIn}/{u.ReportedIn}" : "-"),13} {(door ? $"{u.TruthOut}/{u.ReportedOut}" : "-"),14} " +
                $"{(door ? DoorAccuracy(u.TruthIn, u.TruthOut, u.ReportedIn, u.ReportedOut).ToString("P1", CultureInfo.InvariantCulture) : "-"),9}");
        }

        o.WriteLine();
        o.WriteLine("Sampling loop and uplink per unit:");
        o.WriteLine($"  {"unit",-16} {"fps",3} {"frames",7} {"pir",5} {"faults",6} {"produced",8} {"delivered",9} {"pending",7} {"lost",5} {"prealloc B",10}");
        foreach (var u in Units)
        {
            var c = u.Unit.Counters;
            o.WriteLine($"  {u.Site.DeviceId,-16} {u.Site.Fps,3} {c.FramesProcessed,7} {c.MotionEvents,5} {u.Faults.Total,6} {c.ReadingsProduced,8} {u.Delivered,9} {u.Pending,7} {u.Dropped,5} {u.Unit.AllocatedBytes,10}");
        }

        o.WriteLine();
        o.WriteLine($"Floor ({World.ScenarioName}, seed {World.Seed}, {Units.Count} units, {World.PeopleCount} people, {World.HeatSourceCount} heat sources, {Clock(World.Start)}-{Clock(World.End)}):");
        o.WriteLine($"  presence accuracy        {PresenceAccuracy:P2} (strict, every second: {PresenceAccuracyStrict:P2})");
        o.WriteLine($"  delay to occupied        median {Median(OccupiedDelays)} s, 95th percentile {Quantile(OccupiedDelays, 0.95):0} s over {OccupiedDelays.Length} arrivals ({UnseenEpisodes} of {Episodes} visits never reported)");
        o.WriteLine($"  delay to vacant          median {Median(VacantDelays)} s, 95th percentile {Quantile(VacantDelays, 0.95):0} s over {VacantDelays.Length} departures");
        o.WriteLine($"  false occupied / missed  {FalseOccupiedSeconds} s / {MissedOccupiedSeconds} s");
        o.WriteLine($"  people count MAE         {CountMae:F3} over {CountSamples} periodic counts ({CountsAboveTruth} above the truth)");
        o.WriteLine(DoorCountAccuracy is { } acc
            ? $"  doorway count accuracy   {acc:P2} (in {ReportedIn} of {TruthIn}, out {ReportedOut} of {TruthOut})"
            : "  doorway count accuracy   - (no door unit)");
        o.WriteLine($"  readings                 {Produced} produced, {Delivered} delivered, {Pending} pending, {Lost} lost");
    }

    private static string Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? "-" : Quantile(sorted, 0.5).ToString("0", CultureInfo.InvariantCulture);

    private static void Delays(Utf8JsonWriter w, string name, IReadOnlyList<double> sorted)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", sorted.Count);
        w.WriteNumber("median", Quantile(sorted, 0.5));
        w.WriteNumber("p95", Quantile(sorted, 0.95));
        w.WriteNumber("max", sorted.Count == 0 ? 0 : sorted[^1]);
        w.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static string Duration(long seconds) => TimeSpan.FromSeconds(seconds).ToString(@"h\:mm", CultureInfo.InvariantCulture);

    private static string Clock(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
