using OccupancySensor.HostSim.Network.Mqtt;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>The keep-alive rule with plain numbers (milliseconds; keep-alive 10 s).</summary>
public sealed class MqttKeepAliveTests
{
    private const long KeepAlive = 10_000;
    private const long NeverPinged = long.MinValue;

    [Fact]
    public void Nothing_to_do_while_packets_flow_both_ways()
    {
        Assert.Equal(MqttKeepAliveAction.None, MqttKeepAlive.Decide(now: 9_999, KeepAlive, lastSent: 0, lastReceived: 0, NeverPinged));
    }

    [Fact]
    public void A_client_that_sent_nothing_for_one_period_pings()
    {
        Assert.Equal(MqttKeepAliveAction.Ping, MqttKeepAlive.Decide(now: 10_000, KeepAlive, lastSent: 0, lastReceived: 5_000, NeverPinged));
    }

    [Fact]
    public void A_client_that_heard_nothing_for_one_period_pings_once_even_while_it_keeps_sending()
    {
        Assert.Equal(MqttKeepAliveAction.Ping, MqttKeepAlive.Decide(now: 10_000, KeepAlive, lastSent: 9_900, lastReceived: 0, NeverPinged));
        Assert.Equal(MqttKeepAliveAction.None, MqttKeepAlive.Decide(now: 12_000, KeepAlive, lastSent: 11_900, lastReceived: 0, lastPing: 10_000));
    }

    [Fact]
    public void Nothing_heard_for_one_and_a_half_periods_is_a_dead_link_whatever_was_sent()
    {
        Assert.Equal(MqttKeepAliveAction.None, MqttKeepAlive.Decide(now: 14_999, KeepAlive, lastSent: 14_000, lastReceived: 0, lastPing: 10_000));
        Assert.Equal(MqttKeepAliveAction.Dead, MqttKeepAlive.Decide(now: 15_000, KeepAlive, lastSent: 14_999, lastReceived: 0, lastPing: 10_000));
    }

    [Fact]
    public void Keep_alive_0_turns_the_rule_off()
    {
        Assert.Equal(MqttKeepAliveAction.None, MqttKeepAlive.Decide(now: 1_000_000, 0, lastSent: 0, lastReceived: 0, NeverPinged));
    }

    [Theory]
    [InlineData(1_000, 100)]
    [InlineData(60_000, 1_000)]
    [InlineData(200, 50)]
    public void The_check_runs_at_a_tenth_of_the_period_between_50_ms_and_1_s(long keepAlive, int interval)
    {
        Assert.Equal(interval, MqttKeepAlive.CheckIntervalMilliseconds(keepAlive));
    }
}
