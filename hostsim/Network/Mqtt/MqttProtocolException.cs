namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// A packet that breaks MQTT 3.1.1: a malformed length, string or header, or a packet the broker must not send.
/// The spec's answer to any of these is to close the network connection (section 4.8), which the transport does.
/// </summary>
public sealed class MqttProtocolException : Exception
{
    public MqttProtocolException(string message)
        : base(message)
    {
    }
}
