using OccupancySensor.Hardware;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// A network link and broker in memory: records every message sent, acknowledges confirmed ones, and can be taken
/// down (sends are refused and connects fail until it comes back).
/// </summary>
public sealed class SimulatedTransport : IUplinkTransport
{
    private int _nextId = 1;
    private bool _connected;

    public event UplinkDeliveryHandler? Delivered;

    public event UplinkMessageHandler? MessageReceived;

    public bool NetworkUp { get; set; } = true;

    public List<(string Channel, string Payload)> Messages { get; } = new();

    public int ConnectAttempts { get; private set; }

    public bool IsConnected => _connected && NetworkUp;

    public bool Open()
    {
        ConnectAttempts++;
        _connected = NetworkUp;
        return _connected;
    }

    public void Close() => _connected = false;

    public int Send(string channel, byte[] payload, bool confirmed, bool retain)
    {
        if (!IsConnected)
        {
            _connected = false;
            return -1;
        }

        var id = _nextId++;
        Messages.Add((channel, System.Text.Encoding.UTF8.GetString(payload)));
        if (confirmed)
        {
            Delivered?.Invoke(id, true);
        }

        return id;
    }

    /// <summary>Delivers a message to the unit, as a broker would for its command topic.</summary>
    public void Receive(string channel, byte[] payload) => MessageReceived?.Invoke(channel, payload);
}
