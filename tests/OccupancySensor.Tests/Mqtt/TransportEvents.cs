using System.Diagnostics;
using OccupancySensor.Hardware;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>Records what a transport raises (on its reader thread) and lets a test wait for it.</summary>
internal sealed class TransportEvents
{
    private readonly object _gate = new();
    private readonly List<(int Id, bool Delivered)> _deliveries = new();
    private readonly List<(string Topic, byte[] Payload)> _messages = new();

    public TransportEvents(IUplinkTransport transport)
    {
        transport.Delivered += (id, delivered) => Add(() => _deliveries.Add((id, delivered)));
        transport.MessageReceived += (topic, payload) => Add(() => _messages.Add((topic, payload)));
    }

    public IReadOnlyList<(int Id, bool Delivered)> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.ToArray();
            }
        }
    }

    public IReadOnlyList<(string Topic, byte[] Payload)> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>Waits for a report about <paramref name="id"/>; returns it, or null when none came within <paramref name="limit"/>.</summary>
    public bool? WaitForDelivery(int id, TimeSpan limit)
    {
        bool? outcome = null;
        WaitUntil(
            () =>
            {
                foreach (var delivery in _deliveries)
                {
                    if (delivery.Id == id)
                    {
                        outcome = delivery.Delivered;
                        return true;
                    }
                }

                return false;
            },
            limit);
        return outcome;
    }

    public IReadOnlyList<(string Topic, byte[] Payload)> WaitForMessages(int count, TimeSpan limit)
    {
        WaitUntil(() => _messages.Count >= count, limit);
        return Messages;
    }

    /// <summary>Polls <paramref name="condition"/> (something outside this recorder, like IsConnected) every 10 ms.</summary>
    public static bool Eventually(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    private void Add(Action add)
    {
        lock (_gate)
        {
            add();
            Monitor.PulseAll(_gate);
        }
    }

    private void WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        lock (_gate)
        {
            while (!condition())
            {
                var left = limit - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return;
                }

                Monitor.Wait(_gate, left);
            }
        }
    }
}
