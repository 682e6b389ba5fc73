using OccupancySensor.Hardware;
using OccupancySensor.Storage;

namespace OccupancySensor.Lorawan.Device
{
    /// <summary>
    /// Keeps the counters a reboot must never reuse on flash: the next DevNonce (a network server refuses a repeated
    /// one, LoRaWAN 1.0.4 6.2.4) and the next uplink FCnt (a repeated counter under the same keys is a replay the
    /// network drops, and would reuse the key stream). Written before the frame that uses them goes out, so a power
    /// cut at any moment leaves flash at or above what was sent.
    /// Two slots are written in turn, each an 18-byte record with a generation and a CRC-32: a write torn by a power
    /// cut damages only the slot being written, and the other still holds the previous, valid state (whose counters
    /// were never sent). The record buffer is allocated once.
    /// </summary>
    public sealed class LorawanStateStore
    {
        /// <summary>The two slot files.</summary>
        public const string SlotA = "lorawan.a";

        /// <summary>The second slot file.</summary>
        public const string SlotB = "lorawan.b";

        // magic "LW" (2), version (1), reserved (1), generation (4), DevNonce (2), FCntUp (4), CRC-32 of the 14 before (4).
        private const int RecordLength = 18;
        private const byte Version = 1;

        private readonly IFileStore _files;
        private readonly byte[] _record = new byte[RecordLength];
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
                if (!_files.Exists(name) || _files.Read(name, 0, _record, 0, RecordLength) != RecordLength || !IsValid())
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
                }
            }

            if (!found)
            {
                NextDeviceNonce = 0;
                NextUplinkCounter = 0;
            }

            _generation = found ? bestGeneration : 0;
            return found;
        }

        /// <summary>
        /// Writes the counters to the slot not holding the newest record. Throws IOException when flash fails; the
        /// caller then must not send (the values in memory are unchanged).
        /// </summary>
        public void Save(int nextDeviceNonce, uint nextUplinkCounter)
        {
            uint generation = _generation + 1;
            _record[0] = (byte)'L';
            _record[1] = (byte)'W';
            _record[2] = Version;
            _record[3] = 0;
            LittleEndian.Put32(_record, 4, generation);
            LittleEndian.Put16(_record, 8, nextDeviceNonce);
            LittleEndian.Put32(_record, 10, nextUplinkCounter);
            LittleEndian.Put32(_record, 14, Crc32.Compute(_record, 0, 14));
            _files.WriteAll((generation & 1) == 1 ? SlotA : SlotB, _record, 0, RecordLength);
            _generation = generation;
            NextDeviceNonce = nextDeviceNonce;
            NextUplinkCounter = nextUplinkCounter;
        }

        private bool IsValid()
        {
            return _record[0] == 'L' && _record[1] == 'W' && _record[2] == Version &&
                   LittleEndian.Get32(_record, 14) == Crc32.Compute(_record, 0, 14);
        }
    }
}
