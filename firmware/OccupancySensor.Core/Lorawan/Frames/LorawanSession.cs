using OccupancySensor.Lorawan.Crypto;

namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>
    /// An activated LoRaWAN 1.0.x session: the device address, the two session keys held as keyed cipher objects
    /// (expanded once per activation, never per frame) and the frame counters. Built once at start and re-activated
    /// by each join (OTAA) or at boot (ABP); activation allocates nothing.
    /// The uplink counter here is the next one to use; persisting it before each uplink is the end device's job.
    /// </summary>
    public sealed class LorawanSession
    {
        private readonly AesCmac _networkMac = new AesCmac();
        private readonly Aes128 _networkCipher = new Aes128();
        private readonly Aes128 _applicationCipher = new Aes128();

        /// <summary>Whether keys and an address are set.</summary>
        public bool IsActive { get; private set; }

        /// <summary>DevAddr (as a number: 0x49BE7DF1 goes on the air as F1 7D BE 49).</summary>
        public uint DeviceAddress { get; private set; }

        /// <summary>FCntUp of the next uplink (32 bits; the frame carries the low 16).</summary>
        public uint UplinkCounter { get; set; }

        /// <summary>Whether a downlink has been accepted in this session (before it, any FCntDown is new).</summary>
        public bool HasDownlink { get; private set; }

        /// <summary>FCntDown of the last accepted downlink (32 bits, rebuilt from the 16 the frame carries).</summary>
        public uint LastDownlinkCounter { get; private set; }

        /// <summary>AES-CMAC keyed with NwkSKey: every data frame's MIC.</summary>
        public AesCmac NetworkMac
        {
            get { return _networkMac; }
        }

        /// <summary>AES keyed with NwkSKey: FRMPayload on port 0 (MAC commands).</summary>
        public Aes128 NetworkCipher
        {
            get { return _networkCipher; }
        }

        /// <summary>AES keyed with AppSKey: FRMPayload on ports 1..223.</summary>
        public Aes128 ApplicationCipher
        {
            get { return _applicationCipher; }
        }

        /// <summary>
        /// Starts a session: ABP with the provisioned address and keys, or OTAA with those of a join accept.
        /// Counters start at <paramref name="uplinkCounter"/> (0 after a join; the persisted value under ABP).
        /// </summary>
        public void Activate(uint deviceAddress, byte[] networkSessionKey, byte[] applicationSessionKey, uint uplinkCounter)
        {
            _networkMac.SetKey(networkSessionKey, 0);
            _networkCipher.SetKey(networkSessionKey, 0);
            _applicationCipher.SetKey(applicationSessionKey, 0);
            DeviceAddress = deviceAddress;
            UplinkCounter = uplinkCounter;
            HasDownlink = false;
            LastDownlinkCounter = 0;
            IsActive = true;
        }

        /// <summary>Ends the session (before a new join); the keys are wiped.</summary>
        public void Deactivate()
        {
            _networkCipher.Clear();
            _applicationCipher.Clear();
            IsActive = false;
            HasDownlink = false;
        }

        /// <summary>
        /// The full 32-bit FCntDown a frame carrying <paramref name="low16"/> stands for: the smallest value not below
        /// the last accepted one whose low 16 bits match (LoRaWAN 1.0.4, 4.3.1.5). A frame repeating the last value
        /// maps to it, and <see cref="IsNewDownlink"/> rejects it as a replay.
        /// </summary>
        public uint ExpandDownlinkCounter(int low16)
        {
            if (!HasDownlink)
            {
                return (uint)low16;
            }

            uint candidate = (LastDownlinkCounter & 0xFFFF0000u) | (uint)low16;
            if (candidate < LastDownlinkCounter)
            {
                candidate += 0x10000u;
            }

            return candidate;
        }

        /// <summary>Whether a downlink with this full counter is new (above the last accepted one).</summary>
        public bool IsNewDownlink(uint counter)
        {
            return !HasDownlink || counter > LastDownlinkCounter;
        }

        /// <summary>Records an accepted downlink's counter.</summary>
        public void AcceptDownlink(uint counter)
        {
            LastDownlinkCounter = counter;
            HasDownlink = true;
        }
    }
}
