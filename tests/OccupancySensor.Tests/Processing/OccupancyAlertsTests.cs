using OccupancySensor.Processing;
using OccupancySensor.Readings;

namespace OccupancySensor.Tests.Processing;

public class OccupancyAlertsTests
{
    private const int Capacity = 4;
    private readonly ReadingLog _sink = new();
    private readonly EngineSettings _settings = new();
    private readonly OccupancyAlerts _alerts = new(2);

    private long Dwell => (long)(_settings.Get(EngineSettings.AlertDwellId) * 1000);

    private int ClearBelow => (int)_settings.Get(EngineSettings.AlertClearBelowId);

    private List<Reading> Alerts => _sink.Readings.Where(r => r.Kind == ReadingKind.Alert).ToList();

    /// <summary>Feeds <paramref name="level"/> every second from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private void Hold(int level, long from, long to, int channel = 0, int zone = 0)
    {
        for (long t = from; t <= to; t += 1000)
        {
            _alerts.Update(channel, zone, level, Capacity, t, _settings, _sink);
        }
    }

    [Fact]
    public void Raised_once_the_level_has_been_at_capacity_for_the_dwell_time()
    {
        Hold(Capacity - 1, 0, 60_000);
        Assert.False(_alerts.IsRaised(0));
        Hold(Capacity, 61_000, 61_000 + Dwell - 1000);
        Assert.False(_alerts.IsRaised(0));
        Assert.Empty(Alerts);
        Hold(Capacity, 61_000 + Dwell, 61_000 + Dwell);
        Assert.True(_alerts.IsRaised(0));
        var alert = Assert.Single(Alerts);
        Assert.Equal(0, alert.Zone);
        Assert.Equal(1, alert.ValueA);
        Assert.Equal(Capacity, alert.ValueB);
        Assert.Equal(61_000 + Dwell, alert.TimestampMilliseconds);
    }

    [Fact]
    public void Over_capacity_raises_too_and_a_dip_restarts_the_dwell()
    {
        Hold(Capacity + 2, 0, Dwell - 1000);
        Hold(Capacity - 1, Dwell, Dwell);
        Hold(Capacity + 2, Dwell + 1000, 2 * Dwell);
        Assert.False(_alerts.IsRaised(0));
        Hold(Capacity + 2, (2 * Dwell) + 1000, (2 * Dwell) + 1000);
        Assert.True(_alerts.IsRaised(0));
        Assert.Equal(Capacity + 2, Assert.Single(Alerts).ValueB);
    }

    [Fact]
    public void A_level_wavering_at_the_capacity_does_not_flap()
    {
        _settings.TrySet(EngineSettings.AlertClearBelowId, 2);
        Hold(Capacity, 0, Dwell);
        Assert.True(_alerts.IsRaised(0));

        // For ten minutes the count wavers between the capacity and one below, each second.
        for (long t = Dwell + 1000; t < 600_000; t += 1000)
        {
            int level = (t / 1000) % 2 == 0 ? Capacity : Capacity - 1;
            _alerts.Update(0, 0, level, Capacity, t, _settings, _sink);
        }

        // And stays one below for ten minutes more: still not clear_below under the capacity.
        Hold(Capacity - 1, 600_000, 1_200_000);
        Assert.True(_alerts.IsRaised(0));
        Assert.Single(Alerts);
    }

    [Fact]
    public void A_level_wavering_faster_than_the_dwell_below_capacity_never_raises()
    {
        for (long t = 0; t < 600_000; t += 1000)
        {
            int level = (t / 1000) % ((Dwell / 1000) - 1) == 0 ? Capacity - 1 : Capacity;
            _alerts.Update(0, 0, level, Capacity, t, _settings, _sink);
        }

        Assert.False(_alerts.IsRaised(0));
        Assert.Empty(Alerts);
    }

    [Fact]
    public void Cleared_once_the_level_has_been_clear_below_under_capacity_for_the_dwell_time()
    {
        _settings.TrySet(EngineSettings.AlertClearBelowId, 2);
        Hold(Capacity + 1, 0, Dwell);
        Assert.True(_alerts.IsRaised(0));
        long start = Dwell + 1000;
        Hold(Capacity - ClearBelow, start, start + Dwell - 1000);
        Assert.True(_alerts.IsRaised(0));
        Hold(Capacity - ClearBelow, start + Dwell, start + Dwell);
        Assert.False(_alerts.IsRaised(0));
        Assert.Equal(2, Alerts.Count);
        Assert.Equal(0, Alerts[1].ValueA);
        Assert.Equal(Capacity - ClearBelow, Alerts[1].ValueB);
        Assert.Equal(start + Dwell, Alerts[1].TimestampMilliseconds);
    }

    [Fact]
    public void Channels_are_independent_and_carry_their_zone()
    {
        Hold(Capacity, 0, Dwell, channel: 1, zone: -1);
        Assert.True(_alerts.IsRaised(1));
        Assert.False(_alerts.IsRaised(0));
        Assert.Equal(-1, Assert.Single(Alerts).Zone);
    }

    [Fact]
    public void A_zero_dwell_acts_on_the_first_update()
    {
        _settings.TrySet(EngineSettings.AlertDwellId, 0);
        _alerts.Update(0, 0, Capacity, Capacity, 5000, _settings, _sink);
        Assert.True(_alerts.IsRaised(0));
        _alerts.Update(0, 0, Capacity - ClearBelow, Capacity, 5001, _settings, _sink);
        Assert.False(_alerts.IsRaised(0));
    }

    [Fact]
    public void No_capacity_means_no_alert_and_clears_a_raised_one()
    {
        for (long t = 0; t < 60_000; t += 1000)
        {
            _alerts.Update(0, 0, 50, 0, t, _settings, _sink);
        }

        Assert.False(_alerts.IsRaised(0));
        Assert.Empty(Alerts);
        Hold(Capacity, 60_000, 60_000 + Dwell);
        Assert.True(_alerts.IsRaised(0));
        _alerts.Update(0, 0, Capacity, 0, 70_000, _settings, _sink);
        Assert.False(_alerts.IsRaised(0));
        Assert.Equal(0, Alerts.Last().ValueA);
    }
}
