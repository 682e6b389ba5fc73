using System.Diagnostics;
using System.Text;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// mosquitto_pub and mosquitto_sub run once, as an independent client would: publish a command, or read the retained
/// message of a topic. Both connect to a listener of <see cref="MosquittoBroker"/> with the TLS options it needs.
/// </summary>
internal static class MosquittoClients
{
    private static readonly TimeSpan ToolLimit = TimeSpan.FromSeconds(10);

    /// <summary>Host, port and TLS arguments for <paramref name="listener"/>; the mutual-TLS listener gets the test client certificate.</summary>
    public static List<string> ConnectionArguments(MosquittoBroker broker, BrokerListener listener)
    {
        var arguments = new List<string> { "-h", "127.0.0.1", "-V", "mqttv311", "-p", broker.PortOf(listener).ToString() };
        if (listener != BrokerListener.Plain)
        {
            arguments.AddRange(["--cafile", broker.Pki.CaCertificate]);
        }

        if (listener == BrokerListener.MutualTls)
        {
            arguments.AddRange(["--cert", broker.Pki.ClientCertificate, "--key", broker.Pki.ClientKey]);
        }

        return arguments;
    }

    /// <summary>Publishes <paramref name="payload"/> with mosquitto_pub at QoS 1 (the tool waits for the PUBACK before it exits).</summary>
    public static void Publish(MosquittoBroker broker, string topic, string payload, BrokerListener listener = BrokerListener.Plain)
    {
        var tool = ExternalTool.Require("mosquitto_pub", "mosquitto-clients");
        var arguments = ConnectionArguments(broker, listener);
        arguments.AddRange(["-t", topic, "-m", payload, "-q", "1"]);
        ExternalTool.Run(tool, arguments, ToolLimit);
    }

    /// <summary>
    /// The retained message of <paramref name="topic"/> as mosquitto_sub -C 1 reads it right after subscribing, or
    /// null when the topic has none (mosquitto_sub then gives up after its -W timeout).
    /// </summary>
    public static string? ReadRetained(MosquittoBroker broker, string topic, int waitSeconds = 1)
    {
        var tool = ExternalTool.Require("mosquitto_sub", "mosquitto-clients");
        var arguments = ConnectionArguments(broker, BrokerListener.Plain);
        arguments.AddRange(["-t", topic, "-C", "1", "-W", waitSeconds.ToString(), "-F", "%r %x"]);
        var (exitCode, output, error) = ExternalTool.TryRun(tool, arguments, ToolLimit);
        var line = output.Trim();
        if (line.Length == 0)
        {
            // mosquitto_sub exits with 27 after -W seconds without a message.
            return exitCode is 27 or 0 ? null : throw new InvalidOperationException("mosquitto_sub failed (" + exitCode + "): " + error);
        }

        var parts = line.Split(' ');
        if (parts[0] != "1")
        {
            throw new InvalidOperationException("the first message on " + topic + " was not retained: " + line);
        }

        return parts.Length > 1 ? Encoding.UTF8.GetString(Convert.FromHexString(parts[1])) : string.Empty;
    }

    /// <summary>Reads the retained message of <paramref name="topic"/> until it is <paramref name="expected"/>; returns the last one read.</summary>
    public static string? WaitForRetained(MosquittoBroker broker, string topic, string expected, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        string? value;
        do
        {
            value = ReadRetained(broker, topic);
            if (value == expected)
            {
                return value;
            }

            Thread.Sleep(50);
        }
        while (clock.Elapsed < limit);

        return value;
    }
}
