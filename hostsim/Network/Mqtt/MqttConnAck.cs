namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>A CONNACK: whether the broker kept a session for the client, and its return code (0 = accepted, section 3.2.2.3).</summary>
public sealed record MqttConnAck(bool SessionPresent, byte ReturnCode);
