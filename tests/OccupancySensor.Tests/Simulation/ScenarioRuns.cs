using System.Collections.Concurrent;
using OccupancySensor.HostSim.Report;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.Tests.Simulation;

/// <summary>
/// Shipped scenarios simulated once per test run (a day of a floor takes seconds), shared by the tests that check
/// what they show.
/// </summary>
internal static class ScenarioRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<SimulationReport>> Runs = new();

    public static SimulationReport Day(string scenario, int seed = 1, int? devices = null) =>
        Runs.GetOrAdd($"{scenario}/{seed}/{devices}", _ => new Lazy<SimulationReport>(() => Simulate(scenario, seed, devices))).Value;

    public static SimulationReport Simulate(string scenario, int seed, int? devices, string? record = null)
    {
        var file = ScenarioCatalog.Load(scenario, out var name);
        var world = FloorBuilder.Build(file, name, devices ?? file.Devices, seed);
        var simulation = new FloorSimulation(world, record);
        simulation.Run();
        return SimulationReport.Of(simulation);
    }
}
