using System.Diagnostics;
using System.Text.Json;
using OccupancySensor.HostSim.Network;
using OccupancySensor.HostSim.Network.Mqtt;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;
using Xunit.Abstractions;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// The issue's end-to-end proof: 20 simulated units run the real firmware (flash log, store-and-forward, commands)
/// and publish through the project's MQTT client to a real mosquitto, held to the wall clock at 300x; in the middle
/// of the run the broker is stopped for 35 s (or the network is cut for 35 s, under mutual TLS), and an independent
/// subscriber (mosquitto_sub, persistent session) must end up with every reading every unit produced, once duplicates
/// are dropped by device and sequence number.
/// </summary>
[Collection(RealBrokerRuns.Name)]
public sealed class FloorOverRealBrokerTests
{
    // 07:30-13:30 at 300x real time: a 72 s run, long enough for a 35 s outage to start and end inside it.
    private const string Until = "13:30";
    private const double Speed = 300;
    private static readonly TimeSpan OutageStartsAfter = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(35);

    private readonly ITestOutputHelper _output;

    public FloorOverRealBrokerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Twenty_units_lose_no_reading_when_the_broker_is_stopped_for_35_s_in_the_middle_of_the_run()
    {
        using var broker = new MosquittoBroker(TestPki.Shared);
        var settings = new BrokerSettings { Host = "127.0.0.1", Port = broker.PlainPort, KeepAliveSeconds = 5, ConnectTimeout = TimeSpan.FromSeconds(2) };
        Run(broker, settings, BrokerListener.Plain, "consumer-broker-stop", outageStarts: broker.Stop, outageEnds: broker.Start);
    }

    [Fact]
    public void Twenty_units_over_mutual_tls_lose_no_reading_when_the_network_is_cut_for_35_s_in_the_middle_of_the_run()
    {
        using var broker = new MosquittoBroker(TestPki.Shared);
        using var network = new CuttableTcpProxy(broker.MutualTlsPort);
        var pki = broker.Pki;
        var settings = new BrokerSettings
        {
            Host = "127.0.0.1",
            Port = network.Port,
            CaFile = pki.CaCertificate,
            CertFile = pki.ClientCertificate,
            KeyFile = pki.ClientKey,
            KeepAliveSeconds = 3,
            ConnectTimeout = TimeSpan.FromSeconds(2),
        };
        Run(broker, settings, BrokerListener.Plain, "consumer-network-cut", outageStarts: network.Cut, outageEnds: network.Restore);
        Assert.True(network.Swallowed > 0, "the cut swallowed nothing: it did not happen while units were sending");
    }

    private void Run(MosquittoBroker broker, BrokerSettings settings, BrokerListener subscriberListener, string consumerId, Action outageStarts, Action outageEnds)
    {
        using var consumer = new SubscriberProcess(broker, "occupancy/hq/#", consumerId, subscriberListener);
        consumer.WaitForSubscriptions(1, TimeSpan.FromSeconds(10));

        var scenario = ScenarioCatalog.Load("office-day", out var name);
        scenario.End = Until;
        var world = FloorBuilder.Build(scenario, name, 20, seed: 1);
        var simulation = new FloorSimulation(world, link: settings.CreateLink);
        var pacing = new RealTimePacing(Speed, drainLimit: TimeSpan.FromSeconds(90));
        var watch = Stopwatch.StartNew();
        var run = Task.Run(() => simulation.Run(0, pacing));

        Thread.Sleep(OutageStartsAfter);
        var sentBefore = simulation.Units.Sum(u => u.Publisher.Delivered);
        outageStarts();
        var outageAt = watch.Elapsed;
        Thread.Sleep(Outage);
        outageEnds();
        var outageOver = watch.Elapsed;
        Assert.False(run.IsCompleted, "the run ended before the outage did: it was not in the middle");
        run.Wait();
        var runTime = watch.Elapsed;

        // What every unit produced, by device: sequence numbers 1..N of its log, N = readings produced (no reading
        // was dropped, so the publisher added no drop report).
        var expected = new Dictionary<string, long>();
        foreach (var unit in simulation.Units)
        {
            Assert.Equal(0, unit.Publisher.Dropped);
            Assert.Equal(0, unit.Publisher.Pending);
            Assert.Equal(unit.Unit.Counters.ReadingsProduced, unit.Log.NextSequence - 1);
            expected[unit.Configuration.DeviceId] = unit.Log.NextSequence - 1;
            Assert.True(((MqttTransport)unit.Link).ConnectionsLost > 0, $"{unit.Configuration.DeviceId} never lost its connection");
            unit.Link.Close();
            ((IDisposable)unit.Link).Dispose();
        }

        var produced = expected.Values.Sum();
        var received = WaitForAll(consumer, expected, TimeSpan.FromSeconds(30), out var messages);
        var missing = expected.SelectMany(e => Enumerable.Range(1, (int)e.Value).Where(s => !received.Contains((e.Key, s))).Select(s => $"{e.Key}#{s}")).ToArray();
        _output.WriteLine($"{simulation.Units.Count} units, {produced} readings produced ({sentBefore} delivered before the outage), " +
                          $"{messages} messages received, {received.Count} distinct, {messages - received.Count} duplicates dropped; " +
                          $"outage {outageAt.TotalSeconds:F1}-{outageOver.TotalSeconds:F1} s of a {runTime.TotalSeconds:F1} s run; " +
                          $"reconnect attempts that failed: {simulation.Units.Sum(u => u.Publisher.FailedConnects)}");
        Assert.True(sentBefore > 0, "nothing was delivered before the outage");
        Assert.True(missing.Length == 0, $"{missing.Length} readings never arrived, e.g. {string.Join(", ", missing.Take(10))}");
        Assert.Equal(produced, received.Count);
    }

    // The distinct (device, sequence) pairs the consumer received, once every expected one is there or the limit passed.
    private static HashSet<(string Device, long Seq)> WaitForAll(SubscriberProcess consumer, Dictionary<string, long> expected, TimeSpan limit, out int messages)
    {
        var want = expected.Values.Sum();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var all = consumer.Messages;
            var received = new HashSet<(string, long)>();
            foreach (var message in all)
            {
                using var json = JsonDocument.Parse(message.Payload);
                var device = json.RootElement.GetProperty("device").GetString()!;
                var seq = json.RootElement.GetProperty("seq").GetInt64();
                if (expected.TryGetValue(device, out var last) && seq >= 1 && seq <= last)
                {
                    received.Add((device, seq));
                }
            }

            if (received.Count >= want || watch.Elapsed > limit)
            {
                messages = all.Count;
                return received;
            }

            Thread.Sleep(200);
        }
    }
}

/// <summary>The 20-unit real-broker runs share the machine's cores with nothing else of their kind.</summary>
[CollectionDefinition(RealBrokerRuns.Name)]
public sealed class RealBrokerRuns
{
    public const string Name = "real broker runs";
}
