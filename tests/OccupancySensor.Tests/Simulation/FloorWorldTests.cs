using System.Globalization;
using OccupancySensor.HostSim.World.Floor;
using OccupancySensor.HostSim.World.Synthetic;
using Xunit;

namespace OccupancySensor.Tests.Simulation;

public sealed class FloorWorldTests
{
    [Fact]
    public void Everyone_comes_in_from_outside_and_leaves_again_without_jumps()
    {
        var file = ScenarioCatalog.Load("office-day", out var name);
        var world = FloorBuilder.Build(file, name, 20, seed: 5);
        foreach (var agent in world.Agents)
        {
            var legs = agent.Legs;
            Assert.True(legs[0].X0 < -5, $"agent {agent.Id} starts inside");
            Assert.True(legs[^1].X1 < -5, $"agent {agent.Id} ends inside");
            for (var i = 1; i < legs.Count; i++)
            {
                // Consecutive legs join where the person is (a gap only while out of the building).
                if (Math.Abs(legs[i].T0 - legs[i - 1].T1) < 1e-6)
                {
                    Assert.Equal(legs[i - 1].X1, legs[i].X0, 6);
                    Assert.Equal(legs[i - 1].Y1, legs[i].Y0, 6);
                }
                else
                {
                    Assert.True(legs[i - 1].X1 < -5 && legs[i].X0 < -5, $"agent {agent.Id} vanishes inside the building");
                }
            }
        }
    }

    [Fact]
    public void A_lower_ceiling_makes_the_same_person_cover_more_pixels_and_read_warmer()
    {
        static float Peak(double ceiling)
        {
            var view = new UnitProjection(0, 0, ceiling);
            var pixels = new float[64];
            var metres = view.PixelMetres(1.25);
            UnitProjection.AddBlob(pixels, 4.5, 4.5, 0.15 / metres, 0.18 / metres, 3);
            return pixels.Max();
        }

        Assert.True(Peak(2.4) > Peak(2.7));
        Assert.True(Peak(2.7) > Peak(3.0));
        Assert.Equal(2 * 2.7 * Math.Tan(Math.PI / 6) / 8, new UnitProjection(0, 0, 2.7).PixelMetres(0), 9);
    }

    [Fact]
    public void A_monitor_warms_and_cools_as_a_first_order_system()
    {
        var monitor = new SwitchedBox("monitor", 0, 0, 0.5, 0.1, 1.1, 6, 600, new[] { 1000.0, 4000.0 });
        Assert.Equal(0, monitor.LevelAt(999));
        Assert.Equal(1 - Math.Exp(-1), monitor.LevelAt(1600), 9);
        var atOff = 1 - Math.Exp(-3000.0 / 600);
        Assert.Equal(atOff, monitor.LevelAt(4000), 9);
        Assert.Equal(atOff * Math.Exp(-1), monitor.LevelAt(4600), 9);
    }

    [Fact]
    public void The_air_warms_from_the_morning_to_the_afternoon_value()
    {
        var air = new AmbientDay(20, 22.5, 7.5 * 3600, 15 * 3600, CounterNoise.Mix(9));
        Assert.InRange(air.AirAt(7 * 3600), 19.8, 20.2);
        Assert.InRange(air.AirAt(16 * 3600), 22.3, 22.7);
        Assert.True(air.AirAt(13 * 3600) > air.AirAt(9 * 3600));
    }

    [Fact]
    public void Recorded_frames_are_what_an_AMG8833_reads_quarter_degrees_and_about_0_3_C_of_noise()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hostsim-record-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = ScenarioCatalog.Parse(
                "{ \"start\": \"06:00\", \"end\": \"07:00\", \"devices\": 1, \"layout\": { \"door_units\": 0, \"meeting_room_share\": 0 }, " +
                "\"people\": { \"arrive\": [\"06:20\", \"06:21\"], \"leave\": [\"06:55\", \"06:56\"], \"desk_occupancy\": 0 }, \"meetings\": [], " +
                "\"heat\": { \"radiators\": false, \"sun\": null } }",
                "empty.json");
            var world = FloorBuilder.Build(file, "empty", 1, 4);
            var simulation = new HostSim.Simulation.FloorSimulation(world, directory);
            simulation.Run();

            var id = world.Sites[0].DeviceId;
            var rows = File.ReadAllLines(Path.Combine(directory, id + "_frames.csv"));
            Assert.StartsWith("t_s,ambient_c,p0,", rows[0]);
            Assert.Equal(3600 + 1, rows.Length); // 1 fps for an hour, plus the header
            Assert.True(File.Exists(Path.Combine(directory, id + "_truth.csv")));
            Assert.Contains("device.id = " + id, File.ReadAllText(Path.Combine(directory, id + ".conf")));

            var pixels = rows.Skip(1).Select(r => r.Split(',').Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            Assert.All(pixels.SelectMany(p => p), v => Assert.Equal(0, (v * 4) - Math.Round(v * 4), 9));

            // Temporal noise per pixel over ten quiet minutes (the air drifts slowly, the noise does not).
            var deviations = Enumerable.Range(0, 64).Select(i =>
            {
                var values = pixels.Skip(600).Take(600).Select(p => p[i]).ToArray();
                var mean = values.Average();
                return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            }).ToArray();
            Assert.InRange(deviations.Average(), 0.25, 0.4);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, true);
            }
        }
    }
}
