using System.Diagnostics;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// An independent subscriber: mosquitto_sub at QoS 1 with a fixed client id and a persistent session (-c), so
/// messages published while it is away are queued by the broker and delivered when it is back. Each message is
/// printed as "MSG retain hex-payload topic" (-F), hex so any payload bytes, newlines included, come through exactly.
/// -d adds libmosquitto's debug lines, from which the SUBACKs are counted: the subscription is in place once one is seen.
/// <para>
/// Found by experiment with mosquitto 2.0.11: when the broker is stopped (SIGTERM) and started again, mosquitto_sub
/// reconnects by itself (loop_forever retries about once a second), resubscribes and receives both what was queued
/// for its session and what is published afterwards; the process does not exit. So this wrapper does not restart
/// it; <see cref="Subscriptions"/> counts the resubscription. Only the first connect must succeed: if the broker is
/// down at start, mosquitto_sub exits with an error.
/// </para>
/// </summary>
internal sealed class SubscriberProcess : IDisposable
{
    private const string MessagePrefix = "MSG ";

    private readonly WatchedProcess _process;
    private readonly List<ReceivedMessage> _messages = new();
    private int _subscriptions;

    public SubscriberProcess(MosquittoBroker broker, string topicFilter, string clientId, BrokerListener listener = BrokerListener.Plain)
    {
        // mosquitto_sub writes through stdio, block-buffered into a pipe: its debug lines would sit in the buffer
        // until the first message flushed them. stdbuf -oL (coreutils) makes it line-buffered; stdbuf execs the
        // tool, so the process started is mosquitto_sub itself.
        var start = new ProcessStartInfo(ExternalTool.Require("stdbuf", "coreutils"));
        var arguments = new List<string> { "-oL", ExternalTool.Require("mosquitto_sub", "mosquitto-clients") };
        arguments.AddRange(MosquittoClients.ConnectionArguments(broker, listener));
        arguments.AddRange(["-t", topicFilter, "-q", "1", "-c", "-i", clientId, "-d", "-F", MessagePrefix + "%r %x %t"]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ClientId = clientId;
        _process = new WatchedProcess("mosquitto_sub", start, Read);
    }

    public string ClientId { get; }

    /// <summary>SUBACKs received: 1 after the first subscription, one more after each reconnection.</summary>
    public int Subscriptions
    {
        get
        {
            lock (_process.Gate)
            {
                return _subscriptions;
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything mosquitto_sub printed, for failure messages.</summary>
    public string Transcript => _process.Transcript;

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_process.Gate)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> SUBACKs were seen; throws with the transcript when not.</summary>
    public void WaitForSubscriptions(int count, TimeSpan limit)
    {
        if (!_process.WaitUntil(() => _subscriptions >= count, limit))
        {
            throw new TimeoutException("mosquitto_sub saw " + Subscriptions + " of " + count + " SUBACKs:\n" + Transcript);
        }
    }

    /// <summary>The messages once at least <paramref name="count"/> arrived, or all so far when <paramref name="limit"/> ran out.</summary>
    public IReadOnlyList<ReceivedMessage> WaitForMessages(int count, TimeSpan limit)
    {
        _process.WaitUntil(() => _messages.Count >= count, limit);
        return Messages;
    }

    /// <summary>Ends the process at once (the broker keeps its session; messages for it are queued from now).</summary>
    public void Dispose() => _process.Dispose();

    /// <summary>Takes one printed line: a message or a SUBACK (called under the watcher's gate).</summary>
    private void Read(string line)
    {
        if (line.StartsWith(MessagePrefix, StringComparison.Ordinal))
        {
            // "MSG r hex topic": the hex payload has no spaces, the topic may.
            var fields = line.Substring(MessagePrefix.Length).Split(' ', 3);
            _messages.Add(new ReceivedMessage(fields[2], Convert.FromHexString(fields[1]), fields[0] == "1"));
        }
        else if (line.EndsWith("received SUBACK", StringComparison.Ordinal))
        {
            _subscriptions++;
        }
    }
}
