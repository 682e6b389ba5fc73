namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// Why a downlink command was refused (or <see cref="Accepted"/>). The values are the status byte of the answer
    /// uplink on FPort 3; the network-side codec names them the same way.
    /// </summary>
    public enum CommandRejection : byte
    {
        /// <summary>The command is valid.</summary>
        Accepted = 0,

        /// <summary>No bytes.</summary>
        Empty = 1,

        /// <summary>The first byte is no command.</summary>
        UnknownCommand = 2,

        /// <summary>The length does not fit the command.</summary>
        WrongLength = 3,

        /// <summary>A setting id that is not one of <see cref="RemoteSetting"/>.</summary>
        UnknownSetting = 4,

        /// <summary>A setting value outside the range the configuration file allows.</summary>
        OutOfRange = 5,

        /// <summary>The same setting twice in one command.</summary>
        RepeatedSetting = 6,

        /// <summary>Not on the commands port.</summary>
        WrongPort = 7,

        /// <summary>
        /// Valid on its own, but not carried out: the configuration file with the new values failed validation as a
        /// whole (the unit records the parser's problems as a fault), or the unit takes no commands.
        /// </summary>
        NotApplied = 8,
    }
}
