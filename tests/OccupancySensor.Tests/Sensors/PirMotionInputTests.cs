using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Sensors.Pir;

namespace OccupancySensor.Tests.Sensors;

public class PirMotionInputTests
{
    [Fact]
    public void Edges_are_stamped_when_they_happen_and_taken_in_order()
    {
        var clock = new SimulatedClock(1000);
        var pir = new SimulatedPir(highMilliseconds: 500, blindMilliseconds: 0);
        var input = new PirMotionInput(pir, clock);
        pir.Trigger(clock.NowMilliseconds);
        clock.Advance(600);
        pir.Update(clock.NowMilliseconds);

        Assert.True(input.TryTake(out var t1, out var high1));
        Assert.Equal((1000L, true), (t1, high1));
        Assert.True(input.TryTake(out var t2, out var high2));
        Assert.Equal((1600L, false), (t2, high2));
        Assert.False(input.TryTake(out _, out _));
    }

    [Fact]
    public void Overflow_drops_the_oldest_edges_and_counts_them()
    {
        var clock = new SimulatedClock();
        var pir = new SimulatedPir(highMilliseconds: 1, blindMilliseconds: 0);
        var input = new PirMotionInput(pir, clock);
        for (var i = 0; i < 20; i++)
        {
            pir.Trigger(clock.NowMilliseconds);
            clock.Advance(1);
            pir.Update(clock.NowMilliseconds);
            clock.Advance(1);
        }

        Assert.Equal(8, input.DroppedEdges); // 40 edges into a ring of 32
        Assert.True(input.TryTake(out var first, out var isHigh));
        Assert.Equal(8, first); // edges 1 ms apart: the eight oldest (t = 0..7) were dropped, the rise at t = 8 is next
        Assert.True(isHigh);
    }
}
