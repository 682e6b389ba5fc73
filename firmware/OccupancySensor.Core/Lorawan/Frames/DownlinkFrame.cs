namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// A parsed downlink, filled in place by <see cref="DownlinkFrameParser"/>: one instance, allocated at start, with
    /// buffers for the largest FOpts (15 bytes) and FRMPayload (<see cref="FrameFormat.MaxFramePayload"/>).
    /// </summary>
    public sealed class DownlinkFrame
    {
        private readonly byte[] _options = new byte[FrameFormat.MaxOptionsSize];
        private readonly byte[] _payload = new byte[FrameFormat.MaxFramePayload];

        /// <summary>Confirmed data down: the device must set ACK in its next uplink.</summary>
        public bool Confirmed;

        /// <summary>The network acknowledges the device's last confirmed uplink.</summary>
        public bool Acknowledged;

        /// <summary>The network has more to send (the device should uplink soon to open a receive window).</summary>
        public bool FramePending;

        /// <summary>The network's ADR bit.</summary>
        public bool Adr;

        /// <summary>The full 32-bit FCntDown.</summary>
        public uint FrameCounter;

        /// <summary>Bytes of MAC commands in <see cref="Options"/>.</summary>
        public int OptionsLength;

        /// <summary>Whether the frame has an FPort (and so a payload field).</summary>
        public bool HasPort;

        /// <summary>FPort (0: the payload holds MAC commands).</summary>
        public int Port;

        /// <summary>Bytes of decrypted payload in <see cref="Payload"/>.</summary>
        public int PayloadLength;

        /// <summary>FOpts: MAC commands piggy-backed on the header (clear text in 1.0.x).</summary>
        public byte[] Options
        {
            get { return _options; }
        }

        /// <summary>The decrypted FRMPayload.</summary>
        public byte[] Payload
        {
            get { return _payload; }
        }

        internal void Reset()
        {
            Confirmed = false;
            Acknowledged = false;
            FramePending = false;
            Adr = false;
            FrameCounter = 0;
            OptionsLength = 0;
            HasPort = false;
            Port = 0;
            PayloadLength = 0;
        }
    }
}
