using System.Diagnostics;
using System.Globalization;
using OccupancySensor.HostSim.Report;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.HostSim.Cli;

/// <summary>
/// <c>simulate [--scenario NAME|FILE.json] [--devices N] [--seed S] [--json] [--record DIR] [--threads N]</c>: a simulated
/// floor through a day, every unit running the real firmware, and the report. Exit codes: 0 done, 1 the scenario
/// cannot be used, 2 bad options.
/// </summary>
public static class SimulateCommand
{
    public const string Usage =
        "usage: hostsim simulate [--scenario NAME|FILE.json] [--devices N] [--seed S] [--json] [--record DIR] [--threads N]";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var scenarioName = ScenarioCatalog.DefaultName;
        int? devices = null;
        var seed = 1;
        var json = false;
        string? record = null;
        var threads = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                output.WriteLine(Usage);
                output.WriteLine("scenarios: " + string.Join(", ", ScenarioCatalog.Names));
                return 0;
            }

            if (arg == "--json")
            {
                json = true;
                continue;
            }

            if (i + 1 >= args.Length || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail(error, arg.StartsWith("--", StringComparison.Ordinal) ? $"{arg} needs a value" : $"unexpected argument '{arg}'");
            }

            var value = args[++i];
            switch (arg)
            {
                case "--scenario":
                    scenarioName = value;
                    break;
                case "--devices" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 200:
                    devices = n;
                    break;
                case "--devices":
                    return Fail(error, $"--devices must be a whole number from 1 to 200 (got '{value}')");
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--seed":
                    return Fail(error, $"--seed must be an integer (got '{value}')");
                case "--record":
                    record = value;
                    break;
                case "--threads" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 64:
                    threads = t;
                    break;
                case "--threads":
                    return Fail(error, $"--threads must be 1-64 (got '{value}')");
                default:
                    return Fail(error, $"unknown option '{arg}'");
            }
        }

        FloorSimulation simulation;
        try
        {
            var scenario = ScenarioCatalog.Load(scenarioName, out var name);
            var world = FloorBuilder.Build(scenario, name, devices ?? scenario.Devices, seed);
            simulation = new FloorSimulation(world, record);
        }
        catch (ScenarioException e)
        {
            error.WriteLine("hostsim simulate: " + e.Message);
            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine($"hostsim simulate: cannot record to '{record}': {e.Message}");
            return 1;
        }

        var w = simulation.World;
        var status = json ? error : output;
        status.WriteLine($"Simulating '{w.ScenarioName}' (seed {seed}): {simulation.Units.Count} sensor units on floor {w.Scenario.Floor} of building {w.Scenario.Building}, " +
            $"{w.PeopleCount} people, {w.HeatSourceCount} heat sources, {TimeSpan.FromSeconds(w.Start):hh\\:mm} to {TimeSpan.FromSeconds(w.End):hh\\:mm}.");
        var watch = Stopwatch.StartNew();
        using (var progress = new ProgressBar(error, simulation.TotalSeconds, () => simulation.SecondsDone))
        {
            simulation.Run(threads);
        }

        watch.Stop();
        var hours = (w.End - w.Start) / 3600;
        status.WriteLine($"Simulated {hours:0.#} hours of {simulation.Units.Count} units in {watch.Elapsed.TotalSeconds:F1} s ({Environment.ProcessorCount} cores).");
        if (record is not null)
        {
            status.WriteLine($"Recorded each unit's frames, truth and configuration in {record} (replay format).");
        }

        var report = SimulationReport.Of(simulation);
        if (json)
        {
            output.WriteLine(report.ToJson());
        }
        else
        {
            output.WriteLine();
            report.PrintTable(output);
        }

        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("hostsim simulate: " + message);
        error.WriteLine(Usage);
        return 2;
    }
}
