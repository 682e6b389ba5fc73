using System.Globalization;
using OccupancySensor.HostSim.Bench;

namespace OccupancySensor.HostSim.Cli;

/// <summary>
/// <c>bench [--frames N] [--json]</c>: the detection engine's time and allocation per frame at 8x8, 16x12 and
/// 32x24 (see <see cref="EngineBenchmark"/>). Meant for Release builds: <c>dotnet run --project hostsim -c Release -- bench</c>.
/// </summary>
public static class BenchCommand
{
    public const string Usage = "usage: hostsim bench [--frames N] [--json]";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var framesPerRound = 0;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    output.WriteLine("  --frames N   frames per measured round (default: whole scene loops filling about 150 ms); 7 rounds");
                    output.WriteLine("  --json       machine-readable output");
                    return 0;
                case "--json":
                    json = true;
                    break;
                case "--frames":
                    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out framesPerRound) ||
                        framesPerRound < 1 || framesPerRound > 10_000_000)
                    {
                        return Fail(error, "--frames needs a number of frames from 1 to 10000000");
                    }

                    i++;
                    break;
                default:
                    return Fail(error, $"unknown argument '{args[i]}'");
            }
        }

        var machine = BenchMachine.Current();
        if (!machine.Optimized)
        {
            error.WriteLine($"hostsim bench: warning: {machine.NotOptimizedBecause}; the numbers do not represent a Release build " +
                            "(run: dotnet run --project hostsim -c Release -- bench)");
        }

        var results = new List<BenchResult>();
        foreach (var benchCase in BenchCase.Standard)
        {
            results.Add(EngineBenchmark.Run(benchCase, framesPerRound, EngineBenchmark.DefaultRounds));
        }

        if (json)
        {
            BenchReport.WriteJson(machine, results, output);
        }
        else
        {
            BenchReport.WriteTable(machine, results, output);
        }

        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"hostsim bench: {message}");
        error.WriteLine(Usage);
        return 2;
    }
}
