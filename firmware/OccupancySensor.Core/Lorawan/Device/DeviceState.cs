namespace OccupancySensor.Lorawan.Device
{
    /// <summary>Where the Class A end device is in its cycle (<see cref="ClassADevice.State"/>).</summary>
    public enum DeviceState
    {
        /// <summary>Nothing to do: not started, or joined with no uplink pending.</summary>
        Idle = 0,

        /// <summary>Waiting for the join back-off or a free band to send a join request.</summary>
        JoinWaiting = 1,

        /// <summary>A join request went out; waiting for its RX1 (5 s) or RX2 (6 s) window.</summary>
        JoinReceiving = 2,

        /// <summary>An uplink is pending, waiting for a free band (duty cycle) or the retry time.</summary>
        UplinkWaiting = 3,

        /// <summary>An uplink went out; waiting for its RX1 or RX2 window.</summary>
        UplinkReceiving = 4,
    }
}
