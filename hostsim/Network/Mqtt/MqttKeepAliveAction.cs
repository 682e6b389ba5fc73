namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>What the keep-alive check asks for.</summary>
public enum MqttKeepAliveAction
{
    None,
    Ping,
    Dead,
}
