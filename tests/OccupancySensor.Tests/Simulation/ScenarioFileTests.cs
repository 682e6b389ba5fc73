using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;
using Xunit;

namespace OccupancySensor.Tests.Simulation;

public sealed class ScenarioFileTests
{
    private const string Minimal = """
        // a comment, as the shipped files have
        { "devices": 3, "layout": { "door_units": 1, "meeting_room_share": 0 }, "meetings": [] }
        """;

    [Theory]
    [InlineData("office-day")]
    [InlineData("still-worker")]
    [InlineData("heat-sources")]
    [InlineData("doorway-rush")]
    [InlineData("outage")]
    public void Every_shipped_scenario_builds_a_floor_whose_units_accept_their_configuration(string scenario)
    {
        var file = ScenarioCatalog.Load(scenario, out var name);
        var world = FloorBuilder.Build(file, name, file.Devices, seed: 3);

        Assert.Equal(file.Devices, world.Sites.Count);
        Assert.Equal(world.Sites.Count, world.Sites.Select(s => s.DeviceId).Distinct().Count());
        Assert.True(world.PeopleCount > 0);

        // Each unit boots from its generated configuration text, as a device reads it from flash (throws if refused).
        foreach (var site in world.Sites)
        {
            var unit = new FloorUnit(world, site);
            Assert.Equal(site.DeviceId, unit.Configuration.DeviceId);
            Assert.Equal(site.Fps, unit.Configuration.ThermalFramesPerSecond);
        }
    }

    [Fact]
    public void The_catalog_lists_the_shipped_scenarios()
    {
        Assert.Equal(new[] { "doorway-rush", "heat-sources", "office-day", "outage", "still-worker" }, ScenarioCatalog.Names);
    }

    [Fact]
    public void Broken_json_names_the_file_and_the_line()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse("{\n  \"devices\": 3,\n  \"layout\": { \"ceiling_m\": }\n}", "broken.json"));
        Assert.StartsWith("broken.json line 3:", e.Message);
    }

    [Fact]
    public void An_unknown_key_is_refused_rather_than_ignored()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse("{ \"layout\": { \"celing_m\": 2.7 } }", "typo.json"));
        Assert.Contains("celing_m", e.Message);
    }

    [Theory]
    [InlineData("{ \"layout\": { \"ceiling_m\": 9 } }", "layout.ceiling_m")]
    [InlineData("{ \"layout\": { \"desk_fps\": 4 } }", "layout.desk_fps")]
    [InlineData("{ \"start\": \"25:00\" }", "start")]
    [InlineData("{ \"people\": { \"arrive\": [\"10:00\", \"09:00\"] } }", "people.arrive")]
    [InlineData("{ \"people\": { \"fidget\": \"sleepy\" } }", "people.fidget")]
    [InlineData("{ \"meetings\": [ { \"at\": \"10:00\", \"people\": 9 } ] }", "meetings[0].people")]
    [InlineData("{ \"faults\": [ { \"part\": \"power\" } ] }", "faults[0].part")]
    [InlineData("{ \"layout\": { \"door_units\": 0 }, \"rush\": { } }", "rush")]
    public void A_value_out_of_range_is_refused_naming_its_key(string json, string key)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse(json, "bad.json"));
        Assert.Contains("bad.json: " + key, e.Message);
    }

    [Fact]
    public void Too_few_units_for_the_floor_is_an_error_that_says_how_many_are_needed()
    {
        var file = ScenarioCatalog.Parse("{ \"layout\": { \"door_units\": 1, \"meeting_room_share\": 0.5 } }", "small.json");
        var e = Assert.Throws<ScenarioException>(() => FloorBuilder.Build(file, "small", devices: 2, seed: 1));
        Assert.Contains("needs 3 or more", e.Message);
    }

    [Fact]
    public void The_unit_count_scales_the_floor_with_desk_pods()
    {
        var file = ScenarioCatalog.Parse(Minimal, "minimal.json");
        var three = FloorBuilder.Build(file, "minimal", 3, 1);
        var nine = FloorBuilder.Build(file, "minimal", 9, 1);

        Assert.Equal(new[] { SiteKind.Door, SiteKind.Desk, SiteKind.Desk }, three.Sites.Select(s => s.Kind));
        Assert.Equal(8, nine.Sites.Count(s => s.Kind == SiteKind.Desk));
        Assert.True(nine.PeopleCount > three.PeopleCount);
    }
}
