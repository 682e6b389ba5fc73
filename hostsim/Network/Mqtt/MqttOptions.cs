namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// Where and how the host's MQTT client connects. TLS is on when <see cref="CaCertificateFile"/> is set: the
/// certificates in that PEM file are then the only trust roots (the machine's store is not consulted), which is how
/// a unit pins its broker's CA. A client certificate and key (PEM) add mutual TLS.
/// </summary>
public sealed class MqttOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>The client id; the broker keeps the session (subscriptions, queued QoS 1 commands) under it.</summary>
    public required string ClientId { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>
    /// Seconds of silence after which the client pings; the link counts as dead when nothing arrives for 1.5 times
    /// this (the broker applies the same 1.5 factor, section 3.1.2.10). 0 turns keep-alive off. The device uses 60.
    /// </summary>
    public int KeepAliveSeconds { get; init; } = 60;

    /// <summary>Retained "online"/"offline" status and Last Will topic.</summary>
    public required string StatusTopic { get; init; }

    /// <summary>Subscribed at QoS 1 on every connect; what arrives is raised as MessageReceived.</summary>
    public required string CommandTopic { get; init; }

    /// <summary>PEM file of the CA certificate(s) to trust, and nothing else; null for plain TCP.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>PEM client certificate for mutual TLS (needs <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>PEM private key of the client certificate.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>The name the broker's certificate must carry; the host by default (an IP host is matched against IP SANs).</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Limit for the TCP connect and the TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for one write, and for each answer Open waits for (CONNACK, SUBACK, PUBACK of "online").</summary>
    public TimeSpan IoTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Confirmed messages awaiting PUBACK at once; Send refuses more (returns -1) until some are acknowledged.</summary>
    public int MaxInFlight { get; init; } = 64;

    /// <summary>
    /// Largest packet accepted from the broker. Commands are small; the limit keeps a corrupt Remaining Length
    /// (up to 256 MB) from becoming an allocation.
    /// </summary>
    public int MaxIncomingPacketBytes { get; init; } = 1024 * 1024;

    /// <summary>Where the client reports connection events and faults (never throws back into the client); null for none.</summary>
    public Action<string>? Log { get; init; }

    public bool UseTls => CaCertificateFile != null;

    /// <summary>Throws ArgumentException naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("MQTT host is empty");
        }

        if (Port < 1 || Port > 65535)
        {
            throw new ArgumentException("MQTT port " + Port + " is not 1..65535");
        }

        if (string.IsNullOrEmpty(ClientId))
        {
            throw new ArgumentException("MQTT client id is empty; a persistent session (clean session = false) needs one");
        }

        if (KeepAliveSeconds < 0 || KeepAliveSeconds > ushort.MaxValue)
        {
            throw new ArgumentException("keep-alive " + KeepAliveSeconds + " s is not 0..65535");
        }

        if (Password != null && Username == null)
        {
            throw new ArgumentException("an MQTT 3.1.1 password needs a username");
        }

        MqttClientPackets.CheckTopicName(StatusTopic);
        if (string.IsNullOrEmpty(CommandTopic))
        {
            throw new ArgumentException("command topic is empty");
        }

        if ((ClientCertificateFile == null) != (ClientKeyFile == null))
        {
            throw new ArgumentException("a client certificate needs both ClientCertificateFile and ClientKeyFile");
        }

        if (ClientCertificateFile != null && CaCertificateFile == null)
        {
            throw new ArgumentException("a client certificate is for TLS: set CaCertificateFile too");
        }

        if (ConnectTimeout <= TimeSpan.Zero || IoTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("connect and IO timeouts must be positive");
        }

        if (MaxInFlight < 1 || MaxInFlight > 60000)
        {
            throw new ArgumentException("MaxInFlight " + MaxInFlight + " is not 1..60000 (packet ids are 16 bits)");
        }

        if (MaxIncomingPacketBytes < 2)
        {
            throw new ArgumentException("MaxIncomingPacketBytes must allow at least a PUBACK");
        }
    }
}
