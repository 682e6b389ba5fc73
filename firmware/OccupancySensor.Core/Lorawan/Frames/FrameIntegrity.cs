using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// The MIC of a data frame (LoRaWAN 1.0.4, 4.4): the first four bytes of aes128_cmac(NwkSKey, B0 | msg), where
    /// msg = MHDR | FHDR | FPort | FRMPayload and B0 = 0x49 | 0x00 x4 | Dir | DevAddr | FCnt (32 bits) | 0x00 |
    /// len(msg). B0 and the MAC are two 16-byte blocks allocated once; the message is fed to the CMAC where it lies.
    /// </summary>
    public sealed class FrameIntegrity
    {
        private readonly byte[] _firstBlock = new byte[Aes128.BlockSize];
        private readonly byte[] _mac = new byte[AesCmac.MacSize];

        /// <summary>
        /// Computes the MIC of the <paramref name="count"/>-byte message at <paramref name="offset"/> (everything
        /// before the MIC) and writes its four bytes at <paramref name="micOffset"/> of <paramref name="target"/>.
        /// </summary>
        public void Write(AesCmac networkKey, bool downlink, uint deviceAddress, uint frameCounter, byte[] message, int offset, int count, byte[] target, int micOffset)
        {
            Compute(networkKey, downlink, deviceAddress, frameCounter, message, offset, count);
            for (int i = 0; i < FrameFormat.MicSize; i++)
            {
                target[micOffset + i] = _mac[i];
            }
        }

        /// <summary>Whether the four bytes at <paramref name="micOffset"/> of <paramref name="frame"/> are the MIC of the message before them.</summary>
        public bool Check(AesCmac networkKey, bool downlink, uint deviceAddress, uint frameCounter, byte[] frame, int offset, int count, int micOffset)
        {
            Compute(networkKey, downlink, deviceAddress, frameCounter, frame, offset, count);

            // Every byte is compared (no early exit), so the time taken does not tell how much of a forged MIC was right.
            int difference = 0;
            for (int i = 0; i < FrameFormat.MicSize; i++)
            {
                difference |= _mac[i] ^ frame[micOffset + i];
            }

            return difference == 0;
        }

        private void Compute(AesCmac networkKey, bool downlink, uint deviceAddress, uint frameCounter, byte[] message, int offset, int count)
        {
            byte[] block = _firstBlock;
            block[0] = 0x49;
            block[1] = 0;
            block[2] = 0;
            block[3] = 0;
            block[4] = 0;
            block[5] = (byte)(downlink ? 1 : 0);
            LittleEndian.Put32(block, 6, deviceAddress);
            LittleEndian.Put32(block, 10, frameCounter);
            block[14] = 0;
            block[15] = (byte)count;
            networkKey.Begin();
            networkKey.Update(block, 0, Aes128.BlockSize);
            networkKey.Update(message, offset, count);
            networkKey.Finish(_mac, 0);
        }
    }
}
