using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// Opens a join accept (LoRaWAN 1.0.4, 6.2.5): everything after MHDR was encrypted by the network with AES
    /// *decrypt*, so the device undoes it with AES encrypt, block by block; then the MIC = aes128_cmac(AppKey, MHDR |
    /// AppNonce | NetID | DevAddr | DLSettings | RxDelay | CFList) is checked and the session keys derived from the
    /// request's DevNonce. The decrypted copy lives in a 33-byte buffer allocated once; the received bytes are not changed.
    /// </summary>
    public sealed class JoinAcceptReader
    {
        // DLSettings bit 7: OptNeg, set by a LoRaWAN 1.1 join server.
        private const int OptNegBit = 0x80;

        private readonly byte[] _plain = new byte[FrameFormat.JoinAcceptWithChannelsSize];
        private readonly byte[] _mac = new byte[AesCmac.MacSize];
        private readonly SessionKeyDerivation _keys = new SessionKeyDerivation();

        /// <summary>
        /// Decrypts and checks the <paramref name="length"/>-byte frame in <paramref name="received"/>; on success fills
        /// <paramref name="result"/> including the session keys for <paramref name="deviceNonce"/>.
        /// </summary>
        public JoinAcceptResult Read(byte[] received, int length, int deviceNonce, Aes128 applicationKey, AesCmac applicationKeyMac, JoinAccept result)
        {
            if (received == null || length > received.Length || (length != FrameFormat.JoinAcceptSize && length != FrameFormat.JoinAcceptWithChannelsSize))
            {
                return JoinAcceptResult.WrongLength;
            }

            if (received[0] != FrameFormat.Header(MessageType.JoinAccept))
            {
                return JoinAcceptResult.NotJoinAccept;
            }

            byte[] plain = _plain;
            plain[0] = received[0];
            for (int at = 1; at < length; at += Aes128.BlockSize)
            {
                applicationKey.EncryptBlock(received, at, plain, at);
            }

            int micAt = length - FrameFormat.MicSize;
            applicationKeyMac.Compute(plain, 0, micAt, _mac, 0);
            int difference = 0;
            for (int i = 0; i < FrameFormat.MicSize; i++)
            {
                difference |= _mac[i] ^ plain[micAt + i];
            }

            if (difference != 0)
            {
                return JoinAcceptResult.BadMic;
            }

            int settings = plain[11];
            if ((settings & OptNegBit) != 0)
            {
                return JoinAcceptResult.UnsupportedVersion;
            }

            result.ApplicationNonce = LittleEndian.Get24(plain, 1);
            result.NetworkId = LittleEndian.Get24(plain, 4);
            result.DeviceAddress = LittleEndian.Get32(plain, 7);
            result.Rx1DataRateOffset = (settings >> 4) & 0x07;
            result.Rx2DataRate = settings & 0x0F;
            int delay = plain[12] & 0x0F;
            result.ReceiveDelaySeconds = delay == 0 ? 1 : delay;
            result.HasChannelList = length == FrameFormat.JoinAcceptWithChannelsSize;
            for (int i = 0; i < FrameFormat.ChannelListSize; i++)
            {
                result.ChannelList[i] = result.HasChannelList ? plain[13 + i] : (byte)0;
            }

            _keys.Derive(applicationKey, result.ApplicationNonce, result.NetworkId, deviceNonce, result.NetworkSessionKey, result.ApplicationSessionKey);
            System.Array.Clear(plain, 0, plain.Length);
            return JoinAcceptResult.Accepted;
        }
    }
}
