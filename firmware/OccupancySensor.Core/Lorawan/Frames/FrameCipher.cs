using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// FRMPayload encryption (LoRaWAN 1.0.4, 4.3.3): the payload is XORed with S = aes128_encrypt(K, A_1) |
    /// aes128_encrypt(K, A_2) | ..., each A_i = 0x01 | 0x00 x4 | Dir | DevAddr | FCnt (32 bits) | 0x00 | i, all
    /// little-endian. The same operation encrypts and decrypts. Two 16-byte blocks, allocated once.
    /// </summary>
    public sealed class FrameCipher
    {
        private readonly byte[] _counterBlock = new byte[Aes128.BlockSize];
        private readonly byte[] _keyStream = new byte[Aes128.BlockSize];

        /// <summary>
        /// Encrypts or decrypts <paramref name="count"/> bytes of <paramref name="data"/> in place with
        /// <paramref name="key"/> (AppSKey for FPort 1..223, NwkSKey for FPort 0).
        /// </summary>
        public void Apply(Aes128 key, bool downlink, uint deviceAddress, uint frameCounter, byte[] data, int offset, int count)
        {
            byte[] block = _counterBlock;
            block[0] = 0x01;
            block[1] = 0;
            block[2] = 0;
            block[3] = 0;
            block[4] = 0;
            block[5] = (byte)(downlink ? 1 : 0);
            LittleEndian.Put32(block, 6, deviceAddress);
            LittleEndian.Put32(block, 10, frameCounter);
            block[14] = 0;
            int blockIndex = 0;
            for (int done = 0; done < count; done += Aes128.BlockSize)
            {
                blockIndex++;
                block[15] = (byte)blockIndex;
                key.EncryptBlock(block, 0, _keyStream, 0);
                int chunk = count - done < Aes128.BlockSize ? count - done : Aes128.BlockSize;
                for (int i = 0; i < chunk; i++)
                {
                    data[offset + done + i] ^= _keyStream[i];
                }
            }
        }
    }
}
