namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// The keep-alive rule, kept apart from sockets so it can be checked with plain numbers. A client must send something
/// within each keep-alive period (section 3.1.2.10), so it pings when it has sent nothing for that long. It also pings
/// when it has heard nothing for that long: a client that only publishes at QoS 0 would otherwise never learn that
/// the broker is gone. Nothing heard for 1.5 periods means the link is dead: a pulled cable or a black-holed path
/// sends no FIN or RST, so without this a blocked read would wait forever.
/// </summary>
public static class MqttKeepAlive
{
    /// <summary>Decides at <paramref name="now"/> (milliseconds, any monotonic origin).</summary>
    /// <param name="lastSent">when the client last wrote a packet</param>
    /// <param name="lastReceived">when the client last read a whole packet</param>
    /// <param name="lastPing">when the client last sent PINGREQ</param>
    public static MqttKeepAliveAction Decide(long now, long keepAliveMilliseconds, long lastSent, long lastReceived, long lastPing)
    {
        if (keepAliveMilliseconds <= 0)
        {
            return MqttKeepAliveAction.None;
        }

        if (now - lastReceived >= keepAliveMilliseconds * 3 / 2)
        {
            return MqttKeepAliveAction.Dead;
        }

        var pingOutstanding = lastPing >= lastReceived;
        if (now - lastSent >= keepAliveMilliseconds || (now - lastReceived >= keepAliveMilliseconds && !pingOutstanding))
        {
            return MqttKeepAliveAction.Ping;
        }

        return MqttKeepAliveAction.None;
    }

    /// <summary>How often to check: a tenth of the period, between 50 ms and 1 s, so detection is late by at most that.</summary>
    public static int CheckIntervalMilliseconds(long keepAliveMilliseconds) => (int)Math.Clamp(keepAliveMilliseconds / 10, 50, 1000);
}
