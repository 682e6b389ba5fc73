using OccupancySensor.Processing;
using Xunit;
using static OccupancySensor.Tests.Processing.PeopleTrackerTests;

namespace OccupancySensor.Tests.Processing;

/// <summary>
/// A seated person's own warmth against what the seat under them adds or loses while they sit: a sun patch moving
/// in (their departure is judged against their own warmth, not the sun's) and moving on (the background under them is
/// too warm). Frames at 1 fps on an 8x8 view, the person at (3, 3) as in <see cref="PeopleTrackerTests"/>.
/// </summary>
public class PeopleTrackerOwnWarmthTests
{
    [Fact]
    public void A_worker_the_sun_warmed_who_leaves_a_seat_still_two_thirds_as_warm_has_gone()
    {
        // Seated at +4 °C, the sun moves onto their seat and the spot climbs to +10 °C. They get up: the seat stays at
        // +6.5 °C, 0.65 of the usual level but only the sun's warmth. A share of the usual level (0.6) missed it.
        var leaves = new PeopleTracker(8, 8);
        long now = Drift(leaves, 4f, 10f, SeatForAMinute(leaves));
        Assert.Equal(1, leaves.People);
        Hold(leaves, 6.5f, 15, now);
        Assert.Equal(0, leaves.People);

        // The same drop without the sun (+4 °C to +2.6 °C, 0.65) is someone shifting in their seat.
        var shifts = new PeopleTracker(8, 8);
        Hold(shifts, 2.6f, 15, SeatForAMinute(shifts));
        Assert.Equal(1, shifts.People);
    }

    [Fact]
    public void A_seated_person_who_fades_to_under_half_their_warmth_asks_for_the_background_under_them_to_cool()
    {
        // The sun leaves the seat whose warmth the background had learned: over ten minutes the person sinks from
        // +4 °C to +1.5 °C. They are still there, and the background under them is asked to cool.
        var faded = new PeopleTracker(8, 8);
        Drift(faded, 4f, 1.5f, SeatForAMinute(faded));
        Assert.Equal(1, faded.People);
        Assert.True(faded.BlobHiddenCooling[0] > 0, "no cooling asked for a person faded to 0.375 of their warmth");

        // Sinking to +2.2 °C (0.55) is within how a seated person varies: nothing is asked.
        var varies = new PeopleTracker(8, 8);
        Drift(varies, 4f, 2.2f, SeatForAMinute(varies));
        Assert.Equal(1, varies.People);
        Assert.All(varies.BlobHiddenCooling, cooling => Assert.Equal(0f, cooling));

        // Gone at once to +1.5 °C is a departure, not a fade: nothing is asked either.
        var gone = new PeopleTracker(8, 8);
        Hold(gone, 1.5f, 5, SeatForAMinute(gone));
        Assert.All(gone.BlobHiddenCooling, cooling => Assert.Equal(0f, cooling));
    }
}
