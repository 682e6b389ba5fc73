using OccupancySensor.Processing;
using Xunit;
using static OccupancySensor.Tests.Processing.PeopleTrackerTests;

namespace OccupancySensor.Tests.Processing;

/// <summary>
/// Someone sitting down on a seat that is still warm (from the person who just left it, or from the sun): its pixels
/// were not quiet when they arrived, and the seat's warmth may still have a track of its own. Frames at 1 fps on an
/// 8x8 view, the seat at (3, 3) as in <see cref="PeopleTrackerTests"/>.
/// </summary>
public class PeopleTrackerWarmSeatTests
{
    // A person seated for a minute who got up and left a +1.5 °C warm seat, its track a heat source since, a minute on.
    private static long SeatLeftWarm(PeopleTracker tracker)
    {
        long now = Hold(tracker, 1.5f, 15, SeatForAMinute(tracker));
        Assert.Equal(0, tracker.People);
        Assert.True(tracker.IsConfirmed(0));
        return Hold(tracker, 1.5f, 60, now);
    }

    [Fact]
    public void Someone_sitting_down_at_a_seat_just_left_is_a_person_though_the_seat_kept_its_track()
    {
        // The seat's track takes the newcomer's blob (they sit where it is, so it never moves). Back at the usual
        // warmth, suddenly, for five seconds: someone sat down.
        var sits = new PeopleTracker(8, 8);
        long now = SeatLeftWarm(sits);
        Hold(sits, 4f, 6, now, now + 1000);
        Assert.Equal(1, sits.People);
        Assert.True(sits.IsConfirmed(0));

        // The seat warming back as slowly (a sun patch) never jumped: still heat.
        var warms = new PeopleTracker(8, 8);
        now = SeatLeftWarm(warms);
        Hold(warms, 4f, 60, Drift(warms, 1.5f, 4f, now, 300));
        Assert.Equal(0, warms.People);

        // Someone walking past whose blob merges with the seat's warmth for two seconds: still heat.
        var passes = new PeopleTracker(8, 8);
        now = SeatLeftWarm(passes);
        now = Hold(passes, 4f, 2, now, now + 1000);
        Hold(passes, 1.5f, 10, now);
        Assert.Equal(0, passes.People);
    }

    [Fact]
    public void A_newcomer_is_a_person_when_their_warmest_pixel_jumped_to_over_twice_what_it_was_quiet_or_not()
    {
        // The pixel has been warm for ten minutes (not quiet since 1 s), and jumped half a second before the blob was
        // first seen.
        var settings = new EngineSettings();
        var blobs = Spots((3.2f, 4.1f, 4f));
        Assert.Equal(1, blobs.Count);
        float[] levels = blobs.Excess.ToArray();
        long now = 600_000 + 1000;

        bool JudgedPerson(float roseFrom, long jumpedAt, long quietAt = 1000)
        {
            var tracker = new PeopleTracker(8, 8);
            tracker.JudgeWarmthOn(levels);
            tracker.JudgeArrivalsOn(Enumerable.Repeat(roseFrom, 64).ToArray());
            tracker.Update(blobs, Times(quietAt), Times(jumpedAt), now, 0.1f, 6f, 2.5f, settings);
            tracker.Update(blobs, Times(quietAt), Times(jumpedAt), now + 100, 0.1f, 6f, 2.5f, settings);
            Assert.True(tracker.IsConfirmed(0));
            return tracker.People == 1;
        }

        // From +1.5 °C (a seat still warm) to nearly +4 °C: someone sat down.
        Assert.True(JudgedPerson(1.5f, now - 500));

        // From +3 °C: a warm object that got a little warmer.
        Assert.False(JudgedPerson(3f, now - 500));

        // From +1.5 °C but without a jump (the last was ten minutes ago): it crept up, as a monitor warms.
        Assert.False(JudgedPerson(1.5f, 1000));

        // A faint warm seat whose blob the noise broke up for a frame: quiet a moment ago (a jump down takes the
        // average with it) and jumped back, but to no more than it was before. Nobody arrived.
        Assert.False(JudgedPerson(3f, now - 500, now - 1500));
    }
}
