namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>A SUBACK: the packet id and the granted QoS per filter (0x80 = failure).</summary>
public sealed record MqttSubAck(int PacketId, byte[] ReturnCodes);
