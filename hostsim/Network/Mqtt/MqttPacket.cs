namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>One control packet as read off the wire: its type, the low nibble of the first byte, and the bytes after the Remaining Length.</summary>
public sealed record MqttPacket(MqttPacketType Type, byte Flags, byte[] Body);
