namespace OccupancySensor.Lorawan.Crypto
{
    /// <summary>
    /// AES-CMAC (RFC 4493) over AES-128: every LoRaWAN MIC is its first four bytes. Incremental
    /// (<see cref="Begin"/>, <see cref="Update"/>, <see cref="Finish"/>) so a MIC over "B0 block | frame" needs no
    /// concatenated copy. All buffers (three blocks besides the cipher's) are allocated with the instance; a MAC
    /// allocates nothing. One instance holds one key (the subkeys K1/K2 are derived once in <see cref="SetKey"/>).
    /// </summary>
    public sealed class AesCmac
    {
        /// <summary>Bytes in a full MAC.</summary>
        public const int MacSize = 16;

        // Rb of RFC 4493 2.3: the constant XORed in when doubling a block shifts out a one bit.
        private const byte Rb = 0x87;

        private readonly Aes128 _cipher = new Aes128();
        private readonly byte[] _subkey1 = new byte[Aes128.BlockSize];
        private readonly byte[] _subkey2 = new byte[Aes128.BlockSize];

        // The CBC chaining value so far.
        private readonly byte[] _chain = new byte[Aes128.BlockSize];

        // The last bytes received. A full block is held back until more data arrives, because the final block is
        // treated differently (XOR K1 when complete, padding and K2 when not) and Update cannot know which is last.
        private readonly byte[] _pending = new byte[Aes128.BlockSize];
        private int _pendingCount;

        /// <summary>Sets the 16-byte key at <paramref name="offset"/> and derives the subkeys (RFC 4493 2.3).</summary>
        public void SetKey(byte[] key, int offset)
        {
            _cipher.SetKey(key, offset);
            System.Array.Clear(_chain, 0, Aes128.BlockSize);
            _cipher.EncryptBlock(_chain, 0, _chain, 0);
            Double(_chain, _subkey1);
            Double(_subkey1, _subkey2);
            Begin();
        }

        /// <summary>Starts a new MAC with the current key.</summary>
        public void Begin()
        {
            System.Array.Clear(_chain, 0, Aes128.BlockSize);
            _pendingCount = 0;
        }

        /// <summary>Adds <paramref name="count"/> bytes of the message.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (_pendingCount == Aes128.BlockSize)
                {
                    for (int k = 0; k < Aes128.BlockSize; k++)
                    {
                        _chain[k] ^= _pending[k];
                    }

                    _cipher.EncryptBlock(_chain, 0, _chain, 0);
                    _pendingCount = 0;
                }

                _pending[_pendingCount++] = data[offset + i];
            }
        }

        /// <summary>Writes the 16-byte MAC of everything added since <see cref="Begin"/> at <paramref name="macOffset"/>.</summary>
        public void Finish(byte[] mac, int macOffset)
        {
            if (_pendingCount == Aes128.BlockSize)
            {
                for (int k = 0; k < Aes128.BlockSize; k++)
                {
                    _chain[k] ^= (byte)(_pending[k] ^ _subkey1[k]);
                }
            }
            else
            {
                // An incomplete (or empty) last block: pad with 10...0 and use K2.
                _pending[_pendingCount] = 0x80;
                for (int k = _pendingCount + 1; k < Aes128.BlockSize; k++)
                {
                    _pending[k] = 0;
                }

                for (int k = 0; k < Aes128.BlockSize; k++)
                {
                    _chain[k] ^= (byte)(_pending[k] ^ _subkey2[k]);
                }
            }

            _cipher.EncryptBlock(_chain, 0, mac, macOffset);
            Begin();
        }

        /// <summary>The MAC of one message in one call.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            Begin();
            Update(data, offset, count);
            Finish(mac, macOffset);
        }

        // Multiplication by x in GF(2^128): shift the block left one bit, XOR Rb into the last byte when a bit fell out.
        private static void Double(byte[] source, byte[] target)
        {
            int carry = 0;
            for (int i = Aes128.BlockSize - 1; i >= 0; i--)
            {
                int value = source[i];
                target[i] = (byte)((value << 1) | carry);
                carry = value >> 7;
            }

            if (carry != 0)
            {
                target[Aes128.BlockSize - 1] ^= Rb;
            }
        }
    }
}
