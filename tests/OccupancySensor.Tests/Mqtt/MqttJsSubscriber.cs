using System.Diagnostics;
using System.Text.Json;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// The second independent subscriber: tests/peers/mqtt-subscribe.js on MQTT.js (persistent session, QoS 1), which
/// prints one JSON line per message. Node and tests/peers/node_modules must be there (./test.sh sets
/// OCCUPANCY_TEST_PEERS; otherwise the repository's tests/peers/node_modules is used).
/// </summary>
internal sealed class MqttJsSubscriber : IDisposable
{
    private readonly Process _process;
    private readonly object _gate = new();
    private readonly List<ReceivedMessage> _messages = new();
    private readonly List<string> _lines = new();
    private bool _subscribed;

    public MqttJsSubscriber(MosquittoBroker broker, string topicFilter, string clientId, BrokerListener listener)
    {
        var scripts = PeersDirectory();
        var modules = Environment.GetEnvironmentVariable("OCCUPANCY_TEST_PEERS") ?? Path.Combine(scripts, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "mqtt")))
        {
            throw new InvalidOperationException("MQTT.js is not installed in " + modules + ": run 'cd tests/peers && npm ci' (./test.sh does this)");
        }

        var start = new ProcessStartInfo(ExternalTool.Require("node", "nodejs"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OCCUPANCY_TEST_PEERS"] = modules;
        var port = listener switch
        {
            BrokerListener.Tls => broker.TlsPort,
            BrokerListener.MutualTls => broker.MutualTlsPort,
            _ => broker.PlainPort,
        };
        var arguments = new List<string>
        {
            Path.Combine(scripts, "mqtt-subscribe.js"),
            "--url", (listener == BrokerListener.Plain ? "mqtt" : "mqtts") + "://127.0.0.1:" + port,
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

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        _process.OutputDataReceived += (_, e) => Take(e.Data);
        _process.ErrorDataReceived += (_, e) => Take(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Transcript
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public void WaitForSubscription(TimeSpan limit)
    {
        if (!WaitUntil(() => _subscribed, limit))
        {
            throw new TimeoutException("MQTT.js did not subscribe:\n" + Transcript);
        }
    }

    public IReadOnlyList<ReceivedMessage> WaitForMessages(int count, TimeSpan limit)
    {
        WaitUntil(() => _messages.Count >= count, limit);
        lock (_gate)
        {
            return _messages.ToArray();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    /// <summary>tests/peers of this checkout, found upwards from the test binaries.</summary>
    private static string PeersDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "peers");
            if (File.Exists(Path.Combine(candidate, "mqtt-subscribe.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/peers/mqtt-subscribe.js not found above " + AppContext.BaseDirectory);
    }

    private bool WaitUntil(Func<bool> condition, TimeSpan limit) => GateWait.Until(_gate, condition, limit);

    private void Take(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            if (line.StartsWith('{'))
            {
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

            Monitor.PulseAll(_gate);
        }
    }
}
