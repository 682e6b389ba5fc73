namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// The fields of an accepted join (LoRaWAN 1.0.4, 6.2.5), filled in place by <see cref="JoinAcceptReader"/>,
    /// and the session keys derived from them. Allocated once, with 16-byte buffers for the CFList and each key.
    /// </summary>
    public sealed class JoinAccept
    {
        private readonly byte[] _channelList = new byte[FrameFormat.ChannelListSize];
        private readonly byte[] _networkSessionKey = new byte[16];
        private readonly byte[] _applicationSessionKey = new byte[16];

        /// <summary>AppNonce (JoinNonce), 24 bits.</summary>
        public int ApplicationNonce;

        /// <summary>NetID, 24 bits.</summary>
        public int NetworkId;

        /// <summary>The device address the network assigned.</summary>
        public uint DeviceAddress;

        /// <summary>DLSettings bits 6..4: RX1 data rate = uplink data rate minus this (region table).</summary>
        public int Rx1DataRateOffset;

        /// <summary>DLSettings bits 3..0: the RX2 data rate.</summary>
        public int Rx2DataRate;

        /// <summary>RX1 opens this many seconds after the end of an uplink (RxDelay 0 means 1).</summary>
        public int ReceiveDelaySeconds;

        /// <summary>Whether the frame carried a CFList.</summary>
        public bool HasChannelList;

        /// <summary>The CFList (region-specific: extra channels in EU868, a channel mask in US915).</summary>
        public byte[] ChannelList
        {
            get { return _channelList; }
        }

        /// <summary>NwkSKey derived from this join and the DevNonce of its request.</summary>
        public byte[] NetworkSessionKey
        {
            get { return _networkSessionKey; }
        }

        /// <summary>AppSKey derived from this join and the DevNonce of its request.</summary>
        public byte[] ApplicationSessionKey
        {
            get { return _applicationSessionKey; }
        }
    }
}
