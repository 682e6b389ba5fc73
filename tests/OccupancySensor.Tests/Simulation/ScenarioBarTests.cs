using OccupancySensor.HostSim.Report;
using OccupancySensor.HostSim.Simulation;
using Xunit;

namespace OccupancySensor.Tests.Simulation;

/// <summary>
/// What the shipped scenarios must show (issue 4). Bars the engine does not reach yet are kept as skipped tests with
/// the measured figure, so they fail loudly the day they are switched on and the README says where it stands.
/// </summary>
public sealed class ScenarioBarTests
{
    [Fact]
    public void Office_day_counts_the_doorway_to_at_least_97_percent()
    {
        var report = ScenarioRuns.Day("office-day");
        Assert.True(report.TruthIn > 20, $"only {report.TruthIn} people came in");
        Assert.True(report.DoorCountAccuracy >= 0.97, $"doorway count accuracy {report.DoorCountAccuracy:P2}");
    }

    [Fact]
    public void Office_day_presence_stays_at_its_measured_level()
    {
        // Regression guard at the level reached (99.98 % with seed 1); the bar (98 %) is the test below.
        var report = ScenarioRuns.Day("office-day");
        Assert.True(report.PresenceAccuracy >= 0.995, $"presence accuracy {report.PresenceAccuracy:P2}");
        Assert.Equal(0, report.UnseenEpisodes);
    }

    [Fact]
    public void Office_day_presence_is_at_least_98_percent()
    {
        Assert.True(ScenarioRuns.Day("office-day").PresenceAccuracy >= 0.98);
    }

    [Fact]
    public void Still_workers_are_never_taken_for_heat()
    {
        Assert.Equal(0, ScenarioRuns.Day("still-worker").FalseOccupiedSeconds);
    }

    // Main passed this only because it had dropped the still workers long before they left.
    [Fact]
    public void Nothing_else_is_counted_at_the_still_workers_desks()
    {
        Assert.Equal(0, ScenarioRuns.Day("still-worker").CountsAboveTruth);
    }

    [Fact]
    public void No_still_person_is_dropped()
    {
        Assert.Equal(0, ScenarioRuns.Day("still-worker").MissedOccupiedSeconds);
    }

    [Fact]
    public void Heat_sources_never_hide_a_person()
    {
        var report = ScenarioRuns.Day("heat-sources");
        Assert.Equal(0, report.MissedOccupiedSeconds);
        Assert.Equal(0, report.UnseenEpisodes);
    }

    // The scenario's default seed (1); seeds 2, 3, 7, 9, 22 and 26 below. Seeds 6-30 are in the README.
    [Fact]
    public void No_heat_source_is_reported_as_a_person()
    {
        var report = ScenarioRuns.Day("heat-sources");
        Assert.Equal(0, report.FalseOccupiedSeconds);
        Assert.Equal(0, report.CountsAboveTruth);
    }

    // A sun patch fades in under a seated worker through the afternoon (seed 2: pod-01 desk-b, seed 3: pod-01 desk-a).
    // Judged on the whole blob, their track outlived them by 23 and 33 minutes (1,292 and 1,917 false-occupied
    // seconds, 4 and 7 counts above the truth). Judged on the spot where they sat, every departure is reported within
    // the hold and its allowance. The one second left on each seed is elsewhere: seed 2, a meeting room occupied a
    // second before the truth has the first person in it; seed 3, another desk's vacancy 16 s past the hold.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_worker_leaving_a_sun_patch_that_faded_in_under_them_is_reported_gone(int seed)
    {
        var report = ScenarioRuns.Day("heat-sources", seed);
        Assert.Equal(0, report.CountsAboveTruth);
        Assert.True(report.FalseOccupiedSeconds <= 1, $"{report.FalseOccupiedSeconds} false-occupied seconds");
        Assert.True(report.VacantDelays.Max() <= 90, $"a departure reported {report.VacantDelays.Max()} s late");
    }

