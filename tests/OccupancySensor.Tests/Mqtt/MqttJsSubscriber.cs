using System.Text.Json;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// The second independent subscriber: tests/peers/mqtt-subscribe.js on MQTT.js (persistent session, QoS 1), which
/// prints one JSON line per message. Node and MQTT.js come as <see cref="TestPeers"/> says.
/// </summary>
internal sealed class MqttJsSubscriber : IDisposable
{
    private readonly WatchedProcess _process;
    private readonly List<ReceivedMessage> _messages = new();
    private bool _subscribed;

    public MqttJsSubscriber(MosquittoBroker broker, string topicFilter, string clientId, BrokerListener listener)
    {
        var start = TestPeers.NodeScript(Path.Combine(TestPeers.Directory, "mqtt-subscribe.js"), "mqtt");
        var arguments = new List<string>
        {
            "--url", (listener == BrokerListener.Plain ? "mqtt" : "mqtts") + "://127.0.0.1:" + broker.PortOf(listener),
            "--topic", topicFilter,
            "--client-id", clientId,
        };
        if (listener != BrokerListener.Plain)
        {
            arguments.AddRange(["--ca", broker.Pki.CaCertificate]);
        }

        if (listener == BrokerListener.MutualTls)
        {
            arguments.AddRange(["--cert", broker.Pki.ClientCertificate, "--key", broker.Pki.ClientKey]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new WatchedProcess("node", start, Read);
    }

    public string Transcript => _process.Transcript;

    public void WaitForSubscription(TimeSpan limit)
    {
        if (!_process.WaitUntil(() => _subscribed, limit))
        {
            throw new TimeoutException("MQTT.js did not subscribe:\n" + Transcript);
        }
    }

    public IReadOnlyList<ReceivedMessage> WaitForMessages(int count, TimeSpan limit)
    {
        _process.WaitUntil(() => _messages.Count >= count, limit);
        lock (_process.Gate)
        {
            return _messages.ToArray();
        }
    }

    public void Dispose() => _process.Dispose();

    /// <summary>Takes one printed line: a JSON event or message; anything else is only kept in the transcript (called under the watcher's gate).</summary>
    private void Read(string line)
    {
        if (!line.StartsWith('{'))
        {
            return;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.TryGetProperty("event", out var kind))
        {
            _subscribed |= kind.GetString() == "subscribed";
        }
        else
        {
            _messages.Add(new ReceivedMessage(
                root.GetProperty("topic").GetString()!,
                Convert.FromHexString(root.GetProperty("payloadHex").GetString()!),
                root.GetProperty("retain").GetBoolean()));
        }
    }
}
