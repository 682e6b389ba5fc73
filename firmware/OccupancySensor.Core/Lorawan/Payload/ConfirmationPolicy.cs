using OccupancySensor.Readings;

namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// Which readings go as confirmed uplinks. Only alerts: someone acts on them, so the unit must know they arrived
    /// and retries until the network acknowledges. Everything else is unconfirmed: a confirmed uplink costs a downlink
    /// (gateways stop receiving while they transmit, and the network's downlink budget is small), and counts and
    /// presence states are repeated by the next report anyway.
    /// </summary>
    public static class ConfirmationPolicy
    {
        /// <summary>Whether a reading of <paramref name="kind"/> is sent confirmed.</summary>
        public static bool IsConfirmed(ReadingKind kind)
        {
            return kind == ReadingKind.Alert;
        }
    }
}
