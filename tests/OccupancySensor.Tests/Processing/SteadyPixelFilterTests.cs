using OccupancySensor.Processing;
using Xunit;

namespace OccupancySensor.Tests.Processing;

/// <summary>
/// The steady filter on one pixel at 1 fps, with a raw noise of 0.3 °C: the default jump threshold (3 sigma) is
/// 0.9 °C in one frame.
/// </summary>
public class SteadyPixelFilterTests
{
    private const float Sigma = 0.3f;

    private static long Feed(SteadyPixelFilter filter, float excess, int seconds, long now)
    {
        var settings = new EngineSettings();
        for (int k = 0; k < seconds; k++)
        {
            filter.Update(new[] { excess }, Sigma, now += 1000, 1f, settings);
        }

        return now;
    }

    [Fact]
    public void A_pixel_remembers_what_it_was_before_its_latest_run_of_jumps()
    {
        // A seat still +2 °C warm from the last person; someone sits down (+8 °C, then +9.5 °C as they settle, a
        // jump in each of two frames). What the seat was before is the +2 °C, not the +8 °C between the two jumps.
        var filter = new SteadyPixelFilter(1);
        long now = Feed(filter, 2f, 60, 0);
        Assert.Equal(2f, filter.Average[0], 2);
        now = Feed(filter, 8f, 1, now);
        Assert.Equal(now, filter.JumpAt[0]);
        now = Feed(filter, 9.5f, 1, now);
        Assert.Equal(now, filter.JumpAt[0]);
        Assert.Equal(2f, filter.RiseFrom[0], 2);

        // Ten seconds later they get up (a jump down to +2 °C): a new run, from where they sat.
        now = Feed(filter, 9.5f, 10, now);
        Feed(filter, 2f, 1, now);
        Assert.Equal(9.5f, filter.RiseFrom[0], 1);
    }

    [Fact]
    public void A_pixel_that_creeps_up_never_jumps_and_keeps_what_it_rose_from()
    {
        // A monitor warming a pixel by 0.2 °C a second: under the jump threshold every frame.
        var filter = new SteadyPixelFilter(1);
        long now = Feed(filter, 2f, 60, 0);
        long jumped = filter.JumpAt[0];
        for (int k = 1; k <= 30; k++)
        {
            now = Feed(filter, 2f + (0.2f * k), 1, now);
        }

        Assert.Equal(jumped, filter.JumpAt[0]);
        Assert.Equal(0f, filter.RiseFrom[0]);
        Assert.True(filter.Average[0] > 7f, $"the average {filter.Average[0]} did not follow the creep");
    }
}
