using System.Diagnostics;
using OccupancySensor.HostSim.Cli;
using OccupancySensor.HostSim.Report;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World;

// hostsim: runs the real device logic against a simulated office and prints what the sensor units would report.
//   dotnet run --project hostsim                 a working day on one floor (the built-in demo scenario)
//   dotnet run --project hostsim -- --seed 7     the same with another random seed
//   dotnet run --project hostsim -c Release -- replay FRAMES.csv --trace TRACE.csv [...]   a recording through the engine
//   dotnet run --project hostsim -c Release -- bench                                        engine speed and memory
if (args.Length > 0 && args[0] == "replay")
{
    return ReplayCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "bench")
{
    return BenchCommand.Run(args[1..], Console.Out, Console.Error);
}

var seed = 1;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--seed" && i + 1 < args.Length && int.TryParse(args[i + 1], out var parsed))
    {
        seed = parsed;
        i++;
    }
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("usage: hostsim [--seed N]\n       " + ReplayCommand.Usage[7..] + "\n       " + BenchCommand.Usage[7..]);
        return 0;
    }
    else
    {
        Console.Error.WriteLine($"hostsim: unknown argument '{args[i]}' (usage: hostsim [--seed N])");
        return 2;
    }
}

var simulation = new DaySimulation(DemoOffice.Plans, seed);
foreach (var unit in simulation.Units.Where(u => !u.ConfigurationAccepted))
{
    Console.Error.WriteLine($"hostsim: configuration of {unit.Configuration.DeviceId} rejected:\n{unit.ConfigurationRejection}");
    return 1;
}

Console.WriteLine($"Simulating {simulation.Units.Count} sensor units on floor 3 of building hq, {DemoOffice.DayStart:hh\\:mm} to {DemoOffice.DayEnd:hh\\:mm}, seed {seed}.");
var watch = Stopwatch.StartNew();
simulation.Run(DemoOffice.DayEnd);
watch.Stop();
Console.WriteLine($"Simulated {(DemoOffice.DayEnd - DemoOffice.DayStart).TotalHours:F0} hours in {watch.Elapsed.TotalSeconds:F1} s.");
Console.WriteLine();
DayReport.Print(simulation, Console.Out, sampleMessages: 4);
return 0;
