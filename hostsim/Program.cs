using OccupancySensor.HostSim.Cli;

// hostsim: runs the real device logic against a simulated office and reports what the sensor units would send.
//   dotnet run --project hostsim                                   the main job: the office-day scenario
//   dotnet run --project hostsim -- simulate --scenario NAME [...]  any scenario (see hostsim/Scenarios)
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

if (args.Length > 0 && args[0] == "simulate")
{
    return SimulateCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] is "--help" or "-h")
{
    Console.WriteLine("usage: hostsim [simulate options]   (the office-day scenario by default)");
    Console.WriteLine("       " + SimulateCommand.Usage[7..]);
    Console.WriteLine("       " + ReplayCommand.Usage[7..]);
    Console.WriteLine("       " + BenchCommand.Usage[7..]);
    return 0;
}

// The bare main job: a simulated office day (simulate's options are accepted too, e.g. --seed 7).
return SimulateCommand.Run(args, Console.Out, Console.Error);
