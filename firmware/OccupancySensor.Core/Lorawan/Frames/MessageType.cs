namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>The MType field, the top three bits of MHDR (LoRaWAN 1.0.4, 4.2.1). The values are the wire values.</summary>
    public enum MessageType : byte
    {
        /// <summary>Join request (device to network).</summary>
        JoinRequest = 0,

        /// <summary>Join accept (network to device).</summary>
        JoinAccept = 1,

        /// <summary>Data frame up, no acknowledgement asked.</summary>
        UnconfirmedDataUp = 2,

        /// <summary>Data frame down, no acknowledgement asked.</summary>
        UnconfirmedDataDown = 3,

        /// <summary>Data frame up that the network must acknowledge.</summary>
        ConfirmedDataUp = 4,

        /// <summary>Data frame down that the device must acknowledge.</summary>
        ConfirmedDataDown = 5,

        /// <summary>Rejoin request (LoRaWAN 1.1; never sent by a 1.0.x device).</summary>
        RejoinRequest = 6,

        /// <summary>Proprietary frame.</summary>
        Proprietary = 7,
    }
}
