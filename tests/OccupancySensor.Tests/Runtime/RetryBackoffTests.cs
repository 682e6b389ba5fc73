using OccupancySensor.Runtime;

namespace OccupancySensor.Tests.Runtime;

public class RetryBackoffTests
{
    [Fact]
    public void Waits_double_after_each_failure_up_to_the_maximum()
    {
        var backoff = new RetryBackoff(250, 2000);
        var waits = Enumerable.Range(0, 6).Select(_ => backoff.Failed(10_000)).ToArray();
        Assert.Equal(new[] { 250, 500, 1000, 2000, 2000, 2000 }, waits);
        Assert.Equal(12_000, backoff.NextAttemptMilliseconds);
        Assert.True(backoff.IsFailing);
    }

    [Fact]
    public void Success_starts_over()
    {
        var backoff = new RetryBackoff(100, 10_000);
        backoff.Failed(0);
        backoff.Failed(0);
        backoff.Succeeded();
        Assert.False(backoff.IsFailing);
        Assert.Equal(100, backoff.Failed(0));
    }
}
