namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// Hands out packet ids 1..65535 in turn (0 is not a valid id, section 2.3.1), skipping ids still awaiting an
/// acknowledgement so a late PUBACK can never be taken for a newer message. Callers hold their own lock.
/// </summary>
public sealed class MqttPacketIds
{
    private int _last;

    /// <summary>The next id for which <paramref name="inUse"/> is false, or 0 when all 65535 are in use.</summary>
    public int Next(Func<int, bool> inUse)
    {
        for (var tried = 0; tried < ushort.MaxValue; tried++)
        {
            _last = _last == ushort.MaxValue ? 1 : _last + 1;
            if (!inUse(_last))
            {
                return _last;
            }
        }

        return 0;
    }
}
