using System.Security.Cryptography;
using OccupancySensor.Lorawan.Crypto;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// The firmware's own AES-128 and AES-CMAC (nanoFramework has no AES): published vectors (FIPS-197, RFC 4493),
/// .NET's AES on random keys and blocks, and an independent CMAC written here from RFC 4493 on top of .NET's AES.
/// </summary>
public class CryptoTests
{
    [Theory]
    // FIPS-197 Appendix B (the cipher example) and Appendix C.1 (AES-128 example vector).
    [InlineData("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32")]
    [InlineData("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a")]
    public void Aes128_matches_the_FIPS_197_vectors(string key, string plaintext, string ciphertext)
    {
        var aes = new Aes128();
        aes.SetKey(Hex.Bytes(key), 0);
        var block = Hex.Bytes(plaintext);
        var output = new byte[16];
        aes.EncryptBlock(block, 0, output, 0);
        Assert.Equal(ciphertext, Hex.Of(output));

        // In place gives the same.
        aes.EncryptBlock(block, 0, block, 0);
        Assert.Equal(ciphertext, Hex.Of(block));
    }

    [Fact]
    public void Aes128_matches_dotnet_AES_ECB_on_random_keys_and_blocks()
    {
        var random = new Random(4493);
        var ours = new Aes128();
        using var reference = Aes.Create();
        var key = new byte[16];
        var blocks = new byte[16 * 8];
        var output = new byte[16 * 8 + 3];
        for (var trial = 0; trial < 300; trial++)
        {
            random.NextBytes(key);
            random.NextBytes(blocks);
            ours.SetKey(key, 0);
            reference.Key = key;
            var expected = reference.EncryptEcb(blocks, PaddingMode.None);
            for (var b = 0; b < 8; b++)
            {
                // Odd output offsets: the cipher must honour them.
                ours.EncryptBlock(blocks, b * 16, output, 3 + b * 16);
            }

            Assert.Equal(Hex.Of(expected), Hex.Of(output, 3, 16 * 8));
        }
    }

    [Fact]
    public void Aes128_refuses_a_short_key_and_encrypting_before_a_key()
    {
        var aes = new Aes128();
        Assert.Throws<InvalidOperationException>(() => aes.EncryptBlock(new byte[16], 0, new byte[16], 0));
        Assert.Throws<ArgumentException>(() => aes.SetKey(new byte[15], 0));
        Assert.Throws<ArgumentException>(() => aes.SetKey(new byte[16], 1));
    }

    private const string Rfc4493Key = "2b7e151628aed2a6abf7158809cf4f3c";
    private const string Rfc4493Message =
        "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

    [Theory]
    // RFC 4493 section 4, examples 1-4 (messages are prefixes of the same 64 bytes).
    [InlineData(0, "bb1d6929e95937287fa37d129b756746")]
    [InlineData(16, "070a16b46b4d4144f79bdd9dd04a287c")]
    [InlineData(40, "dfa66747de9ae63030ca32611497c827")]
    [InlineData(64, "51f0bebf7e3b9d92fc49741779363cfe")]
    public void AesCmac_matches_every_RFC_4493_example(int length, string mac)
    {
        var cmac = new AesCmac();
        cmac.SetKey(Hex.Bytes(Rfc4493Key), 0);
        var message = Hex.Bytes(Rfc4493Message)[..length];
        var output = new byte[16];
        cmac.Compute(message, 0, message.Length, output, 0);
        Assert.Equal(mac, Hex.Of(output));

        // The same message fed in pieces of every size gives the same MAC.
        for (var piece = 1; piece <= 17; piece++)
        {
            cmac.Begin();
            for (var at = 0; at < message.Length; at += piece)
            {
                cmac.Update(message, at, Math.Min(piece, message.Length - at));
            }

            Array.Clear(output);
            cmac.Finish(output, 0);
            Assert.Equal(mac, Hex.Of(output));
        }
    }

    [Fact]
    public void AesCmac_matches_an_independent_RFC_4493_implementation_on_random_messages()
    {
        var random = new Random(17);
        var cmac = new AesCmac();
        var key = new byte[16];
        var output = new byte[16];
        for (var trial = 0; trial < 400; trial++)
        {
            random.NextBytes(key);
            var message = new byte[random.Next(0, 100)];
            random.NextBytes(message);
            cmac.SetKey(key, 0);
            cmac.Compute(message, 0, message.Length, output, 0);
            Assert.Equal(Hex.Of(ReferenceCmac(key, message)), Hex.Of(output));
        }
    }

    [Fact]
    public void Encrypting_and_MACing_allocate_nothing()
    {
        var aes = new Aes128();
        var cmac = new AesCmac();
        var key = Hex.Bytes(Rfc4493Key);
        var message = Hex.Bytes(Rfc4493Message);
        var output = new byte[16];
        aes.SetKey(key, 0);
        cmac.SetKey(key, 0);
        aes.EncryptBlock(message, 0, output, 0);
        cmac.Compute(message, 0, 40, output, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            aes.SetKey(key, 0);
            aes.EncryptBlock(message, i % 48, output, 0);
            cmac.Compute(message, 0, i % 65, output, 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // RFC 4493 section 2, written from the text on .NET's AES: generate K1/K2, pad, CBC over the blocks.
    private static byte[] ReferenceCmac(byte[] key, byte[] message)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        byte[] Encrypt(byte[] block) => aes.EncryptEcb(block, PaddingMode.None);
        byte[] Shift(byte[] value)
        {
            var bits = new System.Numerics.BigInteger(value, isUnsigned: true, isBigEndian: true) << 1;
            var msb = (value[0] & 0x80) != 0;
            var shifted = (bits & ((System.Numerics.BigInteger.One << 128) - 1)).ToByteArray(isUnsigned: true, isBigEndian: true);
            var result = new byte[16];
            shifted.CopyTo(result, 16 - shifted.Length);
            if (msb)
            {
                result[15] ^= 0x87;
            }

            return result;
        }

        var l = Encrypt(new byte[16]);
        var k1 = Shift(l);
        var k2 = Shift(k1);
        var blockCount = Math.Max(1, (message.Length + 15) / 16);
        var complete = message.Length > 0 && message.Length % 16 == 0;
        var last = new byte[16];
        var lastStart = (blockCount - 1) * 16;
        Array.Copy(message, lastStart, last, 0, message.Length - lastStart);
        if (!complete)
        {
            last[message.Length - lastStart] = 0x80;
        }

        var subkey = complete ? k1 : k2;
        var x = new byte[16];
        for (var b = 0; b < blockCount; b++)
        {
            var block = b == blockCount - 1 ? last : message[(b * 16)..(b * 16 + 16)];
            for (var i = 0; i < 16; i++)
            {
                x[i] ^= (byte)(block[i] ^ (b == blockCount - 1 ? subkey[i] : 0));
            }

            x = Encrypt(x);
        }

        return x;
    }
}
