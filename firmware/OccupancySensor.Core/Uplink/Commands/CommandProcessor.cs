using OccupancySensor.Configuration;
using OccupancySensor.Runtime;

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
    /// </summary>
    public sealed class CommandProcessor
    {
        private readonly SensorUnit _unit;
        private readonly UplinkPublisher _publisher;
        private readonly ConfigurationStore _configuration;

        /// <summary>Creates the processor for one unit.</summary>
        public CommandProcessor(SensorUnit unit, UplinkPublisher publisher, ConfigurationStore configuration)
        {
            _unit = unit;
            _publisher = publisher;
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

                _unit.ReportNow();
                return Done(command, string.Empty);
            }

            if (command.Name == "history")
            {
                if (!command.HasSince || command.HasSettings)
                {
                    return Refuse(command.Id, "\"history\" needs \"since\" (a sequence number) and nothing else");
                }

                long to = _publisher.StartHistory(command.Since);
                long oldest = _publisher.Log.OldestStoredSequence;
                long from = command.Since > oldest ? command.Since : oldest;
                return Done(command, ",\"since\":" + command.Since.ToString() + ",\"from\":" + (to == 0 ? 0 : from).ToString() +
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

                string problems = _configuration.ApplySettings(keys, values);
                if (problems != null)
                {
                    return Refuse(command.Id, problems);
                }

                RestartRequested = true;
                return Done(command, ",\"restart\":true");
            }

            return Refuse(command.Id, "unknown command \"" + command.Name + "\" (report, history, config)");
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
