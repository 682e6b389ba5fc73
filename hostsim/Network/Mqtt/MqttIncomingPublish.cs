namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>A PUBLISH from the broker. The packet id is 0 at QoS 0.</summary>
public sealed record MqttIncomingPublish(string Topic, byte[] Payload, int Qos, bool Retain, bool Duplicate, int PacketId);
