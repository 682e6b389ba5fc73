using nanoFramework.TestFramework;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Crypto;
using OccupancySensor.Lorawan.Frames;

namespace OccupancySensor.DeviceTests
{
    /// <summary>
    /// The LoRaWAN crypto, frames and time on air on the device's own runtime: published vectors only (FIPS-197,
    /// RFC 4493, lora-packet's README and tests, protocols.md), so a difference of the nanoFramework interpreter
    /// (byte arithmetic, static array initialisers, 64-bit maths) shows up here before a network server refuses frames.
    /// </summary>
    [TestClass]
    public class LorawanTests
    {
        [TestMethod]
        public void Aes128_matches_FIPS_197_appendix_C_1()
        {
            Aes128 aes = new Aes128();
            aes.SetKey(Bytes("000102030405060708090A0B0C0D0E0F"), 0);
            byte[] block = Bytes("00112233445566778899AABBCCDDEEFF");
            aes.EncryptBlock(block, 0, block, 0);
            Assert.AreEqual("69C4E0D86A7B0430D8CDB78070B4C55A", Hex(block, 0, 16));
        }

        [TestMethod]
        public void AesCmac_matches_RFC_4493_examples()
        {
            AesCmac cmac = new AesCmac();
            cmac.SetKey(Bytes("2B7E151628AED2A6ABF7158809CF4F3C"), 0);
            byte[] message = Bytes("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E51" +
                                   "30C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710");
            byte[] mac = new byte[16];
            cmac.Compute(message, 0, 0, mac, 0);
            Assert.AreEqual("BB1D6929E95937287FA37D129B756746", Hex(mac, 0, 16));
            cmac.Compute(message, 0, 16, mac, 0);
            Assert.AreEqual("070A16B46B4D4144F79BDD9DD04A287C", Hex(mac, 0, 16));
            cmac.Compute(message, 0, 40, mac, 0);
            Assert.AreEqual("DFA66747DE9AE63030CA32611497C827", Hex(mac, 0, 16));
            cmac.Compute(message, 0, 64, mac, 0);
            Assert.AreEqual("51F0BEBF7E3B9D92FC49741779363CFE", Hex(mac, 0, 16));
        }

        [TestMethod]
        public void The_lora_packet_readme_frame_is_built_byte_for_byte()
        {
            LorawanSession session = new LorawanSession();
            session.Activate(0x49BE7DF1, Bytes("44024241ED4CE9A68C6A8BC055233FD3"), Bytes("EC925802AE430CA77FD3DD73CB2CC588"), 2);
            UplinkFrameBuilder builder = new UplinkFrameBuilder();
            byte[] payload = new byte[] { (byte)'t', (byte)'e', (byte)'s', (byte)'t' };
            int length = builder.Build(session, false, 0, null, 0, 1, payload, 0, 4);
            Assert.AreEqual("40F17DBE4900020001954378762B11FF0D", Hex(builder.Frame, 0, length));
        }

        [TestMethod]
        public void The_published_all_zero_join_accept_opens()
        {
            Aes128 cipher = new Aes128();
            AesCmac mac = new AesCmac();
            byte[] key = new byte[16];
            cipher.SetKey(key, 0);
            mac.SetKey(key, 0);
            byte[] onAir = Bytes("20E3DE108795F776B8037610EF7869B5B3");
            JoinAccept accept = new JoinAccept();
            Assert.AreEqual((int)JoinAcceptResult.Accepted, (int)new JoinAcceptReader().Read(onAir, onAir.Length, 0, cipher, mac, accept));
            onAir[5] ^= 1;
            Assert.AreEqual((int)JoinAcceptResult.BadMic, (int)new JoinAcceptReader().Read(onAir, onAir.Length, 0, cipher, mac, accept));
        }

        [TestMethod]
        public void Time_on_air_matches_the_reference_values()
        {
            // protocols.md: EU868 DR0 with a 10-byte application payload (23-byte PHY payload) = 1482.752 ms;
            // SX126x SF7 BW125 LDRO on, 255 bytes = 548.096 ms.
            Assert.AreEqual(1482752L, TimeOnAir.Microseconds(LoraModulation.LorawanUplink(12, 125000), 23, LoraChip.Sx127x));
            LoraModulation sf7 = LoraModulation.LorawanUplink(7, 125000);
            sf7.LowDataRateOptimize = true;
            Assert.AreEqual(548096L, TimeOnAir.Microseconds(sf7, 255, LoraChip.Sx126x));
        }

        private static byte[] Bytes(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[2 * i + 1]));
            }

            return bytes;
        }

        private static int Nibble(char c)
        {
            return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        }

        private static string Hex(byte[] bytes, int offset, int count)
        {
            const string digits = "0123456789ABCDEF";
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                text[2 * i] = digits[bytes[offset + i] >> 4];
                text[2 * i + 1] = digits[bytes[offset + i] & 0x0F];
            }

            return new string(text);
        }
    }
}
