using System.Globalization;
using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Network.Mqtt;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Uplink;

namespace OccupancySensor.HostSim.Network;

/// <summary>
/// A real broker for simulated units (simulate --mqtt HOST:PORT): each unit connects as its own MQTT client, under
/// its device id, with the unit's status topic (retained "online", Last Will "offline") and command topic, over
/// plain TCP, TLS with a pinned CA, or mutual TLS with a client certificate.
/// </summary>
public sealed class BrokerSettings
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>PEM CA the broker's certificate must chain to (TLS on); null for plain TCP.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate and key for mutual TLS.</summary>
    public string? CertFile { get; init; }

    public string? KeyFile { get; init; }

    /// <summary>Real seconds of silence before a ping; a link silent for 1.5 times this is taken as dead.</summary>
    public int KeepAliveSeconds { get; init; } = 60;

    /// <summary>Real-time limit on connecting (TCP, TLS, CONNACK), which a unit's loop waits through.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads "HOST:PORT" ("[::1]:PORT" for IPv6); false with the reason when it is not one.</summary>
    public static bool TryParseEndpoint(string text, out string host, out int port, out string error)
    {
        host = string.Empty;
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            error = $"--mqtt must be HOST:PORT with a port from 1 to 65535 (got '{text}')";
            return false;
        }

        host = text[..colon].Trim('[', ']');
        error = string.Empty;
        return true;
    }

    /// <summary>The MQTT link of <paramref name="unit"/>.</summary>
    public IUplinkTransport CreateLink(FloorUnit unit)
    {
        var topics = new UplinkTopics(unit.Configuration);
        var options = new MqttOptions
        {
            Host = Host,
            Port = Port,
            ClientId = unit.Configuration.DeviceId,
            StatusTopic = topics.Status,
            CommandTopic = topics.Commands,
            CaCertificateFile = CaFile,
            ClientCertificateFile = CertFile,
            ClientKeyFile = KeyFile,
            KeepAliveSeconds = KeepAliveSeconds,
            ConnectTimeout = ConnectTimeout,
            IoTimeout = ConnectTimeout,
        };
        options.Validate();
        return new MqttTransport(options);
    }
}
