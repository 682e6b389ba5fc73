using OccupancySensor.Configuration;

namespace OccupancySensor.Tests.Configuration;

public class ConfigurationParserTests
{
    [Fact]
    public void Reads_every_setting_of_a_valid_file()
    {
        var result = ConfigurationParser.Parse(SampleConfigurations.Desk);
        Assert.True(result.IsValid, result.Describe());
        var c = result.Configuration;
        Assert.Equal("hq-f3-desk-07", c.DeviceId);
        Assert.Equal(("hq", "3", "east"), (c.Building, c.Floor, c.LocationZone));
        Assert.Equal(("desk-3e-07", "desk"), (c.Asset, c.AssetType));
        Assert.Equal(ThermalSensorKind.Amg8833, c.Thermal);
        Assert.Equal(0x68, c.ThermalAddress);
        Assert.Equal(1, c.ThermalFramesPerSecond);
        Assert.True(c.PirPresent);
        Assert.Equal((AmbientSensorKind.Bme280, 0x77, 120), (c.Ambient, c.AmbientAddress, c.AmbientPeriodSeconds));
        Assert.Equal(1.25f, c.PresenceDeltaCelsius);
        Assert.Equal((300, 600), (c.VacantHoldSeconds, c.ReportPeriodSeconds));
        Assert.Equal((UplinkKind.Mqtt, "broker.example", 8883), (c.Uplink, c.MqttHost, c.MqttPort));
        Assert.Equal(2, c.Zones.Length);
        Assert.Equal(("left", 0, 0, 4, 8, 2), (c.Zones[0].Id, c.Zones[0].Column, c.Zones[0].Row, c.Zones[0].Width, c.Zones[0].Height, c.Zones[0].Capacity));
        Assert.Equal(("right", 4, "desk-3e-08"), (c.Zones[1].Id, c.Zones[1].Column, c.Zones[1].Asset));
        Assert.True(c.Zones[1].Contains(7, 7));
        Assert.False(c.Zones[1].Contains(3, 0));
    }

    [Fact]
    public void Without_zones_the_whole_view_is_one_zone()
    {
        var text = string.Join('\n', SampleConfigurations.Desk.Split('\n').Where(l => !l.StartsWith("zone.")));
        var c = ConfigurationParser.Parse(text).Configuration;
        Assert.Single(c.Zones);
        Assert.Equal(("view", 8, 8), (c.Zones[0].Id, c.Zones[0].Width, c.Zones[0].Height));
    }

    [Theory]
    [InlineData("thresholds.vacant_hold_s", "thresholds.vacant_hold_s = abc", "whole number from 10 to 86400")]
    [InlineData("thresholds.vacant_hold_s", "thresholds.vacant_hold_s = 5", "whole number from 10 to 86400")]
    [InlineData("thresholds.presence_delta_c", "thresholds.presence_delta_c = NaN", "number from 0.3 to 10.0")]
    [InlineData("thresholds.presence_delta_c", "thresholds.presence_delta_c = 1,5", "number from 0.3 to 10.0")]
    [InlineData("sensors.thermal.fps", "sensors.thermal.fps = 4", "must be 1 or 10")]
    [InlineData("sensors.thermal.address", "sensors.thermal.address = 0x40", "I2C address 0x68 or 0x69")]
    [InlineData("sensors.pir", "sensors.pir = maybe", "true or false")]
    [InlineData("location.asset_type", "location.asset_type = kitchen", "desk, touchdown")]
    [InlineData("device.id", "device.id = john smith", "letters, digits")]
    [InlineData("uplink", "uplink = wifi", "none, mqtt or lorawan")]
    [InlineData("uplink.mqtt.port", "uplink.mqtt.port = 70000", "from 1 to 65535")]
    [InlineData("zone.left.rect", "zone.left.rect = 0,0,9", "column,row,width,height")]
    [InlineData("zone.left.capacity", "zone.left.capacity = -1", "from 0 to 1000")]
    public void A_bad_value_is_rejected_naming_its_line_and_key(string key, string line, string expected)
    {
        var text = SampleConfigurations.DeskWith(key, line);
        var result = ConfigurationParser.Parse(text);
        Assert.False(result.IsValid);
        Assert.Null(result.Configuration);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(key, issue.Key);
        Assert.Equal(SampleConfigurations.LineOf(text, line), issue.Line);
        Assert.Contains(expected, issue.Message);
        Assert.StartsWith($"line {issue.Line}: {key}: ", result.Describe());
    }

