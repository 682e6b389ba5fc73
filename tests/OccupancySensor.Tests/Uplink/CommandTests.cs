using System.Text;
using System.Text.Json;
using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;
using OccupancySensor.Tests.Configuration;
using OccupancySensor.Uplink;

namespace OccupancySensor.Tests.Uplink;

/// <summary>Commands over the uplink: each carried out as documented, and anything malformed refused with no change.</summary>
public class CommandTests
{
    private readonly SimulatedClock _clock = new(0);
    private readonly FaultLog _faults = new();
    private readonly InMemoryFileStore _flash = new();
    private readonly SimulatedTransport _link = new();
    private readonly ConfigurationStore _store;
    private readonly UplinkPublisher _publisher;
    private readonly CommandProcessor _commands;

    public CommandTests()
    {
        _flash.Deploy(ConfigurationStore.FileName, SampleConfigurations.Desk);
        _store = new ConfigurationStore(_flash, _faults, _clock);
        Assert.True(_store.Load());
        var log = ReadingLog.OpenFor(_store.Active, _flash, _clock, _faults);
        _publisher = new UplinkPublisher(_store.Active, _link, _clock, _faults, log);
        var unit = new SensorUnit(_store.Active, new SensorHardware { Clock = _clock }, _publisher, _faults);
        _commands = new CommandProcessor(unit, _publisher, _store);
        _publisher.Commands = _commands;
    }

    private string CommandTopic => _publisher.Topics.Commands;

    /// <summary>Sends a command as the broker would deliver it and returns the unit's response.</summary>
    private JsonElement Send(string json) => Send(Encoding.UTF8.GetBytes(json));

    private JsonElement Send(byte[] payload)
    {
        var before = _link.Messages.Count;
        _link.Receive(CommandTopic, payload);
        var response = RunUntilResponse(before);
        return JsonDocument.Parse(response).RootElement;
    }

    private string RunUntilResponse(int before)
    {
        for (var i = 0; i < 100; i++)
        {
            _clock.Advance(100);
            _publisher.Step();
            var response = _link.Messages.Skip(before).FirstOrDefault(m => m.Channel == _publisher.Topics.Responses);
            if (response.Payload != null)
            {
                return response.Payload;
            }
        }

        Assert.Fail("no response on " + _publisher.Topics.Responses);
        return string.Empty;
    }

    private void Deliver(int readings)
    {
        for (var i = 0; i < readings; i++)
        {
            _publisher.Accept(Reading.PeriodicCount(i, 0, i));
        }

        for (var i = 0; i < readings + 5; i++)
        {
            _clock.Advance(100);
            _publisher.Step();
        }

        Assert.Equal(0, _publisher.Pending);
    }

    private string ConfigurationFile()
    {
        var bytes = new byte[_flash.GetLength(ConfigurationStore.FileName)];
        _flash.Read(ConfigurationStore.FileName, 0, bytes, 0, bytes.Length);
        return Encoding.UTF8.GetString(bytes);
    }

    [Fact]
    public void Report_now_sends_the_zone_counts_and_health_at_once()
    {
        var before = _link.Messages.Count;
        var response = Send("""{"id":"r-1","cmd":"report"}""");
        Assert.True(response.GetProperty("ok").GetBoolean());
        Assert.Equal("r-1", response.GetProperty("id").GetString());
        Assert.Equal("report", response.GetProperty("cmd").GetString());

        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(100);
            _publisher.Step();
        }

