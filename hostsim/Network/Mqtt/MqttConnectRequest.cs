namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>The fields of a CONNECT packet (MQTT 3.1.1 section 3.1). A null Will topic means no Will.</summary>
public sealed record MqttConnectRequest
{
    public required string ClientId { get; init; }

    public bool CleanSession { get; init; }

    public int KeepAliveSeconds { get; init; }

    public string? WillTopic { get; init; }

    public byte[] WillMessage { get; init; } = [];

    public int WillQos { get; init; }

    public bool WillRetain { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }
}
