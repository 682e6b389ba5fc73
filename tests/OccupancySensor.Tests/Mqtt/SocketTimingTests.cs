namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// Tests whose sockets work to one- and two-second timeouts (IO, connect, keep-alive) run in this collection, alone,
/// after the parallel tests: beside the simulated floors, which keep both cores busy, a scripted broker's answer
/// or a mosquitto start-up came late and a timeout fired that nothing in the code under test had earned.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketTimingTests
{
    public const string Name = "socket timing";
}