        var topics = _link.Messages.Skip(before).Select(m => m.Channel).ToArray();
        Assert.Equal(2, topics.Count(t => t.EndsWith("/count", StringComparison.Ordinal))); // both zones of the desk unit
        Assert.Single(topics, t => t.EndsWith("/health", StringComparison.Ordinal));
    }

    [Fact]
    public void History_since_a_sequence_number_sends_the_stored_readings_again_marked_as_history()
    {
        Deliver(6);
        var before = _link.Messages.Count;
        var response = Send("""{"id":"h","cmd":"history","since":3}""");
        Assert.True(response.GetProperty("ok").GetBoolean());
        Assert.Equal(3, response.GetProperty("from").GetInt64());
        Assert.Equal(6, response.GetProperty("to").GetInt64());

        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(100);
            _publisher.Step();
        }

        var again = _link.Messages.Skip(before).Where(m => m.Channel.EndsWith("/count", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        Assert.Equal(new long[] { 3, 4, 5, 6 }, again.Select(r => r.GetProperty("seq").GetInt64()));
        Assert.All(again, r => Assert.True(r.GetProperty("history").GetBoolean()));
        Assert.Equal(4, _publisher.HistorySent);
        Assert.Equal(6, _publisher.Delivered); // history is not counted as new deliveries
    }

    [Fact]
    public void Set_configuration_validates_stores_and_asks_for_a_restart()
    {
        var response = Send("""{"id":"c","cmd":"config","set":{"reporting.period_s":900,"thresholds.vacant_hold_s":"240"}}""");
        Assert.True(response.GetProperty("ok").GetBoolean(), response.ToString());
        Assert.True(response.GetProperty("restart").GetBoolean());
        Assert.True(_commands.RestartRequested);
        Assert.Contains("reporting.period_s = 900", ConfigurationFile());

        // After the restart the unit runs the new configuration, read back from flash.
        var rebooted = new ConfigurationStore(_flash, _faults, _clock);
        Assert.True(rebooted.Load());
        Assert.Equal(900, rebooted.Active.ReportPeriodSeconds);
        Assert.Equal(240, rebooted.Active.VacantHoldSeconds);
        Assert.Equal("hq-f3-desk-07", rebooted.Active.DeviceId);
    }

    [Theory]
    [InlineData("""{"id":"c","cmd":"config","set":{"reporting.period_s":5}}""", "reporting.period_s")]
    [InlineData("""{"id":"c","cmd":"config","set":{"reporting.nonsense":1}}""", "reporting.nonsense")]
    [InlineData("""{"id":"c","cmd":"config","set":{"device.id":"someone-else"}}""", "device.id")]
    [InlineData("""{"id":"c","cmd":"config","set":{"uplink.mqtt.host":"x # y"}}""", "'#'")]
    [InlineData("""{"id":"c","cmd":"config","set":{}}""", "at least one setting")]
    [InlineData("""{"id":"c","cmd":"config"}""", "needs \"set\"")]
    [InlineData("""{"id":"c","cmd":"history"}""", "needs \"since\"")]
    [InlineData("""{"id":"c","cmd":"history","since":-1}""", "whole number")]
    [InlineData("""{"id":"c","cmd":"history","since":2.5}""", "whole number")]
    [InlineData("""{"id":"c","cmd":"history","since":"3"}""", "whole number")]
    [InlineData("""{"id":"c","cmd":"report","since":3}""", "no arguments")]
    [InlineData("""{"id":"c","cmd":"reboot"}""", "unknown command")]
    [InlineData("""{"id":"c"}""", "no \"cmd\"")]
    [InlineData("""{"id":"c","cmd":"report","extra":1}""", "unknown key")]
    [InlineData("""{"id":"c","cmd":"report","cmd":"report"}""", "twice")]
    [InlineData("""{"id":7,"cmd":"report"}""", "\"id\" must be a string")]
    [InlineData("""{"id":"c","cmd":"report"} trailing""", "after the JSON object")]
    [InlineData("""["report"]""", "a JSON object")]
    [InlineData("""{"id":"c","cmd":"report""", "does not end")]
    [InlineData("", "a JSON object")]
    public void A_bad_command_gets_an_error_and_changes_nothing(string json, string reason)
    {
        Deliver(3);
        var file = ConfigurationFile();
        var released = _publisher.Log.ReleasedThrough;
        var response = Send(json);

        Assert.False(response.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, response.GetProperty("error").GetString());
        Assert.Equal(file, ConfigurationFile());
        Assert.False(_commands.RestartRequested);
        Assert.False(_publisher.Log.HistoryActive);
        Assert.Equal(released, _publisher.Log.ReleasedThrough);
        Assert.Equal(1, _commands.Refused);
    }

    [Fact]
    public void A_hostile_id_is_escaped_in_the_response()
    {
        var response = Send("{\"id\":\"a\\\"b\\\\c\\n\",\"cmd\":\"report\"}");
        Assert.Equal("a\"b\\c\n", response.GetProperty("id").GetString());
    }

    [Fact]
    public void A_burst_or_an_oversized_command_is_refused_with_an_error_and_the_rest_are_answered()
    {
        var before = _link.Messages.Count;
        _link.Receive(CommandTopic, new byte[2000]);
        for (var i = 0; i < 6; i++)
        {
            _link.Receive(CommandTopic, Encoding.UTF8.GetBytes($"{{\"id\":\"b{i}\",\"cmd\":\"report\"}}"));
        }

        for (var i = 0; i < 100; i++)
        {
            _clock.Advance(100);
            _publisher.Step();
        }

        var responses = _link.Messages.Skip(before).Where(m => m.Channel == _publisher.Topics.Responses)
            .Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        Assert.Contains(responses, r => !r.GetProperty("ok").GetBoolean() && r.GetProperty("error").GetString()!.Contains("refused"));
        Assert.Equal(4, responses.Count(r => r.GetProperty("ok").GetBoolean())); // 4 wait at most; the rest were refused
        Assert.Equal(3, _publisher.CommandsRefused); // the oversized one and two of the burst
    }

    [Fact]
    public void Random_bytes_on_the_command_topic_never_throw_and_always_get_a_refusal()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 300; i++)
        {
            var payload = new byte[random.Next(0, 200)];
            random.NextBytes(payload);
            if (i % 3 == 0)
            {
                // Mostly-JSON noise reaches deeper into the reader than random bytes do.
                var text = "{\"id\":\"x\",\"cmd\":\"history\",\"since\":" + random.Next() + ",\"set\":{\"a\":";
                payload = Encoding.UTF8.GetBytes(text[..random.Next(1, text.Length)]);
            }

            var response = Send(payload);
            Assert.False(response.GetProperty("ok").GetBoolean());
        }

        Assert.Equal(300, _commands.Refused);
        Assert.False(_commands.RestartRequested);
    }
}
