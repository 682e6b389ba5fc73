namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// A decoded downlink command, filled in place by <see cref="DownlinkCommandCodec.Decode"/>: one instance
    /// allocated at start, with room for the most settings one command may carry.
    /// </summary>
    public sealed class DownlinkCommand
    {
        /// <summary>Most settings in one set-configuration command (1 + 4 x 4 = 17 bytes fits every data rate's downlink).</summary>
        public const int MaxSettings = 4;

        private readonly int[] _settingIds = new int[MaxSettings];
        private readonly int[] _settingValues = new int[MaxSettings];

        /// <summary>The command (<see cref="CommandCode.None"/> when decoding failed before it was known).</summary>
        public CommandCode Code;

        /// <summary>History: the first sequence number to send again.</summary>
        public long SinceSequence;

        /// <summary>Set configuration: how many settings.</summary>
        public int SettingCount;

        /// <summary>Set configuration: the setting that made the command invalid, 0 when none.</summary>
        public int OffendingSetting;

        /// <summary>Setting ids (<see cref="RemoteSetting"/>), <see cref="SettingCount"/> of them.</summary>
        public int[] SettingIds
        {
            get { return _settingIds; }
        }

        /// <summary>Setting values, in the order of <see cref="SettingIds"/>.</summary>
        public int[] SettingValues
        {
            get { return _settingValues; }
        }

        internal void Reset()
        {
            Code = CommandCode.None;
            SinceSequence = 0;
            SettingCount = 0;
            OffendingSetting = 0;
        }
    }
}
