using OccupancySensor.HostSim.Cli;

namespace OccupancySensor.Tests.Cli;

/// <summary>simulate's broker options: a wrong combination is refused with the reason and exit code 2, before any run.</summary>
public class SimulateOptionsTests
{
    [Theory]
    [InlineData(new[] { "--speed", "60" }, "go with --mqtt")]
    [InlineData(new[] { "--mqtt-ca", "ca.pem" }, "go with --mqtt")]
    [InlineData(new[] { "--mqtt", "localhost" }, "HOST:PORT")]
    [InlineData(new[] { "--mqtt", "localhost:0" }, "HOST:PORT")]
    [InlineData(new[] { "--mqtt", "localhost:70000" }, "HOST:PORT")]
    [InlineData(new[] { "--mqtt", "localhost:1883", "--speed", "0" }, "--speed must be")]
    [InlineData(new[] { "--mqtt", "localhost:1883", "--speed", "fast" }, "--speed must be")]
    [InlineData(new[] { "--mqtt", "localhost:1883", "--mqtt-cert", "c.crt" }, "mutual TLS needs")]
    [InlineData(new[] { "--mqtt", "localhost:1883", "--mqtt-ca", "/no/such/ca.pem" }, "no such file")]
    public void A_wrong_broker_option_is_refused_with_the_reason(string[] args, string reason)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, SimulateCommand.Run(args, output, error));
        Assert.Contains(reason, error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void An_ipv6_endpoint_is_read_with_its_brackets_removed()
    {
        Assert.True(OccupancySensor.HostSim.Network.BrokerSettings.TryParseEndpoint("[::1]:8883", out var host, out var port, out _));
        Assert.Equal("::1", host);
        Assert.Equal(8883, port);
    }
}
