using System.Text;
using System.Text.Json;
using OccupancySensor.Configuration;
using OccupancySensor.HostSim.Network;
using OccupancySensor.HostSim.Network.Mqtt;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;
using OccupancySensor.Tests.Configuration;
using OccupancySensor.Uplink;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// One unit's store-and-forward publisher and command handling over the host MQTT client to a real mosquitto,
/// watched by independent clients (mosquitto_sub, mosquitto_pub).
/// </summary>
[Collection(SocketTimingTests.Name)]
public sealed class UnitOverRealBrokerTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private readonly MosquittoBroker _broker = new(TestPki.Shared);
    private readonly SimulatedClock _clock = new(0);
    private readonly FaultLog _faults = new();
    private readonly InMemoryFileStore _flash = new();

    public void Dispose() => _broker.Dispose();

    private (UplinkPublisher Publisher, MqttTransport Link, ConfigurationStore Store) Unit(string configuration)
    {
        _flash.Deploy(ConfigurationStore.FileName, configuration);
        var store = new ConfigurationStore(_flash, _faults, _clock);
        Assert.True(store.Load(), store.LastRejection);
        var topics = new UplinkTopics(store.Active);
        var link = new MqttTransport(new MqttOptions
        {
            Host = "127.0.0.1",
            Port = _broker.TlsPort,
            ClientId = store.Active.DeviceId,
            StatusTopic = topics.Status,
            CommandTopic = topics.Commands,
            CaCertificateFile = _broker.Pki.CaCertificate,
        });
        var publisher = new UplinkPublisher(store.Active, link, _clock, _faults, ReadingLog.OpenFor(store.Active, _flash, _clock, _faults));
        return (publisher, link, store);
    }

    private void StepUntil(UplinkPublisher publisher, Func<bool> done)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!done() && watch.Elapsed < Limit)
        {
            _clock.Advance(100);
            publisher.Step();
            Thread.Sleep(1);
        }
    }

    [Fact]
    public void A_full_flash_drops_the_oldest_unsent_readings_and_the_count_reaches_the_broker_first()
    {
        // The smallest log (4 KB: 16 segments of 256 bytes, 6 readings each) and 400 readings taken before the link
        // ever comes up: the oldest are pushed out, and what arrives says how many.
        var (publisher, link, _) = Unit(SampleConfigurations.DeskWith("reporting.period_s", "reporting.period_s = 600\nstorage.log_kb = 4"));
        using var consumer = new SubscriberProcess(_broker, "occupancy/hq/#", "consumer-full-flash", BrokerListener.Tls);
        consumer.WaitForSubscriptions(1, Limit);
        for (var i = 0; i < 400; i++)
        {
            publisher.Accept(Reading.PeriodicCount(i * 1000L, 0, i % 5));
        }

        Assert.True(publisher.Dropped > 300, $"only {publisher.Dropped} dropped");
        StepUntil(publisher, () => publisher.Pending == 0 && link.IsConnected);
        Assert.Equal(0, publisher.Pending);

        var dropped = publisher.Dropped;
        var messages = consumer.WaitForMessages((int)(400 - dropped) + 1, Limit);
        var payloads = messages.Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        var reports = payloads.TakeWhile(p => p.GetProperty("kind").GetString() == "dropped").ToArray();
        Assert.NotEmpty(reports);
        Assert.Equal(dropped, reports.Sum(r => r.GetProperty("dropped").GetInt64()));
        Assert.Equal(dropped, reports[^1].GetProperty("dropped_total").GetInt64());
        var kept = payloads.Skip(reports.Length).Select(p => p.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(400 - dropped, kept.Length);
        Assert.Equal(kept.OrderBy(s => s), kept); // oldest first
        Assert.Equal(400, kept[^1]); // the newest kept
        link.Close();
    }

    [Fact]
    public void Commands_sent_with_mosquitto_pub_are_answered_on_the_response_topic_and_a_bad_one_changes_nothing()
    {
        var (publisher, link, store) = Unit(SampleConfigurations.Desk);
        var unit = new SensorUnit(store.Active, new SensorHardware { Clock = _clock }, publisher, _faults);
        var commands = new CommandProcessor(unit, publisher, store);
        publisher.Commands = commands;
        StepUntil(publisher, () => link.IsConnected);
        using var answers = new SubscriberProcess(_broker, publisher.Topics.Responses, "consumer-responses", BrokerListener.Tls);
        answers.WaitForSubscriptions(1, Limit);

        MosquittoClients.Publish(_broker, publisher.Topics.Commands, """{"id":"bad","cmd":"config","set":{"reporting.period_s":1}}""");
        MosquittoClients.Publish(_broker, publisher.Topics.Commands, """{"id":"good","cmd":"config","set":{"reporting.period_s":1200}}""");
        StepUntil(publisher, () => answers.Messages.Count >= 2);

        var responses = answers.WaitForMessages(2, Limit).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        Assert.Equal("bad", responses[0].GetProperty("id").GetString());
        Assert.False(responses[0].GetProperty("ok").GetBoolean());
        Assert.Contains("reporting.period_s", responses[0].GetProperty("error").GetString());
        Assert.Equal("good", responses[1].GetProperty("id").GetString());
        Assert.True(responses[1].GetProperty("ok").GetBoolean());
        Assert.Equal(1200, store.Active.ReportPeriodSeconds);
        Assert.True(commands.RestartRequested);
        link.Close();
    }
}
