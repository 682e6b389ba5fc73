namespace OccupancySensor.Lorawan.Crypto
{
    /// <summary>
    /// AES-128 block encryption (FIPS-197), the one primitive LoRaWAN builds on: nanoFramework has no AES. An end
    /// device needs only the encrypt direction: MICs are AES-CMAC, FRMPayload is encrypted and decrypted by XOR with
    /// an encrypted counter block, and the network server encrypts a join accept with AES *decrypt* precisely so that
    /// the device can undo it with encrypt (LoRaWAN 1.0.4, 6.2.3).
    /// The expanded key (176 bytes) and two 16-byte working blocks are allocated once, with the instance; encrypting a
    /// block allocates nothing. One instance holds one key: a session keeps one instance per key it uses, so keys are
    /// expanded once per join rather than once per frame. Not thread-safe (it works in its own buffers).
    /// </summary>
    public sealed class Aes128
    {
        /// <summary>Bytes in a block and in a key.</summary>
        public const int BlockSize = 16;

        /// <summary>Bytes in a key.</summary>
        public const int KeySize = 16;

        // AES-128: 10 rounds, each with its own 16-byte round key, plus the key added before the first round.
        private const int Rounds = 10;
        private const int ExpandedKeySize = (Rounds + 1) * BlockSize;

        // The S-box and multiplication by x in GF(2^8) (512 bytes in all), built once from their definitions
        // (FIPS-197 5.1.1 and 4.2.1) rather than typed in: a typo in a 256-entry literal is easy to make and hard to see.
        private static readonly byte[] SBox = BuildSBox();
        private static readonly byte[] TimesTwo = BuildTimesTwo();

        // ShiftRows as a gather: output byte i (row i % 4, column i / 4, FIPS-197 column-major state) comes from input
        // byte ShiftSource[i], i.e. row r is rotated left by r columns.
        private static readonly byte[] ShiftSource = new byte[] { 0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11 };

        private readonly byte[] _roundKeys = new byte[ExpandedKeySize];
        private readonly byte[] _state = new byte[BlockSize];
        private readonly byte[] _shifted = new byte[BlockSize];
        private bool _hasKey;

        /// <summary>Whether a key has been set.</summary>
        public bool HasKey
        {
            get { return _hasKey; }
        }

        /// <summary>Sets the 16-byte key found at <paramref name="offset"/> (expands it into round keys).</summary>
        public void SetKey(byte[] key, int offset)
        {
            if (key == null || offset < 0 || offset + KeySize > key.Length)
            {
                throw new System.ArgumentException("an AES-128 key is 16 bytes");
            }

            for (int i = 0; i < KeySize; i++)
            {
                _roundKeys[i] = key[offset + i];
            }

            // FIPS-197 5.2: each 4-byte word is the word before it XOR the word one key length back; every fourth word
            // is first rotated, substituted and XORed with the round constant (successive powers of x).
            byte roundConstant = 1;
            for (int word = 4; word < 4 * (Rounds + 1); word++)
            {
                int at = word * 4;
                byte t0 = _roundKeys[at - 4];
                byte t1 = _roundKeys[at - 3];
                byte t2 = _roundKeys[at - 2];
                byte t3 = _roundKeys[at - 1];
                if ((word & 3) == 0)
                {
                    byte first = t0;
                    t0 = (byte)(SBox[t1] ^ roundConstant);
                    t1 = SBox[t2];
                    t2 = SBox[t3];
                    t3 = SBox[first];
                    roundConstant = TimesTwo[roundConstant];
                }

                _roundKeys[at] = (byte)(_roundKeys[at - 16] ^ t0);
                _roundKeys[at + 1] = (byte)(_roundKeys[at - 15] ^ t1);
                _roundKeys[at + 2] = (byte)(_roundKeys[at - 14] ^ t2);
                _roundKeys[at + 3] = (byte)(_roundKeys[at - 13] ^ t3);
            }

            _hasKey = true;
        }

        /// <summary>
        /// Encrypts the 16 bytes at <paramref name="inputOffset"/> into <paramref name="output"/> at
        /// <paramref name="outputOffset"/>. Input and output may be the same bytes (the state is worked on in a copy).
        /// </summary>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (!_hasKey)
            {
                throw new System.InvalidOperationException("AES-128: no key set");
            }

            byte[] state = _state;
            byte[] shifted = _shifted;
            byte[] keys = _roundKeys;
            for (int i = 0; i < BlockSize; i++)
            {
                state[i] = (byte)(input[inputOffset + i] ^ keys[i]);
            }

            for (int round = 1; round <= Rounds; round++)
            {
                // SubBytes and ShiftRows in one pass.
                for (int i = 0; i < BlockSize; i++)
                {
                    shifted[i] = SBox[state[ShiftSource[i]]];
                }

                int keyAt = round * BlockSize;
                if (round == Rounds)
                {
                    // The last round has no MixColumns (FIPS-197 5.1).
                    for (int i = 0; i < BlockSize; i++)
                    {
                        state[i] = (byte)(shifted[i] ^ keys[keyAt + i]);
                    }

                    break;
                }

                // MixColumns (each column times {03}x^3 + {01}x^2 + {01}x + {02}) and AddRoundKey.
                for (int column = 0; column < BlockSize; column += 4)
                {
                    byte a0 = shifted[column];
                    byte a1 = shifted[column + 1];
                    byte a2 = shifted[column + 2];
                    byte a3 = shifted[column + 3];
                    byte all = (byte)(a0 ^ a1 ^ a2 ^ a3);
                    state[column] = (byte)(a0 ^ all ^ TimesTwo[a0 ^ a1] ^ keys[keyAt + column]);
                    state[column + 1] = (byte)(a1 ^ all ^ TimesTwo[a1 ^ a2] ^ keys[keyAt + column + 1]);
                    state[column + 2] = (byte)(a2 ^ all ^ TimesTwo[a2 ^ a3] ^ keys[keyAt + column + 2]);
                    state[column + 3] = (byte)(a3 ^ all ^ TimesTwo[a3 ^ a0] ^ keys[keyAt + column + 3]);
                }
            }

            for (int i = 0; i < BlockSize; i++)
            {
                output[outputOffset + i] = state[i];
            }
        }

        /// <summary>Clears the key material held by this instance.</summary>
        public void Clear()
        {
            System.Array.Clear(_roundKeys, 0, _roundKeys.Length);
            System.Array.Clear(_state, 0, BlockSize);
            System.Array.Clear(_shifted, 0, BlockSize);
            _hasKey = false;
        }

        private static byte[] BuildTimesTwo()
        {
            // Multiplication by x modulo the AES polynomial x^8 + x^4 + x^3 + x + 1 (0x11B).
            byte[] table = new byte[256];
            for (int value = 0; value < 256; value++)
            {
                int doubled = value << 1;
                table[value] = (byte)((doubled & 0x100) != 0 ? doubled ^ 0x11B : doubled);
            }

            return table;
        }

        private static byte[] BuildSBox()
        {
            // Powers of the generator {03} give every non-zero field element once: exp and log tables turn the
            // multiplicative inverse into exp[255 - log[a]].
            byte[] exp = new byte[256];
            byte[] log = new byte[256];
            int element = 1;
            for (int power = 0; power < 255; power++)
            {
                exp[power] = (byte)element;
                log[element] = (byte)power;
                int doubled = element << 1;
                if ((doubled & 0x100) != 0)
                {
                    doubled ^= 0x11B;
                }

                element = doubled ^ element;
            }

            byte[] box = new byte[256];
            for (int value = 0; value < 256; value++)
            {
                int inverse = value == 0 ? 0 : exp[(255 - log[value]) % 255];

                // The affine transform: b ^ rotl(b,1) ^ rotl(b,2) ^ rotl(b,3) ^ rotl(b,4) ^ {63}.
                int result = inverse ^ 0x63;
                for (int shift = 1; shift <= 4; shift++)
                {
                    result ^= ((inverse << shift) | (inverse >> (8 - shift))) & 0xFF;
                }

                box[value] = (byte)result;
            }

            return box;
        }
    }
}
