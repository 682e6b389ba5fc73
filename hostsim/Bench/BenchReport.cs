using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OccupancySensor.HostSim.Bench;

/// <summary>The machine a benchmark ran on.</summary>
public sealed record BenchMachine(
    int ProcessorCount,
    string Cpu,
    string Framework,
    string Os,
    string Architecture,
    bool ServerGc,
    bool Optimized,
    string NotOptimizedBecause,
    long StopwatchFrequency)
{
    public static BenchMachine Current()
    {
        var optimized = EngineBenchmark.IsOptimized(out var why);
        return new BenchMachine(
            Environment.ProcessorCount,
            CpuName(),
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            RuntimeInformation.ProcessArchitecture.ToString(),
            GCSettings.IsServerGC,
            optimized,
            why,
            System.Diagnostics.Stopwatch.Frequency);
    }

    private static string CpuName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.Contains(':'))
                    {
                        return line[(line.IndexOf(':') + 1)..].Trim();
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return "unknown";
    }
}

/// <summary>Prints benchmark results as a table or as JSON.</summary>
public static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static void WriteTable(BenchMachine machine, IReadOnlyList<BenchResult> results, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("Detection engine, whole chain per frame (PIR edge if any + AcceptFrame), pre-rendered doorway scene");
        output.WriteLine($"machine: {machine.ProcessorCount} logical CPUs ({machine.Cpu}), {machine.Framework}, {machine.Os}, {machine.Architecture}" +
                         (machine.ServerGc ? ", server GC" : ", workstation GC"));
        if (!machine.Optimized)
        {
            output.WriteLine($"WARNING: {machine.NotOptimizedBecause}: these are not Release numbers");
        }

        output.WriteLine();
        output.WriteLine("size    fps  rounds x frames   ns/frame median        min   bytes alloc/frame   preallocated bytes");
        foreach (var r in results)
        {
            output.WriteLine(string.Format(c, "{0,-6} {1,4}  {2,15}   {3,15:N0} {4,10:N0}   {5,17:0.###}   {6,18:N0}",
                r.Size, r.FramesPerSecond, $"{r.Rounds} x {r.FramesPerRound.ToString("N0", c)}", r.NsPerFrameMedian, r.NsPerFrameMin,
                r.BytesAllocatedPerFrame, r.PreallocatedBytes));
        }

        output.WriteLine();
        foreach (var r in results)
        {
            output.WriteLine(string.Format(c,
                "{0}: warm-up {1:N0} frames ({2:0.0} s); rounds {3} ns/frame; harness share {4:0.0} ns/frame; " +
                "gen0 GCs while measuring: {5}; the engine counted {6} in, {7} out, emitted {8:N0} readings",
                r.Size, r.WarmUpFrames, r.WarmUpSeconds, string.Join("/", r.RoundNsPerFrame.Select(v => v.ToString("0", c))),
                r.HarnessNsPerFrame, r.Gen0Collections, r.DoorIn, r.DoorOut, r.Readings));
        }
    }

    public static void WriteJson(BenchMachine machine, IReadOnlyList<BenchResult> results, TextWriter output)
    {
        output.WriteLine(JsonSerializer.Serialize(new { machine, results }, Json));
    }
}
