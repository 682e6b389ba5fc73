using OccupancySensor.Runtime;

namespace OccupancySensor.Tests.Runtime;

public class FaultLogTests
{
    [Fact]
    public void Keeps_the_most_recent_faults_and_counts_all()
    {
        var log = new FaultLog();
        for (var i = 0; i < 40; i++)
        {
            log.Record(i, i % 2 == 0 ? FaultSource.Thermal : FaultSource.Ambient, FaultCode.NotAcknowledged, "f" + i);
        }

        Assert.Equal(40, log.Total);
        Assert.Equal(32, log.RecentCount);
        Assert.Equal("f39", log.GetRecent(0).Detail);
        Assert.Equal("f8", log.GetRecent(31).Detail);
        Assert.Equal(16, log.CountRecent(FaultSource.Thermal));
    }

    [Fact]
    public void Health_reports_take_each_fault_once()
    {
        var log = new FaultLog();
        log.Record(0, FaultSource.Storage, FaultCode.WriteFailed, "x");
        log.Record(1, FaultSource.Storage, FaultCode.WriteFailed, "x");
        Assert.Equal(2, log.TakeUnreported());
        Assert.Equal(0, log.TakeUnreported());
        log.Record(2, FaultSource.Pir, FaultCode.Overflow, "y");
        Assert.Equal(1, log.TakeUnreported());
    }
}
