namespace OccupancySensor.Tests.Mqtt;

/// <summary>One message an independent subscriber printed: topic, exact payload bytes, retain flag.</summary>
public sealed record ReceivedMessage(string Topic, byte[] Payload, bool Retained)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Payload);
}
