namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// Downlink commands on FPort 2 and their answers on FPort 3 (byte tables in Lorawan/README.md). A command is
    /// checked whole before anything in it is used; a bad one gets a <see cref="CommandRejection"/> that the device
    /// sends back as the answer, and changes nothing. Encoding is here too, for the simulator's network side and
    /// for tests. Nothing allocates.
    /// </summary>
    public static class DownlinkCommandCodec
    {
        /// <summary>An answer: command code, status (<see cref="CommandRejection"/>), offending setting id or 0.</summary>
        public const int AnswerLength = 3;

        // Set configuration: one code byte, then per setting one id byte and a 24-bit value.
        private const int SettingLength = 4;

        /// <summary>Decodes and validates the downlink payload into <paramref name="command"/>.</summary>
        public static CommandRejection Decode(int port, byte[] payload, int offset, int length, DownlinkCommand command)
        {
            command.Reset();
            if (port != PayloadPorts.Commands)
            {
                return CommandRejection.WrongPort;
            }

            if (length <= 0)
            {
                return CommandRejection.Empty;
            }

            int code = payload[offset];
            switch (code)
            {
                case (int)CommandCode.Report:
                    command.Code = CommandCode.Report;
                    return length == 1 ? CommandRejection.Accepted : CommandRejection.WrongLength;
                case (int)CommandCode.History:
                    command.Code = CommandCode.History;
                    if (length != 5)
                    {
                        return CommandRejection.WrongLength;
                    }

                    command.SinceSequence = ((long)payload[offset + 1] << 24) | ((long)payload[offset + 2] << 16) |
                                            ((long)payload[offset + 3] << 8) | payload[offset + 4];
                    return CommandRejection.Accepted;
                case (int)CommandCode.Config:
                    command.Code = CommandCode.Config;
                    return DecodeSettings(payload, offset, length, command);
                default:
                    return CommandRejection.UnknownCommand;
            }
        }

        /// <summary>Encodes report-now at <paramref name="offset"/>; returns the length.</summary>
        public static int EncodeReport(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)CommandCode.Report;
            return 1;
        }

        /// <summary>Encodes history-since at <paramref name="offset"/>; returns the length.</summary>
        public static int EncodeHistory(long sinceSequence, byte[] buffer, int offset)
        {
            if (sinceSequence < 0 || sinceSequence > 0xFFFFFFFFL)
            {
                throw new System.ArgumentOutOfRangeException("sinceSequence", "32 bits");
            }

            buffer[offset] = (byte)CommandCode.History;
            buffer[offset + 1] = (byte)(sinceSequence >> 24);
            buffer[offset + 2] = (byte)(sinceSequence >> 16);
            buffer[offset + 3] = (byte)(sinceSequence >> 8);
            buffer[offset + 4] = (byte)sinceSequence;
            return 5;
        }

        /// <summary>
        /// Encodes set-configuration with the first <paramref name="count"/> ids and values, as given (so tests can
        /// encode invalid ones); returns the length.
        /// </summary>
        public static int EncodeConfig(int[] ids, int[] values, int count, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)CommandCode.Config;
            int at = offset + 1;
            for (int i = 0; i < count; i++)
            {
                buffer[at] = (byte)ids[i];
                buffer[at + 1] = (byte)(values[i] >> 16);
                buffer[at + 2] = (byte)(values[i] >> 8);
                buffer[at + 3] = (byte)values[i];
                at += SettingLength;
            }

            return at - offset;
        }

        /// <summary>Encodes the answer to a command (uplink FPort 3); returns its length.</summary>
        public static int EncodeAnswer(int receivedCode, CommandRejection status, int offendingSetting, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)receivedCode;
            buffer[offset + 1] = (byte)status;
            buffer[offset + 2] = (byte)offendingSetting;
            return AnswerLength;
        }

        private static CommandRejection DecodeSettings(byte[] payload, int offset, int length, DownlinkCommand command)
        {
            int settings = (length - 1) / SettingLength;
            if ((length - 1) % SettingLength != 0 || settings < 1 || settings > DownlinkCommand.MaxSettings)
            {
                return CommandRejection.WrongLength;
            }

            for (int i = 0; i < settings; i++)
            {
                int at = offset + 1 + i * SettingLength;
                int id = payload[at];
                int value = (payload[at + 1] << 16) | (payload[at + 2] << 8) | payload[at + 3];
                if (RemoteSetting.Minimum(id) < 0)
                {
                    return Reject(command, id, CommandRejection.UnknownSetting);
                }

                for (int k = 0; k < i; k++)
                {
                    if (command.SettingIds[k] == id)
                    {
                        return Reject(command, id, CommandRejection.RepeatedSetting);
                    }
                }

                if (value < RemoteSetting.Minimum(id) || value > RemoteSetting.Maximum(id))
                {
                    return Reject(command, id, CommandRejection.OutOfRange);
                }

                command.SettingIds[i] = id;
                command.SettingValues[i] = value;
                command.SettingCount = i + 1;
            }

            return CommandRejection.Accepted;
        }

        // All or nothing: a rejected command leaves no settings behind for anyone to apply by mistake.
        private static CommandRejection Reject(DownlinkCommand command, int setting, CommandRejection reason)
        {
            command.OffendingSetting = setting;
            command.SettingCount = 0;
            return reason;
        }
    }
}
