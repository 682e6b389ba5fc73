using System.Globalization;
using OccupancySensor.Configuration;
using OccupancySensor.Processing;

namespace OccupancySensor.Tests.Processing;

public class EngineSettingsTests
{
    private static IEnumerable<int> Ids => Enumerable.Range(0, EngineSettings.Count);

    public static TheoryData<int> AllIds()
    {
        var data = new TheoryData<int>();
        foreach (int id in Ids)
        {
            data.Add(id);
        }

        return data;
    }

    /// <summary>The range a refusal states: "NAME must be MIN to MAX (got VALUE)".</summary>
    private static (float Minimum, float Maximum) StatedRange(int id)
    {
        var error = new EngineSettings().TrySet(id, float.NegativeInfinity);
        Assert.NotNull(error);
        string prefix = EngineSettings.NameOf(id) + " must be ";
        Assert.StartsWith(prefix, error);
        var range = error!.Substring(prefix.Length, error.IndexOf(" (got ", StringComparison.Ordinal) - prefix.Length);
        var parts = range.Split(" to ");
        Assert.Equal(2, parts.Length);
        return (float.Parse(parts[0], CultureInfo.InvariantCulture), float.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Names_and_ids_agree_and_are_unique()
    {
        var names = Ids.Select(EngineSettings.NameOf).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (int id in Ids)
        {
            Assert.Equal(id, EngineSettings.Find(EngineSettings.NameOf(id)));
            Assert.Matches("^[a-z][a-z0-9_]*$", EngineSettings.NameOf(id));
        }

        Assert.Equal(-1, EngineSettings.Find("no_such_setting"));
        Assert.Equal(-1, EngineSettings.Find("DETECT_SIGMA"));
    }

    [Fact]
    public void The_defaults_are_valid_and_inside_their_ranges()
    {
        var settings = new EngineSettings();
        Assert.Null(settings.Validate());
        foreach (int id in Ids)
        {
            var (minimum, maximum) = StatedRange(id);
            Assert.True(minimum <= maximum, EngineSettings.NameOf(id));
            Assert.InRange(settings.Get(id), minimum, maximum);
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Each_setting_takes_its_whole_range_and_nothing_outside_it(int id)
    {
        string name = EngineSettings.NameOf(id);
        var (minimum, maximum) = StatedRange(id);
        var settings = new EngineSettings();
        float before = settings.Get(id);

        foreach (float refused in new[]
                 {
                     MathF.BitDecrement(minimum), MathF.BitIncrement(maximum), minimum - 1f, maximum * 2 + 1,
                     float.NaN, float.PositiveInfinity, float.NegativeInfinity, -float.MaxValue,
                 })
        {
            var error = settings.TrySet(id, refused);
            Assert.NotNull(error);
            Assert.StartsWith(name + " must be ", error);
            Assert.Contains("got ", error);
            Assert.Equal(before, settings.Get(id));
        }

        foreach (float accepted in new[] { minimum, maximum, (minimum + maximum) / 2 })
        {
            Assert.Null(settings.TrySet(id, accepted));
            Assert.Equal(accepted, settings.Get(id));
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Setting_by_name_from_text_parses_and_checks_the_range(int id)
    {
        string name = EngineSettings.NameOf(id);
        var (minimum, maximum) = StatedRange(id);
        var settings = new EngineSettings();
        string text = maximum.ToString(CultureInfo.InvariantCulture);
        Assert.Null(settings.TrySet(name, text));
        Assert.Equal(maximum, settings.Get(id));

        var error = settings.TrySet(name, "lots");
        Assert.Equal(name + " must be a number (got 'lots')", error);
        Assert.Equal(maximum, settings.Get(id));

        error = settings.TrySet(name, (maximum + 1).ToString(CultureInfo.InvariantCulture));
        Assert.NotNull(error);
        Assert.StartsWith(name + " must be ", error);
        Assert.Equal(maximum, settings.Get(id));

        Assert.Null(settings.TrySet(name, minimum.ToString("0.######", CultureInfo.InvariantCulture)));
        Assert.Equal(minimum, settings.Get(id));
    }

    [Fact]
    public void Text_that_is_not_a_plain_number_is_refused()
    {
        var settings = new EngineSettings();
        foreach (var text in new[] { "", "NaN", "1e3", "3,5", " 3", "∞", "0x10" })
        {
            var error = settings.TrySet("detect_sigma", text);
            Assert.NotNull(error);
            Assert.StartsWith("detect_sigma must be a number", error);
        }

        Assert.Equal(new EngineSettings().Get(EngineSettings.DetectSigmaId), settings.Get(EngineSettings.DetectSigmaId));
    }

    [Fact]
    public void An_unknown_name_is_refused_by_name()
    {
        Assert.Equal("'peak_sigmas' is not an engine setting", new EngineSettings().TrySet("peak_sigmas", "3"));
    }

    [Fact]
    public void Validate_cross_checks_the_sigma_ladder()
    {
        // learn <= detect <= hold <= peak: each rung above the next refuses the whole set.
        var settings = new EngineSettings();
        Assert.Null(settings.TrySet(EngineSettings.PeakSigmaId, 5));
        Assert.Null(settings.TrySet(EngineSettings.HoldSigmaId, 5.5f));
        Assert.Contains("hold_sigma", settings.Validate());
        Assert.Contains("peak_sigma", settings.Validate());
        Assert.Null(settings.TrySet(EngineSettings.HoldSigmaId, 5));
        Assert.Null(settings.Validate());

        Assert.Null(settings.TrySet(EngineSettings.DetectSigmaId, 5.01f));
        Assert.Contains("detect_sigma", settings.Validate());
        Assert.Null(settings.TrySet(EngineSettings.DetectSigmaId, 5));
        Assert.Null(settings.Validate());

        Assert.Null(settings.TrySet(EngineSettings.LearnSigmaId, 5));
        Assert.Null(settings.Validate());
        Assert.Null(settings.TrySet(EngineSettings.DetectSigmaId, 4.9f));
        Assert.Contains("learn_sigma", settings.Validate());
    }

    [Fact]
    public void CopyFrom_copies_every_value()
    {
        var source = new EngineSettings();
        foreach (int id in Ids)
        {
            var (minimum, maximum) = StatedRange(id);
            Assert.Null(source.TrySet(id, minimum + ((maximum - minimum) * 0.37f)));
        }

        var copy = new EngineSettings();
        copy.CopyFrom(source);
        foreach (int id in Ids)
        {
            Assert.Equal(source.Get(id), copy.Get(id));
        }
    }

    [Fact]
    public void The_engine_refuses_invalid_settings_and_keeps_the_ones_in_force()
    {
        var zones = new[] { new ZoneConfiguration("view", 0, 0, 8, 8) };
        var invalid = new EngineSettings();
        invalid.TrySet(EngineSettings.HoldSigmaId, 10);
        invalid.TrySet(EngineSettings.PeakSigmaId, 8);
        var thrown = Assert.Throws<ArgumentException>(() => new DetectionEngine(8, 8, zones, DoorLine.None, invalid));
        Assert.Contains("hold_sigma", thrown.Message);

        var engine = new DetectionEngine(8, 8, zones, DoorLine.None, new EngineSettings());
        Assert.Contains("hold_sigma", engine.ApplySettings(invalid));
        var valid = new EngineSettings();
        Assert.Null(valid.TrySet(EngineSettings.VacantHoldId, 60));
        Assert.Null(engine.ApplySettings(valid));
    }

    [Fact]
    public void Settings_refused_by_the_engine_leave_its_hold_time_in_force()
    {
        // Behaviour, not a getter: the vacant hold in force decides when a zone held by the PIR alone turns vacant
        // (two triggers: one alone over an empty thermal view is not occupancy).
        var zones = new[] { new ZoneConfiguration("view", 0, 0, 8, 8) };
        var settings = new EngineSettings();
        Assert.Null(settings.TrySet(EngineSettings.VacantHoldId, 20));
        var engine = new DetectionEngine(8, 8, zones, DoorLine.None, settings);
        var invalid = new EngineSettings();
        invalid.TrySet(EngineSettings.VacantHoldId, 1);
        invalid.TrySet(EngineSettings.LearnSigmaId, 5);
        Assert.NotNull(engine.ApplySettings(invalid));

        var sink = new ReadingLog();
        engine.AcceptMotion(0, sink);
        engine.AcceptMotion(1000, sink);
        engine.Evaluate(1000 + 19_999, sink);
        Assert.True(engine.Presence.IsOccupied(0));
        engine.Evaluate(1000 + 20_000, sink);
        Assert.False(engine.Presence.IsOccupied(0));
    }
}
