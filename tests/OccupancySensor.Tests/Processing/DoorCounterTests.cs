using OccupancySensor.Processing;

namespace OccupancySensor.Tests.Processing;

public class DoorCounterTests
{
    // DoorCounter documents "in - out = people + corrections": an out that was clamped is an out the area count
    // did not take off, and a zeroing took people off that no out accounts for.
    private static void AssertBalanced(DoorCounter door)
    {
        Assert.Equal(door.In - door.Out, door.People + door.Zeroed - door.ClampedOuts);
        Assert.True(door.People >= 0);
        Assert.True(door.ClampedOuts >= 0);
        Assert.True(door.Zeroed >= 0);
    }

    [Fact]
    public void Ins_and_outs_make_the_people_count()
    {
        var door = new DoorCounter();
        door.Add(3, 0);
        door.Add(0, 1);
        door.Add(2, 1);
        Assert.Equal(5, door.In);
        Assert.Equal(2, door.Out);
        Assert.Equal(3, door.People);
        Assert.Equal(0, door.ClampedOuts);
        AssertBalanced(door);
    }

    [Fact]
    public void The_count_never_goes_below_zero_and_the_clamped_outs_are_counted()
    {
        var door = new DoorCounter();
        door.Add(0, 2);
        Assert.Equal(0, door.People);
        Assert.Equal(2, door.Out);
        Assert.Equal(2, door.ClampedOuts);
        AssertBalanced(door);

        // Someone who came in before start-up leaves; then someone comes in and is counted from zero, not -2.
        door.Add(1, 0);
        Assert.Equal(1, door.People);
        door.Add(1, 3);
        Assert.Equal(0, door.People);
        Assert.Equal(3, door.ClampedOuts);
        AssertBalanced(door);
    }

    [Fact]
    public void Ins_of_a_frame_are_taken_before_its_outs()
    {
        var door = new DoorCounter();
        door.Add(1, 1);
        Assert.Equal(0, door.People);
        Assert.Equal(0, door.ClampedOuts);
        AssertBalanced(door);
    }

    [Fact]
    public void An_area_seen_empty_zeroes_the_count_and_counts_the_correction()
    {
        var door = new DoorCounter();
        door.Add(4, 1);
        door.AreaSeenEmpty();
        Assert.Equal(0, door.People);
        Assert.Equal(3, door.Zeroed);
        Assert.Equal(4, door.In);
        Assert.Equal(1, door.Out);
        AssertBalanced(door);
        door.AreaSeenEmpty();
        Assert.Equal(3, door.Zeroed);
        door.Add(0, 1);
        Assert.Equal(1, door.ClampedOuts);
        AssertBalanced(door);
    }

    [Fact]
    public void Reset_starts_from_zero()
    {
        var door = new DoorCounter();
        door.Add(2, 5);
        door.Add(3, 0);
        door.AreaSeenEmpty();
        door.Reset();
        Assert.Equal(0, door.In);
        Assert.Equal(0, door.Out);
        Assert.Equal(0, door.People);
        Assert.Equal(0, door.ClampedOuts);
        Assert.Equal(0, door.Zeroed);
    }

    [Fact]
    public void Random_sequences_keep_the_balance()
    {
        var random = new Random(77);
        for (int trial = 0; trial < 200; trial++)
        {
            var door = new DoorCounter();
            int people = 0;
            for (int step = 0; step < 100; step++)
            {
                int previousIn = door.In;
                int previousOut = door.Out;
                if (random.Next(10) == 0)
                {
                    door.AreaSeenEmpty();
                    people = 0;
                }
                else
                {
                    int ins = random.Next(3);
                    int outs = random.Next(3);
                    door.Add(ins, outs);
                    people = Math.Max(0, people + ins - outs);
                }

                Assert.Equal(people, door.People);
                Assert.True(door.In >= previousIn && door.Out >= previousOut);
                AssertBalanced(door);
            }
        }
    }
}