    [Fact]
    public void Unknown_and_repeated_keys_are_errors()
    {
        var result = ConfigurationParser.Parse(SampleConfigurations.Desk + "\nthresholds.vacnt_hold_s = 60\nlocation.floor = 4\n");
        Assert.Equal(new[] { "thresholds.vacnt_hold_s", "location.floor" }, result.Issues.Select(i => i.Key));
        Assert.Contains("not a known key", result.Issues[0].Message);
        Assert.Contains("set twice", result.Issues[1].Message);
    }

    [Theory]
    [InlineData("device.id")]
    [InlineData("location.building")]
    [InlineData("location.floor")]
    [InlineData("uplink.mqtt.host")]
    public void Required_keys_must_be_present(string key)
    {
        var result = ConfigurationParser.Parse(SampleConfigurations.DeskWith(key, null));
        var issue = Assert.Single(result.Issues);
        Assert.Equal((key, 0, "is required"), (issue.Key, issue.Line, issue.Message));
    }

    [Fact]
    public void The_whole_file_is_checked_and_every_problem_listed()
    {
        var text = SampleConfigurations.DeskWith("sensors.thermal.fps", "sensors.thermal.fps = 3")
            .Replace("zone.right.rect = 4,0,4,8", "zone.right.rect = 6,0,4,8") + "\nnot a setting\n";
        var result = ConfigurationParser.Parse(text);
        Assert.Equal(new[] { "sensors.thermal.fps", "not a setting", "zone.right.rect" }, result.Issues.Select(i => i.Key));
        Assert.Contains("outside the 8x8 thermal view", result.Issues[2].Message);
    }

    [Fact]
    public void Cross_checks_the_board_and_the_sensors()
    {
        Assert.Contains(
            ConfigurationParser.Parse(SampleConfigurations.DeskWith("board", "board = nosuchboard")).Issues,
            i => i.Key == "board" && i.Message.Contains("esp32-devkitc-amg8833"));
        var noSensors = SampleConfigurations.DeskWith("sensors.thermal", "sensors.thermal = none").Replace("sensors.pir = yes", "sensors.pir = no");
        Assert.Contains(ConfigurationParser.Parse(noSensors).Issues, i => i.Message.Contains("needs a thermal array or a PIR"));
        Assert.Contains(
            ConfigurationParser.Parse(SampleConfigurations.DeskWith("uplink", "uplink = lorawan")).Issues,
            i => i.Key == "uplink" && i.Message.Contains("no LoRa radio"));
    }

    [Fact]
    public void More_zones_than_a_unit_evaluates_are_rejected()
    {
        var zones = string.Concat(Enumerable.Range(0, 9).Select(i => $"\nzone.z{i}.rect = 0,0,1,1"));
        var text = string.Join('\n', SampleConfigurations.Desk.Split('\n').Where(l => !l.StartsWith("zone."))) + zones;
        Assert.Contains(ConfigurationParser.Parse(text).Issues, i => i.Key == "zone.z8.rect" && i.Message.Contains("at most 8 zones"));
    }

    [Fact]
    public void Comments_blank_lines_and_windows_line_ends_are_accepted()
    {
        var text = "\r\n# a comment\r\n" + SampleConfigurations.Desk.Replace("\n", "   # trailing comment\r\n");
        Assert.True(ConfigurationParser.Parse(text).IsValid, ConfigurationParser.Parse(text).Describe());
    }
}
