using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// Builds the OTAA join request (LoRaWAN 1.0.4, 6.2.4): MHDR | AppEUI | DevEUI | DevNonce | MIC, the EUIs and the
    /// nonce little-endian on the air, MIC = aes128_cmac(AppKey, MHDR | AppEUI | DevEUI | DevNonce)[0..3].
    /// EUIs are given as printed on a label or in a network server's console (most significant byte first) and
    /// reversed here. The 23-byte frame buffer is allocated with the builder.
    /// </summary>
    public sealed class JoinRequestBuilder
    {
        /// <summary>Bytes in an EUI-64.</summary>
        public const int EuiSize = 8;

        private readonly byte[] _frame = new byte[FrameFormat.JoinRequestSize];
        private readonly byte[] _mac = new byte[AesCmac.MacSize];

        /// <summary>The last join request built (always <see cref="FrameFormat.JoinRequestSize"/> bytes).</summary>
        public byte[] Frame
        {
            get { return _frame; }
        }

        /// <summary>Builds a join request and returns its length.</summary>
        /// <param name="applicationEui">AppEUI (JoinEUI), 8 bytes, most significant first.</param>
        /// <param name="deviceEui">DevEUI, 8 bytes, most significant first.</param>
        /// <param name="deviceNonce">DevNonce: 1.0.4 makes it a counter kept across reboots (a network server refuses a repeated one).</param>
        /// <param name="applicationKeyMac">AES-CMAC keyed with AppKey.</param>
        public int Build(byte[] applicationEui, byte[] deviceEui, int deviceNonce, AesCmac applicationKeyMac)
        {
            if (applicationEui == null || applicationEui.Length != EuiSize || deviceEui == null || deviceEui.Length != EuiSize)
            {
                throw new System.ArgumentException("an EUI is 8 bytes");
            }

            if (deviceNonce < 0 || deviceNonce > 0xFFFF)
            {
                throw new System.ArgumentOutOfRangeException("deviceNonce", "DevNonce is 16 bits");
            }

            byte[] frame = _frame;
            frame[0] = FrameFormat.Header(MessageType.JoinRequest);
            for (int i = 0; i < EuiSize; i++)
            {
                frame[1 + i] = applicationEui[EuiSize - 1 - i];
                frame[9 + i] = deviceEui[EuiSize - 1 - i];
            }

            LittleEndian.Put16(frame, 17, deviceNonce);
            applicationKeyMac.Compute(frame, 0, 19, _mac, 0);
            for (int i = 0; i < FrameFormat.MicSize; i++)
            {
                frame[19 + i] = _mac[i];
            }

            return FrameFormat.JoinRequestSize;
        }
    }
}
