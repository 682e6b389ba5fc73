using FsCheck;
using FsCheck.Fluent;
using OccupancySensor.Processing;

namespace OccupancySensor.Tests.Processing;

public class RobustStatisticsTests
{
    // The documented median: the middle of the sorted first `count` values, or the mean of the two middle ones for
    // an even count.
    private static float Reference(float[] values, int count)
    {
        var sorted = values.Take(count).ToArray();
        Array.Sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) * 0.5f;
    }

    private static void AssertMedian(float[] values, int count)
    {
        var original = (float[])values.Clone();
        float expected = Reference(values, count);
        float actual = RobustStatistics.Median(values, count);
        Assert.Equal(expected, actual);

        // Only the first `count` values may be reordered, and they stay the same multiset.
        var before = original.Take(count).OrderBy(v => v).ToArray();
        var after = values.Take(count).OrderBy(v => v).ToArray();
        Assert.Equal(before, after);
        Assert.Equal(original.Skip(count), values.Skip(count));
    }

    [Fact]
    public void Median_of_random_arrays_matches_a_sorted_reference()
    {
        var random = new Random(20240611);
        for (int trial = 0; trial < 3000; trial++)
        {
            int length = random.Next(1, 200);
            int count = random.Next(1, length + 1);

            // Few distinct values make many duplicates; wide values make none.
            int distinct = trial % 3 == 0 ? random.Next(1, 4) : (trial % 3 == 1 ? random.Next(2, 20) : 1_000_000);
            var values = new float[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = (random.Next(distinct) * 0.25f) - 10f;
            }

            AssertMedian(values, count);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(191)]
    [InlineData(192)]
    public void Median_of_sorted_reversed_and_constant_input(int count)
    {
        var ascending = Enumerable.Range(0, count).Select(i => (float)i).ToArray();
        AssertMedian(ascending, count);
        Assert.Equal(count / 2, ascending[count / 2]);
        var descending = Enumerable.Range(0, count).Select(i => (float)(count - i)).ToArray();
        AssertMedian(descending, count);
        AssertMedian(Enumerable.Repeat(21.5f, count).ToArray(), count);

        // An organ pipe and a saw tooth, classic quickselect traps.
        AssertMedian(Enumerable.Range(0, count).Select(i => (float)Math.Min(i, count - i)).ToArray(), count);
        AssertMedian(Enumerable.Range(0, count).Select(i => (float)(i % 5)).ToArray(), count);
    }

    [Fact]
    public void Even_count_gives_the_mean_of_the_two_middle_values()
    {
        // Not the upper middle: its small upward bias, integrated frame after frame, drifted the background.
        Assert.Equal(2.5f, RobustStatistics.Median(new[] { 4f, 1f, 3f, 2f }, 4));
        Assert.Equal(1.5f, RobustStatistics.Median(new[] { 2f, 1f }, 2));
    }

    [Fact]
    public void Only_the_first_count_values_are_considered()
    {
        var values = new[] { 5f, 1f, 3f, 100f, 100f, 100f };
        Assert.Equal(3f, RobustStatistics.Median(values, 3));
        Assert.Equal(new[] { 100f, 100f, 100f }, values.Skip(3));
    }

    [Fact]
    public void No_values_give_zero()
    {
        Assert.Equal(0f, RobustStatistics.Median(new float[4], 0));
        Assert.Equal(0f, RobustStatistics.Median(new float[0], 0));
    }

    [Fact]
    public void Median_property_holds_for_arbitrary_finite_arrays()
    {
        var values = Gen.Choose(-2000, 2000).Select(v => v / 16f).ArrayOf().Where(a => a.Length > 0);
        var cases = values.SelectMany(a => Gen.Choose(1, a.Length).Select(count => (a, count)));
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            AssertMedian(c.a, c.count);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
