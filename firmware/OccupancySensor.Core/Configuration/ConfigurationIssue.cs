namespace OccupancySensor.Configuration
{
    /// <summary>One problem found in a configuration file, naming the line and key so a technician can fix it.</summary>
    public sealed class ConfigurationIssue
    {
        /// <summary>Records a problem.</summary>
        public ConfigurationIssue(int line, string key, string message)
        {
            Line = line;
            Key = key;
            Message = message;
        }

        /// <summary>1-based line number, or 0 for a problem of the file as a whole (a missing key).</summary>
        public int Line { get; private set; }

        /// <summary>The key concerned.</summary>
        public string Key { get; private set; }

        /// <summary>What is wrong and what is allowed.</summary>
        public string Message { get; private set; }

        /// <summary>For example: line 12: thresholds.vacant_hold_s: must be a whole number from 10 to 86400, got 'abc'.</summary>
        public override string ToString()
        {
            return Line > 0 ? "line " + Line + ": " + Key + ": " + Message : Key + ": " + Message;
        }
    }
}
