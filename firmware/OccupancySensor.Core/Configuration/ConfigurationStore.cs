using System;
using System.Text;
using OccupancySensor.Hardware;
using OccupancySensor.Runtime;

namespace OccupancySensor.Configuration
{
    /// <summary>
    /// Keeps the unit's configuration on flash. At boot it loads <see cref="FileName"/>; a file that is missing,
    /// unreadable or invalid is rejected with a fault naming the key, and the last good configuration stays in force:
    /// the copy in <see cref="LastGoodFileName"/> written when a file was last accepted, or, on a unit that never had
    /// one, <see cref="DeviceConfiguration.CreateUnconfigured"/>. A new configuration (a "set configuration" command)
    /// goes through the same validation before it replaces anything.
    /// </summary>
    public sealed class ConfigurationStore
    {
        /// <summary>The configuration file a technician deploys (I:\sensor.conf on the device).</summary>
        public const string FileName = "sensor.conf";

        /// <summary>The copy of the last configuration that passed validation.</summary>
        public const string LastGoodFileName = "sensor.conf.good";

        /// <summary>Largest configuration file accepted, so a corrupt length never exhausts memory.</summary>
        public const int MaxFileBytes = 8192;

        private readonly IFileStore _files;
        private readonly FaultLog _faults;
        private readonly IClock _clock;

        // The text of the configuration in force, which a "set configuration" command edits.
        private string _activeText = string.Empty;

        /// <summary>Creates the store over the unit's files; faults go to <paramref name="faults"/>.</summary>
        public ConfigurationStore(IFileStore files, FaultLog faults, IClock clock)
        {
            _files = files;
            _faults = faults;
            _clock = clock;
            Active = DeviceConfiguration.CreateUnconfigured();
        }

        /// <summary>The configuration in force.</summary>
        public DeviceConfiguration Active { get; private set; }

        /// <summary>Why the last load or apply was rejected, empty when it was accepted.</summary>
        public string LastRejection { get; private set; }

        /// <summary>
        /// Loads the configuration at boot. Returns true when <see cref="FileName"/> itself was valid; false when the
        /// unit runs on the last good copy or the unconfigured fallback (the reason is a recorded fault).
        /// </summary>
        public bool Load()
        {
            LastRejection = string.Empty;
            string text;
            ConfigurationResult result = ReadFile(FileName, out text);
            if (result != null && result.IsValid)
            {
                Active = result.Configuration;
                _activeText = text;
                SaveLastGood(FileName);
                return true;
            }

            ConfigurationResult lastGood = ReadFile(LastGoodFileName, out text);
            if (lastGood != null && lastGood.IsValid)
            {
                Active = lastGood.Configuration;
                _activeText = text;
            }

            return false;
        }

        /// <summary>
        /// Validates <paramref name="text"/> as a whole and, only when valid, writes it as the configuration file
        /// and makes it active. Returns null on success, otherwise the list of problems (nothing changes then).
        /// </summary>
        public string Apply(string text)
        {
            ConfigurationResult result = ConfigurationParser.Parse(text);
            if (!result.IsValid)
            {
                Reject(result);
                return LastRejection;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(text);
            try
            {
                _files.WriteAll(FileName, bytes, 0, bytes.Length);
                _files.WriteAll(LastGoodFileName, bytes, 0, bytes.Length);
            }
            catch (Exception)
            {
                // The new configuration is valid and takes effect; it is lost at the next boot, which falls back
                // to the last good copy. Record why.
                _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.WriteFailed, FileName);
            }

            Active = result.Configuration;
            _activeText = text;
            LastRejection = string.Empty;
            return null;
        }

