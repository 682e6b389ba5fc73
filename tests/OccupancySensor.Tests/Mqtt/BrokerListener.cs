namespace OccupancySensor.Tests.Mqtt;

/// <summary>The three listeners of the test broker.</summary>
public enum BrokerListener
{
    Plain,
    Tls,
    MutualTls,
}