    // A worker sits down and puts a hot drink beside them (seed 7, pod-02 desk-a): for a frame their blob and the
    // drink's were one, and the track followed the merged centroid's jump onto the drink when they split, leaving the
    // worker to a track that was never a person (4,356 missed seconds). On seed 26 (pod-02 desk-a) the same happened to
    // a worker seated a while: they went on as a piece split off their own track, heat until it moves (9,428 missed
    // seconds). On seed 3 a worker's blob merged with the warm patch beside them and theirs was the track dropped, as
    // "moved last", because the PIR had seen them (6 seconds). On seed 22 (pod-01 desk-b) a worker left, their seat's
    // warmth kept the track, a heat source since, and five minutes later someone sat down on it: their blob merged
    // with the seat's warmth, the track took it and never moved, and they were missed for 71 min (4,283 seconds).
    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(22)]
    [InlineData(26)]
    public void A_seated_worker_is_not_lost_to_something_warm_beside_or_under_them(int seed)
    {
        var report = ScenarioRuns.Day("heat-sources", seed);
        Assert.Equal(0, report.MissedOccupiedSeconds);
        Assert.Equal(0, report.UnseenEpisodes);
    }

    // Seed 9, pod-03 desk-b: the sun crosses a worker's seat while they sit. When they leave, the seat it warmed is
    // still 0.6 of their usual warmth, which a departure judged as a share of the usual level did not see (440
    // false-occupied seconds). Judged against their own warmth it is seen; then the seat's sun warmth is learned
    // while it stands empty, the worker comes back, the sun moves on, and they faded out under the background for
    // 1.3 h (3,937 missed seconds) until their slow fade was taken for the background under them cooling.
    [Fact]
    public void A_worker_the_sun_crossed_is_reported_gone_and_kept_when_they_come_back()
    {
        var report = ScenarioRuns.Day("heat-sources", 9);
        Assert.Equal(0, report.FalseOccupiedSeconds);
        Assert.Equal(0, report.MissedOccupiedSeconds);
        Assert.Equal(0, report.CountsAboveTruth);
    }

    // Office-day seed 10, meet-2: four people leave a meeting, and a chair they warmed, faint at the edge of the view,
    // broke up in the noise for a frame. Its warmest pixel was quiet for that frame and jumped back, which passed for
    // someone arriving: the room was reported occupied for 42 min (2,567 false seconds). Now a newcomer's pixel must
    // have risen to twice what it was before it jumped.
    [Fact]
    public void Chairs_left_warm_after_a_meeting_are_no_one()
    {
        var report = ScenarioRuns.Day("office-day", 10);
        Assert.True(report.FalseOccupiedSeconds < 60, $"{report.FalseOccupiedSeconds} false-occupied seconds");
    }

    [Fact]
    public void A_rush_of_visitors_through_the_entrance_is_counted_in_and_out()
    {
        var report = ScenarioRuns.Day("doorway-rush");
        Assert.True(report.TruthIn >= 80, $"only {report.TruthIn} crossings in");
        Assert.True(report.DoorCountAccuracy >= 0.97, $"doorway count accuracy {report.DoorCountAccuracy:P2}");
    }

    [Fact]
    public void Five_hours_without_network_lose_no_reading()
    {
        var report = ScenarioRuns.Day("outage");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Pending);
        Assert.Equal(report.Produced, report.Delivered);

        // The outage really happened: every unit queued and reconnected.
        Assert.All(report.Units, u => Assert.True(((SimulatedTransport)u.Link).ConnectAttempts > 1, $"{u.Site.DeviceId} never lost its link"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_and_another_seed_another()
    {
        var first = ScenarioRuns.Simulate("doorway-rush", seed: 11, devices: 2).ToJson();
        var again = ScenarioRuns.Simulate("doorway-rush", seed: 11, devices: 2).ToJson();
        var other = ScenarioRuns.Simulate("doorway-rush", seed: 12, devices: 2).ToJson();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains("\"presence_accuracy\"", first);
        Assert.Contains("\"readings_lost\"", first);
    }

    [Fact]
    public void Door_accuracy_counts_errors_in_each_direction()
    {
        Assert.Equal(1, SimulationReport.DoorAccuracy(10, 10, 10, 10));
        Assert.Equal(0.9, SimulationReport.DoorAccuracy(10, 10, 11, 9), 9);
        Assert.Equal(0, SimulationReport.DoorAccuracy(0, 0, 1, 0));
    }
}
