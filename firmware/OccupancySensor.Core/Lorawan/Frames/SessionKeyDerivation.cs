using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// LoRaWAN 1.0.x session keys (1.0.4, 6.2.5): NwkSKey = aes128_encrypt(AppKey, 0x01 | AppNonce | NetID |
    /// DevNonce | pad16) and AppSKey the same with 0x02, every field little-endian. One 16-byte block, allocated once.
    /// </summary>
    public sealed class SessionKeyDerivation
    {
        private readonly byte[] _block = new byte[Aes128.BlockSize];

        /// <summary>Writes NwkSKey and AppSKey (16 bytes each) derived with the AppKey cipher.</summary>
        public void Derive(Aes128 applicationKey, int applicationNonce, int networkId, int deviceNonce, byte[] networkSessionKey, byte[] applicationSessionKey)
        {
            DeriveOne(applicationKey, 0x01, applicationNonce, networkId, deviceNonce, networkSessionKey);
            DeriveOne(applicationKey, 0x02, applicationNonce, networkId, deviceNonce, applicationSessionKey);
        }

        private void DeriveOne(Aes128 applicationKey, byte prefix, int applicationNonce, int networkId, int deviceNonce, byte[] key)
        {
            byte[] block = _block;
            System.Array.Clear(block, 0, Aes128.BlockSize);
            block[0] = prefix;
            LittleEndian.Put24(block, 1, applicationNonce);
            LittleEndian.Put24(block, 4, networkId);
            LittleEndian.Put16(block, 7, deviceNonce);
            applicationKey.EncryptBlock(block, 0, key, 0);
        }
    }
}
