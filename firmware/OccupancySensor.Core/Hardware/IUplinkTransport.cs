namespace OccupancySensor.Hardware
{
    /// <summary>Reports the outcome of one confirmed send: true when the network acknowledged it.</summary>
    public delegate void UplinkDeliveryHandler(int messageId, bool delivered);

    /// <summary>Hands on a message that arrived from the network (a command).</summary>
    public delegate void UplinkMessageHandler(string channel, byte[] payload);

    /// <summary>
    /// The link that carries readings off the unit: MQTT over Wi-Fi (channels are topics) or LoRaWAN (channels
    /// are FPorts). The device adapter wraps nanoFramework.M2Mqtt's MqttClient; the host has its own client.
    /// A message counts as delivered only when <see cref="Delivered"/> says so: stored readings are released then
    /// and not before.
    /// </summary>
    public interface IUplinkTransport
    {
        /// <summary>Whether the link is up.</summary>
        bool IsConnected { get; }

        /// <summary>Brings the link up; false when that failed (the caller backs off and tries again).</summary>
        bool Open();

        /// <summary>Takes the link down.</summary>
        void Close();

        /// <summary>
        /// Queues one message. Returns its id, which <see cref="Delivered"/> reports later when
        /// <paramref name="confirmed"/> is true, or -1 when the link refused it (down, or its queue is full).
        /// </summary>
        int Send(string channel, byte[] payload, bool confirmed, bool retain);

        /// <summary>Raised when a confirmed message was acknowledged, or given up on.</summary>
        event UplinkDeliveryHandler Delivered;

        /// <summary>Raised when a message for this unit arrived.</summary>
        event UplinkMessageHandler MessageReceived;
    }
}
