using System.Text;
using OccupancySensor.Configuration;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Runtime;

namespace OccupancySensor.Tests.Configuration;

/// <summary>
/// How <see cref="ConfigurationStore.ApplySettings"/> merges a "config" command's settings into the file in force:
/// which line a setting replaces, where a new key goes, which of two settings of one key wins and what is refused
/// before anything is parsed. The file written is compared to the letter, so a change in how the lines are matched
/// or put back together shows here and not only as a different configuration after the next boot.
/// </summary>
public class ConfigurationSettingsMergeTests
{
    private readonly InMemoryFileStore _flash = new();
    private readonly FaultLog _faults = new();
    private readonly SimulatedClock _clock = new();

    [Fact]
    public void A_setting_replaces_its_own_line_whole_and_leaves_comments_blank_lines_and_other_line_endings_alone()
    {
        // Technician's edits the merge must keep: a commented-out copy of the key, a line of spaces, CRLF endings,
        // an inline comment, and a trailing newline (the file ends in an empty line).
        var inForce = SampleConfigurations.Desk
            .Replace("reporting.period_s = 600", "# reporting.period_s = 60 was too often\n   \nreporting.period_s = 600\r")
            .Replace("thresholds.vacant_hold_s = 300", "thresholds.vacant_hold_s = 300 # five minutes")
            .Replace("location.floor = 3", "location.floor = 3\r")
            + "\r\n# storage.log_kb = 4 suits a unit with little flash\n";
        var store = Loaded(inForce);

        Assert.Null(store.ApplySettings(
            ["thresholds.vacant_hold_s", "storage.log_kb", "reporting.period_s"],
            ["240", "8", "900"]));

        // The matched lines lose their inline comment and their CR (the whole line is rewritten); the commented-out
        // copy is no key, so storage.log_kb is added after the last line, the empty one.
        var expected = inForce
            .Replace("reporting.period_s = 600\r", "reporting.period_s = 900")
            .Replace("thresholds.vacant_hold_s = 300 # five minutes", "thresholds.vacant_hold_s = 240")
            + "\nstorage.log_kb = 8";
        Assert.Equal(expected, FileText(ConfigurationStore.FileName));
        Assert.Equal(expected, FileText(ConfigurationStore.LastGoodFileName));
        Assert.Equal(900, store.Active.ReportPeriodSeconds);
        Assert.Equal(240, store.Active.VacantHoldSeconds);
        Assert.Equal(8, store.Active.LogKilobytes);
        Assert.Equal(0, _faults.Total);
    }

    [Fact]
    public void A_key_the_file_has_set_twice_in_one_command_takes_the_last_value()
    {
        var store = Loaded(SampleConfigurations.Desk);

        Assert.Null(store.ApplySettings(
            ["reporting.period_s", "location.floor", "reporting.period_s"],
            ["900", "4", "1200"]));

        var expected = SampleConfigurations.Desk
            .Replace("reporting.period_s = 600", "reporting.period_s = 1200")
            .Replace("location.floor = 3", "location.floor = 4");
        Assert.Equal(expected, FileText(ConfigurationStore.FileName));
        Assert.Equal(1200, store.Active.ReportPeriodSeconds);
        Assert.Equal("4", store.Active.Floor);
    }

    [Fact]
    public void A_key_the_file_lacks_set_twice_in_one_command_is_added_twice_and_the_parser_refuses_the_second()
    {
        var store = Loaded(SampleConfigurations.Desk);
        var lines = SampleConfigurations.Desk.Split('\n').Length;
        var written = _flash.BytesWritten;

        var problems = store.ApplySettings(["storage.log_kb", "reporting.period_s", "storage.log_kb"], ["8", "900", "16"]);

        // Both are appended in command order, after the file's last line: the second is line (lines + 2).
        Assert.Equal("line " + (lines + 2) + ": storage.log_kb: is set twice", problems);
        Assert.Equal(problems, store.LastRejection);
        Assert.Equal(1, _faults.Total);
        var fault = _faults.GetRecent(0);
        Assert.Equal((FaultSource.Configuration, FaultCode.Invalid, problems), (fault.Source, fault.Code, fault.Detail));
        Assert.Equal(written, _flash.BytesWritten);
        Assert.Equal(SampleConfigurations.Desk, FileText(ConfigurationStore.FileName));
        Assert.Equal(600, store.Active.ReportPeriodSeconds);
    }

    [Theory]
    [InlineData(new[] { "reporting.period_s", "device.id" }, new[] { "900", "hq-f3-desk-99" }, "device.id cannot be changed by command")]
    [InlineData(new[] { "device.id", "reporting.period_s" }, new[] { "hq-f3-desk-99", "9 # 0" }, "device.id cannot be changed by command")]
    [InlineData(new[] { "reporting.period_s", "location.floor" }, new[] { "9 # 0", "4" }, "setting \"reporting.period_s\": keys and values cannot hold '=', '#' or line breaks")]
    [InlineData(new[] { "location.floor", "reporting.period_s" }, new[] { "4", "900\r" }, "setting \"reporting.period_s\": keys and values cannot hold '=', '#' or line breaks")]
    [InlineData(new[] { "location.floor", "" }, new[] { "4", "900" }, "setting \"\": keys and values cannot hold '=', '#' or line breaks")]
    [InlineData(new[] { "location.floor=4", "device.id" }, new[] { "4", "x" }, "setting \"location.floor=4\": keys and values cannot hold '=', '#' or line breaks")]
    [InlineData(new[] { "location.floor", "reporting.period_s\nboard" }, new[] { "4", "900" }, "setting \"reporting.period_s\nboard\": keys and values cannot hold '=', '#' or line breaks")]
    public void The_first_setting_that_cannot_be_written_as_a_line_is_named_and_nothing_is_parsed_stored_or_recorded(
        string[] keys, string[] values, string problem)
    {
        var store = Loaded(SampleConfigurations.Desk);
        var written = _flash.BytesWritten;

        Assert.Equal(problem, store.ApplySettings(keys, values));

        Assert.Equal(string.Empty, store.LastRejection);
        Assert.Equal(0, _faults.Total);
        Assert.Equal(written, _flash.BytesWritten);
        Assert.Equal("3", store.Active.Floor);
        Assert.Equal(600, store.Active.ReportPeriodSeconds);
    }

    [Fact]
    public void A_unit_without_a_configuration_file_refuses_settings()
    {
        var store = new ConfigurationStore(_flash, _faults, _clock);

        Assert.Equal(
            "the unit runs unconfigured: deploy a configuration file first",
            store.ApplySettings(["reporting.period_s"], ["900"]));
        Assert.False(_flash.Exists(ConfigurationStore.FileName));
    }

    private ConfigurationStore Loaded(string text)
    {
        _flash.Deploy(ConfigurationStore.FileName, text);
        var store = new ConfigurationStore(_flash, _faults, _clock);
        Assert.True(store.Load(), store.LastRejection);
        Assert.Equal(0, _faults.Total);
        return store;
    }

    private string FileText(string name)
    {
        var bytes = new byte[_flash.GetLength(name)];
        _flash.Read(name, 0, bytes, 0, bytes.Length);
        return Encoding.UTF8.GetString(bytes);
    }
}