        /// <summary>
        /// Applies the settings of a "config" command: each "key = value" replaces that key's line in the configuration
        /// in force (or is added), and the result goes through <see cref="Apply"/>. Returns null on success, otherwise
        /// the problems (nothing changes then). The device id cannot be set this way.
        /// </summary>
        public string ApplySettings(string[] keys, string[] values)
        {
            if (_activeText.Length == 0)
            {
                return "the unit runs unconfigured: deploy a configuration file first";
            }

            // Every setting is checked before any line is touched, so the first bad one in command order is the one
            // named, as a technician reads the command.
            for (int i = 0; i < keys.Length; i++)
            {
                string problem = SettingProblem(keys[i], values[i]);
                if (problem != null)
                {
                    return problem;
                }
            }

            // Each line's key is read once and every setting of that key is applied to it; when a command sets one
            // key twice, the later value is written last and so wins. A valid configuration never repeats a key
            // (the parser refuses it), so a setting matches one line at most.
            string[] lines = _activeText.Split('\n');
            bool[] used = new bool[keys.Length];
            for (int l = 0; l < lines.Length; l++)
            {
                string lineKey = ConfigurationParser.KeyOf(lines[l]);
                if (lineKey.Length == 0)
                {
                    continue;
                }

                for (int i = 0; i < keys.Length; i++)
                {
                    if (keys[i] == lineKey)
                    {
                        lines[l] = SettingLine(keys[i], values[i]);
                        used[i] = true;
                    }
                }
            }

            StringBuilder text = new StringBuilder(_activeText.Length + 64);
            for (int l = 0; l < lines.Length; l++)
            {
                if (l > 0)
                {
                    text.Append('\n');
                }

                text.Append(lines[l]);
            }

            for (int i = 0; i < keys.Length; i++)
            {
                if (!used[i])
                {
                    text.Append('\n');
                    text.Append(SettingLine(keys[i], values[i]));
                }
            }

            return Apply(text.ToString());
        }

        /// <summary>Why a setting cannot be written into the file, or null when it can.</summary>
        private static string SettingProblem(string key, string value)
        {
            if (key == "device.id")
            {
                return "device.id cannot be changed by command";
            }

            if (key.Length == 0 || key.IndexOf('=') >= 0 || key.IndexOf('#') >= 0 || key.IndexOf('\n') >= 0 ||
                value.IndexOf('#') >= 0 || value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)
            {
                return "setting \"" + key + "\": keys and values cannot hold '=', '#' or line breaks";
            }

            return null;
        }

        private static string SettingLine(string key, string value)
        {
            return key + " = " + value;
        }

        private ConfigurationResult ReadFile(string name, out string text)
        {
            text = string.Empty;
            try
            {
                if (!_files.Exists(name))
                {
                    if (name == FileName)
                    {
                        _faults.Record(_clock.NowMilliseconds, FaultSource.Configuration, FaultCode.Missing, name);
                        LastRejection = name + " is missing";
                    }

                    return null;
                }

                long length = _files.GetLength(name);
                if (length > MaxFileBytes)
                {
                    _faults.Record(_clock.NowMilliseconds, FaultSource.Configuration, FaultCode.Invalid, name + ": larger than " + MaxFileBytes + " bytes");
                    LastRejection = name + " is larger than " + MaxFileBytes + " bytes";
                    return null;
                }

                byte[] bytes = new byte[(int)length];
                int read = _files.Read(name, 0, bytes, 0, bytes.Length);
                text = new string(Encoding.UTF8.GetChars(bytes, 0, read));
            }
            catch (Exception)
            {
                _faults.Record(_clock.NowMilliseconds, FaultSource.Configuration, FaultCode.ReadFailed, name);
                LastRejection = name + " could not be read";
                return null;
            }

            ConfigurationResult result = ConfigurationParser.Parse(text);
            if (!result.IsValid && name == FileName)
            {
                Reject(result);
            }

            return result;
        }

        private void Reject(ConfigurationResult result)
        {
            LastRejection = result.Describe();
            for (int i = 0; i < result.Issues.Length; i++)
            {
                _faults.Record(_clock.NowMilliseconds, FaultSource.Configuration, FaultCode.Invalid, result.Issues[i].ToString());
            }
        }

        private void SaveLastGood(string source)
        {
            try
            {
                // Rewrite the copy only when it differs: flash wear matters more than the comparison's cost at boot.
                long length = _files.GetLength(source);
                byte[] current = new byte[(int)length];
                _files.Read(source, 0, current, 0, current.Length);
                if (_files.Exists(LastGoodFileName) && _files.GetLength(LastGoodFileName) == length)
                {
                    byte[] saved = new byte[(int)length];
                    _files.Read(LastGoodFileName, 0, saved, 0, saved.Length);
                    bool same = true;
                    for (int i = 0; same && i < saved.Length; i++)
                    {
                        same = saved[i] == current[i];
                    }

                    if (same)
                    {
                        return;
                    }
                }

                _files.WriteAll(LastGoodFileName, current, 0, current.Length);
            }
            catch (Exception)
            {
                _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.WriteFailed, LastGoodFileName);
            }
        }
    }
}
