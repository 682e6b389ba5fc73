using OccupancySensor.Processing;
using Xunit;
using static OccupancySensor.Tests.Processing.PeopleTrackerTests;

namespace OccupancySensor.Tests.Processing;

/// <summary>
/// A seated person's track through the moments that break a blob's continuity: a blob that merges with something warm
/// beside them and splits again, and a blob that drops out for a frame. Frames at 1 fps on an 8x8 view.
/// </summary>
public class PeopleTrackerContinuityTests
{
    private const float Gate = 4f;

    private static readonly EngineSettings Settings = new();

    private static int PersonTrack(PeopleTracker tracker) =>
        Enumerable.Range(0, PeopleTracker.MaxTracks).Single(tracker.IsPerson);

    [Fact]
    public void A_person_who_sits_down_and_puts_a_hot_drink_beside_them_keeps_their_track()
    {
        // They walk in along row 2 (1.5 pixels a frame) and sit at column 3, reaching out to put a drink down at
        // column 6: for a frame their arm and the drink make one blob with them, whose centroid jumps on towards the
        // drink; then the drink is a blob of its own. The walk's velocity and the jump both point at the drink, but
        // the person's warmest pixel never moved.
        var tracker = new PeopleTracker(8, 8);
        long now = 601_000;
        var arrived = Times(now - 500);
        foreach (float column in new[] { 0f, 1.5f, 3f })
        {
            tracker.Update(Spots((column, 2f, 6f)), arrived, arrived, now += 1000, 1f, 6f, Gate, Settings);
        }

        Assert.Equal(1, tracker.People);
        var reaching = Spots((3f, 2f, 6f), (4.4f, 2f, 5f));
        Assert.Equal(1, reaching.Count);
        tracker.Update(reaching, arrived, arrived, now += 1000, 1f, 6f, Gate, Settings);
        for (int k = 0; k < 5; k++)
        {
            var apart = Spots((3f, 2f, 6f), (6f, 2f, 3f));
            Assert.Equal(2, apart.Count);
            tracker.Update(apart, arrived, arrived, now += 1000, 1f, 6f, Gate, Settings);
        }

        int person = PersonTrack(tracker);
        Assert.InRange(tracker.ColumnOf(person), 2.5f, 3.5f);
    }

    [Fact]
    public void A_seated_person_whose_blob_drops_out_for_a_frame_just_after_the_PIR_fired_is_still_there()
    {
        // Seated for a minute, they fidget (the PIR fires) and their blob falls under the threshold for one frame
        // (a turned head). A track "just moving" would be let go at once; one settled in its place is kept.
        var tracker = new PeopleTracker(8, 8);
        long now = SeatForAMinute(tracker);
        tracker.MotionSeen(now);
        tracker.Update(Spots(), Times(600_500), Times(600_500), now += 1000, 1f, 6f, Gate, Settings);
        Hold(tracker, 4f, 5, now);
        Assert.Equal(1, tracker.People);
    }

    [Fact]
    public void A_seated_person_who_vanishes_for_three_frames_and_leaves_a_warm_seat_has_gone()
    {
        // The same person gets up: the PIR fires, their blob is gone for three frames (they walked off where the view
        // does not reach), then the seat they warmed shows at +1.5 °C. The frames without a blob count as a spot gone
        // cold: the warm seat does not keep them there.
        var tracker = new PeopleTracker(8, 8);
        long now = SeatForAMinute(tracker);
        tracker.MotionSeen(now);
        for (int k = 0; k < 3; k++)
        {
            tracker.Update(Spots(), Times(600_500), Times(600_500), now += 1000, 1f, 6f, Gate, Settings);
        }

        Hold(tracker, 1.5f, 15, now);
        Assert.Equal(0, tracker.People);
    }
}
