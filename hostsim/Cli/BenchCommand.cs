namespace OccupancySensor.HostSim.Cli;

/// <summary>Placeholder replaced below.</summary>
public static class BenchCommand
{
    public const string Usage = "usage: hostsim bench [--frames N]";

    public static int Run(string[] args, TextWriter output, TextWriter error) => 1;
}
