using OccupancySensor.Configuration;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// Carries out the commands that arrive on the unit's command topic (README, "Commands"), after checking them
    /// whole: a command that is malformed, unknown or invalid gets an error response and changes nothing.
    /// "report": a count report and a health reading now. "history" with "since": the readings still on flash from
    /// that sequence number are published again, marked as history. "config" with "set": the settings are merged
    /// into the configuration file, the result is validated like a file a technician deployed, stored, and applied
    /// by a restart (<see cref="RestartRequested"/>); the device id cannot be changed this way.
    /// Runs on the sampling loop's thread (the publisher hands commands over), so it never races the loop.
    /// The same commands arrive over LoRaWAN in binary (Lorawan/Payload/DownlinkCommandCodec): that publisher checks
    /// them and calls <see cref="Report"/>, <see cref="History"/> and <see cref="Configure"/>, the steps the JSON
    /// commands run, so both links do exactly the same.
    /// </summary>
    public sealed class CommandProcessor
    {
        private readonly SensorUnit _unit;
        private readonly ReadingLog _log;
        private readonly ConfigurationStore _configuration;

        /// <summary>Creates the processor for one unit that publishes over MQTT.</summary>
        public CommandProcessor(SensorUnit unit, UplinkPublisher publisher, ConfigurationStore configuration)
            : this(unit, publisher.Log, configuration)
        {
        }

        /// <summary>
        /// Creates the processor for one unit whose publisher sends from <paramref name="log"/> (its history walk
        /// is the log's).
        /// </summary>
        public CommandProcessor(SensorUnit unit, ReadingLog log, ConfigurationStore configuration)
        {
            _unit = unit;
            _log = log;
            _configuration = configuration;
        }

        /// <summary>A new configuration was stored: the unit should restart (once the response is out) to apply it.</summary>
        public bool RestartRequested { get; private set; }

        /// <summary>Commands carried out.</summary>
        public int Accepted { get; private set; }

        /// <summary>Commands refused.</summary>
        public int Refused { get; private set; }

        /// <summary>Carries out <paramref name="payload"/> and returns the JSON response.</summary>
        public string Handle(byte[] payload)
        {
            string error;
            CommandMessage command = CommandJson.Read(payload, out error);
            if (command == null)
            {
                return Refuse(string.Empty, error);
            }

            if (command.Name == "report")
            {
                if (command.HasSince || command.HasSettings)
                {
                    return Refuse(command.Id, "\"report\" takes no arguments");
                }

                Report();
                return Done(command, string.Empty);
            }

            if (command.Name == "history")
            {
                if (!command.HasSince || command.HasSettings)
                {
                    return Refuse(command.Id, "\"history\" needs \"since\" (a sequence number) and nothing else");
                }

                long from;
                long to = History(command.Since, out from);
                return Done(command, ",\"since\":" + command.Since.ToString() + ",\"from\":" + from.ToString() +
                                     ",\"to\":" + to.ToString());
            }

            if (command.Name == "config")
            {
                if (!command.HasSettings || command.SettingCount == 0 || command.HasSince)
                {
                    return Refuse(command.Id, "\"config\" needs \"set\" with at least one setting, and nothing else");
                }

                string[] keys = new string[command.SettingCount];
                string[] values = new string[command.SettingCount];
                for (int i = 0; i < keys.Length; i++)
                {
                    keys[i] = command.SettingKey(i);
                    values[i] = command.SettingValue(i);
                }

                string problems = Configure(keys, values);
                if (problems != null)
                {
                    return Refuse(command.Id, problems);
                }

                return Done(command, ",\"restart\":true");
            }

            return Refuse(command.Id, "unknown command \"" + command.Name + "\" (report, history, config)");
        }

        /// <summary>"report": a count report of every zone and a health reading, now.</summary>
        public void Report()
        {
            _unit.ReportNow();
        }

        /// <summary>
        /// "history since": starts the walk of the readings still stored from <paramref name="since"/>; returns the
        /// last sequence it reaches (0: none) and in <paramref name="from"/> the first (0: none).
        /// </summary>
        public long History(long since, out long from)
        {
            long to = _log.BeginHistory(since);
            long oldest = _log.OldestStoredSequence;
            from = to == 0 ? 0 : (since > oldest ? since : oldest);
            return to;
        }

        /// <summary>
        /// "config set": merges the settings into the configuration file, validated whole like a deployed file; null
        /// when stored (a restart applies it: <see cref="RestartRequested"/>), else the problems and nothing changed.
        /// </summary>
        public string Configure(string[] keys, string[] values)
        {
            string problems = _configuration.ApplySettings(keys, values);
            if (problems == null)
            {
                RestartRequested = true;
            }

            return problems;
        }

        /// <summary>Counts a command carried out by another link's publisher (LoRaWAN).</summary>
        public void CountAccepted()
        {
            Accepted++;
        }

        /// <summary>Counts a command another link's publisher refused.</summary>
        public void CountRefused()
        {
            Refused++;
        }

        private string Done(CommandMessage command, string fields)
        {
            Accepted++;
            return CommandResponse.Done(command.Id, command.Name, fields);
        }

        private string Refuse(string id, string error)
        {
            Refused++;
            return CommandResponse.Error(id, error);
        }
    }
}
