namespace OccupancySensor.Uplink
{
    /// <summary>
    /// A command as read from its JSON object (README, "Commands"): the requester's id, the command name and its
    /// arguments. Settings keep their values as text; the configuration parser checks them.
    /// </summary>
    public sealed class CommandMessage
    {
        /// <summary>Most settings one "config" command may carry.</summary>
        public const int MaxSettings = 16;

        private readonly string[] _settingKeys = new string[MaxSettings];
        private readonly string[] _settingValues = new string[MaxSettings];

        internal CommandMessage()
        {
            Id = string.Empty;
            Name = string.Empty;
        }

        /// <summary>The requester's id, echoed in the response so it can match them; empty when it sent none.</summary>
        public string Id { get; internal set; }

        /// <summary>"report", "history" or "config".</summary>
        public string Name { get; internal set; }

        /// <summary>Whether "since" was given.</summary>
        public bool HasSince { get; internal set; }

        /// <summary>The sequence number a history walk starts at.</summary>
        public long Since { get; internal set; }

        /// <summary>Whether a "set" object was given.</summary>
        public bool HasSettings { get; internal set; }

        /// <summary>How many settings the "set" object holds.</summary>
        public int SettingCount { get; private set; }

        /// <summary>The key of setting <paramref name="index"/>.</summary>
        public string SettingKey(int index)
        {
            return _settingKeys[index];
        }

        /// <summary>The value of setting <paramref name="index"/>, as text.</summary>
        public string SettingValue(int index)
        {
            return _settingValues[index];
        }

        internal bool AddSetting(string key, string value)
        {
            if (SettingCount == MaxSettings)
            {
                return false;
            }

            _settingKeys[SettingCount] = key;
            _settingValues[SettingCount] = value;
            SettingCount++;
            return true;
        }
    }
}
