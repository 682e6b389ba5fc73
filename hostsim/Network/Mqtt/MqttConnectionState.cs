namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>Where one connection is in its life. Only a Ready connection takes messages from Send.</summary>
public enum MqttConnectionState
{
    /// <summary>Connected; subscribing and announcing "online" before Open returns.</summary>
    Opening,

    Ready,

    /// <summary>DISCONNECT sent by Close; acknowledgements still arriving are read until the broker closes.</summary>
    Closing,

    Dead,
}
