namespace OccupancySensor.Configuration
{
    /// <summary>The outcome of reading a configuration: a valid configuration, or the list of what is wrong.</summary>
    public sealed class ConfigurationResult
    {
        internal ConfigurationResult(DeviceConfiguration configuration, ConfigurationIssue[] issues)
        {
            Configuration = configuration;
            Issues = issues;
        }

        /// <summary>Whether the whole file was valid.</summary>
        public bool IsValid
        {
            get { return Issues.Length == 0; }
        }

        /// <summary>The configuration when valid, otherwise null.</summary>
        public DeviceConfiguration Configuration { get; private set; }

        /// <summary>Every problem found, in file order; empty when valid.</summary>
        public ConfigurationIssue[] Issues { get; private set; }

        /// <summary>All problems, one a line.</summary>
        public string Describe()
        {
            string text = string.Empty;
            for (int i = 0; i < Issues.Length; i++)
            {
                text += (i == 0 ? string.Empty : "\n") + Issues[i].ToString();
            }

            return text;
        }
    }
}
