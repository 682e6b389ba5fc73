using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// Checks and opens downlink data frames (LoRaWAN 1.0.4, 4.3-4.4): address, MIC over the rebuilt 32-bit FCntDown,
    /// replay, then FOpts and the decrypted FRMPayload into a preallocated <see cref="DownlinkFrame"/>. Nothing about
    /// the frame is trusted before the MIC matches, and the session's counter moves only for an accepted frame.
    /// The received bytes are read, never changed. Allocates nothing.
    /// </summary>
    public sealed class DownlinkFrameParser
    {
        private readonly FrameCipher _cipher = new FrameCipher();
        private readonly FrameIntegrity _integrity = new FrameIntegrity();

        /// <summary>Parses the <paramref name="length"/>-byte PHY payload in <paramref name="received"/> into <paramref name="result"/>.</summary>
        public DownlinkResult Parse(LorawanSession session, byte[] received, int length, DownlinkFrame result)
        {
            result.Reset();
            if (session == null || !session.IsActive)
            {
                return DownlinkResult.NoSession;
            }

            if (received == null || length < FrameFormat.MinDataFrameSize || length > received.Length || length > FrameFormat.MaxPhyPayload)
            {
                return DownlinkResult.Malformed;
            }

            byte header = received[0];
            int type = header >> 5;
            if (type != (int)MessageType.UnconfirmedDataDown && type != (int)MessageType.ConfirmedDataDown)
            {
                return DownlinkResult.NotDataDown;
            }

            if ((header & 0x03) != FrameFormat.MajorLorawanR1)
            {
                return DownlinkResult.UnsupportedVersion;
            }

            uint address = LittleEndian.Get32(received, 1);
            if (address != session.DeviceAddress)
            {
                return DownlinkResult.OtherDevice;
            }

            byte control = received[5];
            int optionsLength = control & FrameFormat.ControlOptionsLengthMask;
            int micAt = length - FrameFormat.MicSize;
            int afterOptions = FrameFormat.HeaderSize + FrameFormat.FrameHeaderSize + optionsLength;
            if (afterOptions > micAt)
            {
                return DownlinkResult.Malformed;
            }

            uint counter = session.ExpandDownlinkCounter(LittleEndian.Get16(received, 6) & 0xFFFF);
            if (!_integrity.Check(session.NetworkMac, true, address, counter, received, 0, micAt, micAt))
            {
                return DownlinkResult.BadMic;
            }

            if (!session.IsNewDownlink(counter))
            {
                return DownlinkResult.Replayed;
            }

            bool hasPort = afterOptions < micAt;
            int port = hasPort ? received[afterOptions] : 0;
            if (hasPort && port == 0 && optionsLength > 0)
            {
                return DownlinkResult.OptionsWithPortZero;
            }

            result.Confirmed = type == (int)MessageType.ConfirmedDataDown;
            result.Adr = (control & FrameFormat.ControlAdr) != 0;
            result.Acknowledged = (control & FrameFormat.ControlAck) != 0;
            result.FramePending = (control & FrameFormat.ControlFramePending) != 0;
            result.FrameCounter = counter;
            result.OptionsLength = optionsLength;
            for (int i = 0; i < optionsLength; i++)
            {
                result.Options[i] = received[FrameFormat.HeaderSize + FrameFormat.FrameHeaderSize + i];
            }

            result.HasPort = hasPort;
            result.Port = port;
            if (hasPort)
            {
                int payloadAt = afterOptions + 1;
                int payloadLength = micAt - payloadAt;
                for (int i = 0; i < payloadLength; i++)
                {
                    result.Payload[i] = received[payloadAt + i];
                }

                _cipher.Apply(port == 0 ? session.NetworkCipher : session.ApplicationCipher, true, address, counter, result.Payload, 0, payloadLength);
                result.PayloadLength = payloadLength;
            }

            session.AcceptDownlink(counter);
            return DownlinkResult.Accepted;
        }
    }
}
