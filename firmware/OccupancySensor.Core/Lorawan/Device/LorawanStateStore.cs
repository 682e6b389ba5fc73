using OccupancySensor.Hardware;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Device
{
    /// <summary>
    /// Keeps on flash what a reboot must not lose. The counters a reboot must never reuse: the next DevNonce (a network
    /// server refuses a repeated one, LoRaWAN 1.0.4 6.2.4) and the next uplink FCnt (a repeated counter under the same
    /// keys is a replay the network drops, and would reuse the key stream). And, with an active session, what the
    /// network set by MAC commands and the join accept (data rate, TX power, NbTrans, duty cycle, RX1 offset and delay,
    /// RX2, channel mask and added channels): the network server keeps believing in them after the device reboots, so
    /// a device that fell back to defaults would listen where nothing is sent. Written before the frame that uses the
    /// counters (and carries the answers to those commands) goes out, so a power cut at any moment leaves flash at or
    /// above what was sent, and the network never learns of a setting flash does not hold.
    /// Two slots are written in turn, each a record with a generation and a CRC-32: a write torn by a power cut damages
    /// only the slot being written, and the other still holds the previous, valid state (whose counters were never
    /// sent). A new join writes a record without session state, so what the old session set is gone.
    /// Record version 2 (this firmware): "LW", version, record length, generation (4), DevNonce (2), FCntUp (4),
    /// flags (bit 0: session state follows), reserved (1), DevAddr (4), session state
    /// (<see cref="MacCommandProcessor.WriteState"/>), CRC-32 of everything before it (4). Version 1 (earlier firmware,
    /// 18 bytes: "LW", 1, reserved, generation, DevNonce, FCntUp, CRC-32) is still read: its counters are taken, it has
    /// no session state. Both record buffers are allocated once.
    /// </summary>
    public sealed class LorawanStateStore
    {
        /// <summary>The two slot files.</summary>
        public const string SlotA = "lorawan.a";

        /// <summary>The second slot file.</summary>
        public const string SlotB = "lorawan.b";

        /// <summary>Length of a version-1 record (counters only, earlier firmware).</summary>
        public const int Version1Length = 18;

        /// <summary>Bytes of a version-2 record before the session state.</summary>
        public const int Version2HeaderLength = 20;

        // The record length is one byte: 255 at most. EU868 with all 13 definable channels needs 20 + 103 + 4 = 127 bytes,
        // US915 20 + 19 + 4 = 43.
        private const int MaxRecordLength = 255;
        private const byte Version1 = 1;
        private const byte Version2 = 2;
        private const byte SessionFlag = 0x01;

        private readonly IFileStore _files;
        private MacCommandProcessor _mac;

        // _record is written or read into; _latest holds the newest valid record (the buffers swap, nothing is copied).
        private byte[] _record = new byte[MaxRecordLength];
        private byte[] _latest = new byte[MaxRecordLength];
        private int _latestLength;
        private uint _generation;

        /// <summary>A store on <paramref name="files"/>; call <see cref="Load"/> first.</summary>
        public LorawanStateStore(IFileStore files)
        {
            _files = files;
        }

        /// <summary>The next DevNonce to use.</summary>
        public int NextDeviceNonce { get; private set; }

        /// <summary>The next uplink frame counter to use.</summary>
        public uint NextUplinkCounter { get; private set; }

        /// <summary>Whether the newest record holds the state of a session (see <see cref="SessionAddress"/>).</summary>
        public bool HasSessionState
        {
            get { return _latestLength >= Version2HeaderLength && _latest[2] == Version2 && (_latest[14] & SessionFlag) != 0; }
        }

        /// <summary>The device address of the session in the newest record (0 without one).</summary>
        public uint SessionAddress
        {
            get { return HasSessionState ? LittleEndian.Get32(_latest, 16) : 0; }
        }

        /// <summary>
        /// Gives the store the MAC state it writes with a session (<see cref="Save(int, uint, bool, uint)"/>) and
        /// restores (<see cref="RestoreSession"/>). Throws ArgumentException when the region's state does not fit a
        /// record (a region with more definable channels than the record format holds).
        /// </summary>
        public void Bind(MacCommandProcessor mac)
        {
            if (Version2HeaderLength + mac.StateLength + 4 > MaxRecordLength)
            {
                throw new System.ArgumentException("the region's session state does not fit a state record", "mac");
            }

            _mac = mac;
        }

        /// <summary>
        /// Reads both slots and keeps the valid one with the higher generation; with none valid (a new unit) both
        /// counters start at 0. Returns whether a valid record was found. Throws IOException when flash fails.
        /// </summary>
        public bool Load()
        {
            bool found = false;
            uint bestGeneration = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                string name = slot == 0 ? SlotA : SlotB;
                if (!_files.Exists(name))
                {
                    continue;
                }

                int length = ValidLength(_files.Read(name, 0, _record, 0, MaxRecordLength));
                if (length == 0)
                {
                    continue;
                }

                uint generation = LittleEndian.Get32(_record, 4);
                if (!found || generation > bestGeneration)
                {
                    found = true;
                    bestGeneration = generation;
                    NextDeviceNonce = (ushort)LittleEndian.Get16(_record, 8);
                    NextUplinkCounter = LittleEndian.Get32(_record, 10);
                    KeepAsLatest(length);
                }
            }

            if (!found)
            {
                NextDeviceNonce = 0;
                NextUplinkCounter = 0;
                _latestLength = 0;
            }

            _generation = found ? bestGeneration : 0;
            return found;
        }

        /// <summary>
        /// Writes the counters, without session state, to the slot not holding the newest record. Throws IOException
        /// when flash fails; the caller then must not send (the values in memory are unchanged).
        /// </summary>
        public void Save(int nextDeviceNonce, uint nextUplinkCounter)
        {
            Save(nextDeviceNonce, nextUplinkCounter, false, 0);
        }

        /// <summary>
        /// Writes the counters and, with <paramref name="withSession"/>, the bound MAC state of the session of
        /// <paramref name="deviceAddress"/>, to the slot not holding the newest record. Throws IOException when flash
        /// fails; the caller then must not send (the values in memory are unchanged).
        /// </summary>
        public void Save(int nextDeviceNonce, uint nextUplinkCounter, bool withSession, uint deviceAddress)
        {
            bool session = withSession && _mac != null;
            int length = Version2HeaderLength + (session ? _mac.StateLength : 0) + 4;
            uint generation = _generation + 1;
            _record[0] = (byte)'L';
            _record[1] = (byte)'W';
            _record[2] = Version2;
            _record[3] = (byte)length;
            LittleEndian.Put32(_record, 4, generation);
            LittleEndian.Put16(_record, 8, nextDeviceNonce);
            LittleEndian.Put32(_record, 10, nextUplinkCounter);
            _record[14] = session ? SessionFlag : (byte)0;
            _record[15] = 0;
            LittleEndian.Put32(_record, 16, session ? deviceAddress : 0);
            if (session)
            {
                _mac.WriteState(_record, Version2HeaderLength);
            }

            LittleEndian.Put32(_record, length - 4, Crc32.Compute(_record, 0, length - 4));
            _files.WriteAll((generation & 1) == 1 ? SlotA : SlotB, _record, 0, length);
            _generation = generation;
            NextDeviceNonce = nextDeviceNonce;
            NextUplinkCounter = nextUplinkCounter;
            KeepAsLatest(length);
        }

        /// <summary>
        /// Restores the MAC state of the newest record into the bound processor and its region if it belongs to the
        /// session of <paramref name="deviceAddress"/> (an ABP device after a reboot). Returns whether it did; a record of
        /// another session, without one, or with values out of range for the region changes nothing.
        /// </summary>
        public bool RestoreSession(uint deviceAddress)
        {
            if (_mac == null || !HasSessionState || SessionAddress != deviceAddress ||
                _latestLength != Version2HeaderLength + _mac.StateLength + 4)
            {
                return false;
            }

            return _mac.ReadState(_latest, Version2HeaderLength);
        }

        // The length of the valid record just read into _record, 0 when it is not one.
        private int ValidLength(int read)
        {
            if (read < Version1Length || _record[0] != 'L' || _record[1] != 'W')
            {
                return 0;
            }

            if (_record[2] == Version1)
            {
                return LittleEndian.Get32(_record, 14) == Crc32.Compute(_record, 0, 14) ? Version1Length : 0;
            }

            int length = _record[3];
            if (_record[2] != Version2 || length < Version2HeaderLength + 4 || length > read)
            {
                return 0;
            }

            return LittleEndian.Get32(_record, length - 4) == Crc32.Compute(_record, 0, length - 4) ? length : 0;
        }

        private void KeepAsLatest(int length)
        {
            byte[] previous = _latest;
            _latest = _record;
            _record = previous;
            _latestLength = length;
        }
    }
}
