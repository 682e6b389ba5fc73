namespace OccupancySensor.Lorawan.Device
{
    /// <summary>What the end device tells the application. Called from <see cref="ClassADevice.Step"/>.</summary>
    public interface ILorawanListener
    {
        /// <summary>An OTAA join succeeded (or an ABP session started) with this device address.</summary>
        void Joined(uint deviceAddress);

        /// <summary>
        /// The pending uplink is finished: sent with <paramref name="frameCounter"/>; for a confirmed uplink,
        /// whether the network acknowledged it in one of the attempts; <paramref name="sent"/> false when it could
        /// not be sent at all (too large for the data rate, flash or radio failure).
        /// </summary>
        void UplinkDone(uint frameCounter, bool sent, bool confirmed, bool acknowledged);

        /// <summary>An application downlink (FPort 1..223), decrypted; the buffer is reused after the call.</summary>
        void DownlinkReceived(int port, byte[] payload, int length);
    }
}
