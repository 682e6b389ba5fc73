namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// Sizes and bit positions of the LoRaWAN 1.0.x frame format (LoRaWAN 1.0.4, chapter 4), in one place so the
    /// buffers sized from them say why they are that big.
    /// </summary>
    public static class FrameFormat
    {
        /// <summary>
        /// The largest PHY payload: a LoRa packet's length field is one byte (the SX127x FIFO and the SX126x buffer
        /// are 256 bytes); the largest LoRaWAN frame (EU868 DR7, M = 250) is 1 + 250 + 4 = 255 bytes.
        /// </summary>
        public const int MaxPhyPayload = 255;

        /// <summary>MHDR: one byte.</summary>
        public const int HeaderSize = 1;

        /// <summary>The MIC: the first four bytes of an AES-CMAC.</summary>
        public const int MicSize = 4;

        /// <summary>FHDR without options: DevAddr (4), FCtrl (1), FCnt (2).</summary>
        public const int FrameHeaderSize = 7;

        /// <summary>FOptsLen is four bits.</summary>
        public const int MaxOptionsSize = 15;

        /// <summary>A data frame with no options, no port and no payload: MHDR + FHDR + MIC.</summary>
        public const int MinDataFrameSize = HeaderSize + FrameHeaderSize + MicSize;

        /// <summary>The largest FRMPayload that fits in <see cref="MaxPhyPayload"/> with an FPort and no FOpts.</summary>
        public const int MaxFramePayload = MaxPhyPayload - MinDataFrameSize - 1;

        /// <summary>Join request: MHDR, AppEUI (8), DevEUI (8), DevNonce (2), MIC.</summary>
        public const int JoinRequestSize = 23;

        /// <summary>Join accept without a channel list: MHDR, AppNonce (3), NetID (3), DevAddr (4), DLSettings, RxDelay, MIC.</summary>
        public const int JoinAcceptSize = 17;

        /// <summary>Join accept with the 16-byte CFList.</summary>
        public const int JoinAcceptWithChannelsSize = 33;

        /// <summary>The CFList of a join accept.</summary>
        public const int ChannelListSize = 16;

        /// <summary>LoRaWAN R1: the only major version (the low two bits of MHDR).</summary>
        public const int MajorLorawanR1 = 0;

        /// <summary>FCtrl: adaptive data rate on.</summary>
        public const byte ControlAdr = 0x80;

        /// <summary>FCtrl uplink: the device asks the network to answer so it knows its data rate still works.</summary>
        public const byte ControlAdrAckRequest = 0x40;

        /// <summary>FCtrl: acknowledges the last confirmed frame of the other direction.</summary>
        public const byte ControlAck = 0x20;

        /// <summary>FCtrl downlink: the network has more to send.</summary>
        public const byte ControlFramePending = 0x10;

        /// <summary>FCtrl: the length of FOpts.</summary>
        public const byte ControlOptionsLengthMask = 0x0F;

        /// <summary>The MHDR byte of a message type.</summary>
        public static byte Header(MessageType type)
        {
            return (byte)(((int)type << 5) | MajorLorawanR1);
        }
    }
}
