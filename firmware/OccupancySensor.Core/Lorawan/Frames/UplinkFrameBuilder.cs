using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// Builds uplink data frames (LoRaWAN 1.0.4, 4.1-4.4): MHDR | DevAddr | FCtrl | FCnt (low 16 bits) | FOpts |
    /// FPort | FRMPayload (encrypted) | MIC. The frame is written into <see cref="Frame"/>, one buffer of
    /// <see cref="FrameFormat.MaxPhyPayload"/> bytes allocated with the builder and reused for every uplink (the
    /// radio copies it into its FIFO before the next one is built); building allocates nothing.
    /// </summary>
    public sealed class UplinkFrameBuilder
    {
        /// <summary>No FPort: a frame with only MAC commands in FOpts (or nothing).</summary>
        public const int NoPort = -1;

        private readonly byte[] _frame = new byte[FrameFormat.MaxPhyPayload];
        private readonly FrameCipher _cipher = new FrameCipher();
        private readonly FrameIntegrity _integrity = new FrameIntegrity();

        /// <summary>The last frame built (its length is what <see cref="Build"/> returned).</summary>
        public byte[] Frame
        {
            get { return _frame; }
        }

        /// <summary>
        /// Builds a frame with the session's current <see cref="LorawanSession.UplinkCounter"/> (the caller advances
        /// and persists it) and returns its length.
        /// </summary>
        /// <param name="session">An active session.</param>
        /// <param name="confirmed">Confirmed data up: the network acknowledges it in RX1 or RX2.</param>
        /// <param name="controlFlags">FCtrl bits (<see cref="FrameFormat.ControlAdr"/>, ADRACKReq, ACK); the length bits are set here.</param>
        /// <param name="options">MAC commands for FOpts, sent in clear (1.0.x), or null.</param>
        /// <param name="optionsLength">Bytes of <paramref name="options"/>, at most 15.</param>
        /// <param name="port">FPort 0..223 (0: the payload is MAC commands, encrypted with NwkSKey), or <see cref="NoPort"/> with no payload.</param>
        /// <param name="payload">The application payload in clear, or null.</param>
        /// <param name="payloadOffset">Where it starts.</param>
        /// <param name="payloadLength">Its length.</param>
        public int Build(LorawanSession session, bool confirmed, byte controlFlags, byte[] options, int optionsLength, int port, byte[] payload, int payloadOffset, int payloadLength)
        {
            if (session == null || !session.IsActive)
            {
                throw new System.InvalidOperationException("LoRaWAN: no active session");
            }

            if (optionsLength < 0 || optionsLength > FrameFormat.MaxOptionsSize)
            {
                throw new System.ArgumentOutOfRangeException("optionsLength", "FOpts holds at most 15 bytes");
            }

            if (port == NoPort ? payloadLength != 0 : (port < 0 || port > 223))
            {
                throw new System.ArgumentOutOfRangeException("port", "FPort is 0..223, and a payload needs one");
            }

            if (port == 0 && optionsLength > 0)
            {
                throw new System.ArgumentException("MAC commands go either in FOpts or on port 0, not both");
            }

            int headerLength = FrameFormat.HeaderSize + FrameFormat.FrameHeaderSize + optionsLength + (port == NoPort ? 0 : 1);
            if (payloadLength < 0 || headerLength + payloadLength + FrameFormat.MicSize > FrameFormat.MaxPhyPayload)
            {
                throw new System.ArgumentOutOfRangeException("payloadLength", "the frame would exceed 255 bytes");
            }

            byte[] frame = _frame;
            uint counter = session.UplinkCounter;
            uint address = session.DeviceAddress;
            frame[0] = FrameFormat.Header(confirmed ? MessageType.ConfirmedDataUp : MessageType.UnconfirmedDataUp);
            LittleEndian.Put32(frame, 1, address);
            frame[5] = (byte)((controlFlags & ~FrameFormat.ControlOptionsLengthMask & ~FrameFormat.ControlFramePending) | optionsLength);
            LittleEndian.Put16(frame, 6, (int)counter);
            int at = 8;
            for (int i = 0; i < optionsLength; i++)
            {
                frame[at++] = options[i];
            }

            if (port != NoPort)
            {
                frame[at++] = (byte)port;
                for (int i = 0; i < payloadLength; i++)
                {
                    frame[at + i] = payload[payloadOffset + i];
                }

                _cipher.Apply(port == 0 ? session.NetworkCipher : session.ApplicationCipher, false, address, counter, frame, at, payloadLength);
                at += payloadLength;
            }

            _integrity.Write(session.NetworkMac, false, address, counter, frame, 0, at, frame, at);
            return at + FrameFormat.MicSize;
        }
    }
}
