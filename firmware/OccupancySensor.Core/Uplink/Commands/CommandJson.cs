using System;
using System.Text;
using OccupancySensor.Configuration;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// Reads a command's JSON object, strictly: top-level keys "id" (string), "cmd" (string), "since" (integer) and
    /// "set" (an object of string, number or boolean values) and nothing else; no arrays, no deeper nesting, no
    /// repeated keys, nothing after the object. Anything else is refused with a reason, before any of it is used.
    /// Runs once per command, never per frame, so it may allocate.
    /// </summary>
    public sealed class CommandJson
    {
        private const int MaxIdLength = 64;
        private const int MaxTextLength = 256;

        private readonly string _text;
        private int _at;
        private string _error;

        private CommandJson(string text)
        {
            _text = text;
        }

        /// <summary>
        /// Reads <paramref name="payload"/>; the command, or null with the reason in <paramref name="error"/>.
        /// </summary>
        public static CommandMessage Read(byte[] payload, out string error)
        {
            string text;
            try
            {
                text = new string(Encoding.UTF8.GetChars(payload, 0, payload.Length));
            }
            catch (Exception)
            {
                error = "not UTF-8 text";
                return null;
            }

            CommandJson reader = new CommandJson(text);
            CommandMessage message = reader.ReadCommand();
            error = reader._error;
            return error == null ? message : null;
        }

        private CommandMessage ReadCommand()
        {
            CommandMessage message = new CommandMessage();
            bool seenId = false;
            bool seenCmd = false;
            if (!Expect('{', "a JSON object"))
            {
                return null;
            }

            SkipSpace();
            if (Peek() == '}')
            {
                _at++;
            }
            else
            {
                while (true)
                {
                    string key = ReadString();
                    if (key == null || !Expect(':', "':' after \"" + key + "\""))
                    {
                        return null;
                    }

                    SkipSpace();
                    if (key == "id")
                    {
                        if (seenId || !ReadIdentifierText(out string id, "id", MaxIdLength))
                        {
                            return Fail(seenId, key);
                        }

                        seenId = true;
                        message.Id = id;
                    }
                    else if (key == "cmd")
                    {
                        if (seenCmd || !ReadIdentifierText(out string name, "cmd", 16))
                        {
                            return Fail(seenCmd, key);
                        }

                        seenCmd = true;
                        message.Name = name;
                    }
                    else if (key == "since")
                    {
                        if (message.HasSince || !ReadWholeNumber(out long since))
                        {
                            return Fail(message.HasSince, key);
                        }

                        message.HasSince = true;
                        message.Since = since;
                    }
                    else if (key == "set")
                    {
                        if (message.HasSettings || !ReadSettings(message))
                        {
                            return Fail(message.HasSettings, key);
                        }

                        message.HasSettings = true;
                    }
                    else
                    {
                        _error = "unknown key \"" + key + "\" (id, cmd, since, set)";
                        return null;
                    }

                    SkipSpace();
                    char next = Peek();
                    _at++;
                    if (next == '}')
                    {
                        break;
                    }

                    if (next != ',')
                    {
                        _error = "expected ',' or '}' at character " + (_at - 1).ToString();
                        return null;
                    }

                    SkipSpace();
                }
            }

            SkipSpace();
            if (_at < _text.Length)
            {
                _error = "text after the JSON object";
                return null;
            }

            if (!seenCmd)
            {
                _error = "no \"cmd\"";
                return null;
            }

            return message;
        }

        private CommandMessage Fail(bool repeated, string key)
        {
            if (repeated)
            {
                _error = "\"" + key + "\" appears twice";
            }

            return null;
        }

        private bool ReadIdentifierText(out string value, string key, int maxLength)
        {
            if (Peek() != '"')
            {
                value = null;
                _error = "\"" + key + "\" must be a string";
                return false;
            }

            value = ReadString();
            if (value == null)
            {
                return false;
            }

            if (value.Length > maxLength)
            {
                _error = "\"" + key + "\" is longer than " + maxLength.ToString() + " characters";
                return false;
            }

            return true;
        }

        private bool ReadWholeNumber(out long value)
        {
            value = 0;
            int start = _at;
            string number = ReadNumberText();
            if (number == null || number.IndexOf('.') >= 0 || number.IndexOf('e') >= 0 || number.IndexOf('E') >= 0 ||
                number[0] == '-' || number.Length > 10)
            {
                _at = start;
                _error = "\"since\" must be a whole number from 0 to 4294967295";
                return false;
            }

            for (int i = 0; i < number.Length; i++)
            {
                value = (value * 10) + (number[i] - '0');
            }

            if (value > uint.MaxValue)
            {
                _error = "\"since\" must be a whole number from 0 to 4294967295";
                return false;
            }

            return true;
        }

        private bool ReadSettings(CommandMessage message)
        {
            if (!Expect('{', "\"set\" to be an object"))
            {
                return false;
            }

            SkipSpace();
            if (Peek() == '}')
            {
                _at++;
                return true;
            }

            while (true)
            {
                string key = ReadString();
                if (key == null || !Expect(':', "':' after \"" + key + "\""))
                {
                    return false;
                }

                SkipSpace();
                string value;
                char first = Peek();
                if (first == '"')
                {
                    value = ReadString();
                }
                else if (first == 't' || first == 'f')
                {
                    value = ReadWord();
                    if (value != "true" && value != "false")
                    {
                        _error = "the value of \"" + key + "\" is not a string, number or boolean";
                        return false;
                    }
                }
                else
                {
                    value = ReadNumberText();
                    if (value == null)
                    {
                        _error = "the value of \"" + key + "\" is not a string, number or boolean";
                        return false;
                    }
                }

                if (value == null)
                {
                    return false;
                }

                for (int i = 0; i < message.SettingCount; i++)
                {
                    if (message.SettingKey(i) == key)
                    {
                        _error = "\"" + key + "\" appears twice in \"set\"";
                        return false;
                    }
                }

                if (!message.AddSetting(key, value))
                {
                    _error = "more than " + CommandMessage.MaxSettings.ToString() + " settings";
                    return false;
                }

                SkipSpace();
                char next = Peek();
                _at++;
                if (next == '}')
                {
                    return true;
                }

                if (next != ',')
                {
                    _error = "expected ',' or '}' in \"set\"";
                    return false;
                }

                SkipSpace();
            }
        }

        // A JSON string; null (with _error) when there is none or it is malformed.
        private string ReadString()
        {
            SkipSpace();
            if (Peek() != '"')
            {
                _error = "expected a string at character " + _at.ToString();
                return null;
            }

            _at++;
            StringBuilder value = new StringBuilder();
            while (_at < _text.Length)
            {
                char c = _text[_at++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c < ' ')
                {
                    _error = "a control character in a string";
                    return null;
                }

                if (c == '\\')
                {
                    if (_at >= _text.Length)
                    {
                        break;
                    }

                    char escaped = _text[_at++];
                    switch (escaped)
                    {
                        case '"':
                        case '\\':
                        case '/':
                            value.Append(escaped);
                            break;
                        case 'n':
                            value.Append('\n');
                            break;
                        case 't':
                            value.Append('\t');
                            break;
                        case 'r':
                            value.Append('\r');
                            break;
                        case 'b':
                            value.Append('\b');
                            break;
                        case 'f':
                            value.Append('\f');
                            break;
                        case 'u':
                            int code;
                            if (!ReadHex4(out code))
                            {
                                _error = "a bad \\u escape";
                                return null;
                            }

                            value.Append((char)code);
                            break;
                        default:
                            _error = "a bad escape in a string";
                            return null;
                    }
                }
                else
                {
                    value.Append(c);
                }

                if (value.Length > MaxTextLength)
                {
                    _error = "a string longer than " + MaxTextLength.ToString() + " characters";
                    return null;
                }
            }

            _error = "a string that does not end";
            return null;
        }

        private bool ReadHex4(out int code)
        {
            code = 0;
            if (_at + 4 > _text.Length)
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                int digit = TextValues.HexDigit(_text[_at++]);
                if (digit < 0)
                {
                    return false;
                }

                code = (code * 16) + digit;
            }

            return true;
        }

        // The text of a JSON number (grammar checked), or null.
        private string ReadNumberText()
        {
            int start = _at;
            if (Peek() == '-')
            {
                _at++;
            }

            int digits = SkipDigits();
            if (digits == 0 || (digits > 1 && _text[_at - digits] == '0'))
            {
                _at = start;
                return null;
            }

            if (Peek() == '.')
            {
                _at++;
                if (SkipDigits() == 0)
                {
                    _at = start;
                    return null;
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _at++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _at++;
                }

                if (SkipDigits() == 0)
                {
                    _at = start;
                    return null;
                }
            }

            return _text.Substring(start, _at - start);
        }

        private int SkipDigits()
        {
            int count = 0;
            while (_at < _text.Length && _text[_at] >= '0' && _text[_at] <= '9')
            {
                _at++;
                count++;
            }

            return count;
        }

        private string ReadWord()
        {
            int start = _at;
            while (_at < _text.Length && _text[_at] >= 'a' && _text[_at] <= 'z')
            {
                _at++;
            }

            return _text.Substring(start, _at - start);
        }

        private bool Expect(char expected, string what)
        {
            SkipSpace();
            if (Peek() != expected)
            {
                _error = "expected " + what;
                return false;
            }

            _at++;
            return true;
        }

        private char Peek()
        {
            return _at < _text.Length ? _text[_at] : '\0';
        }

        private void SkipSpace()
        {
            while (_at < _text.Length && (_text[_at] == ' ' || _text[_at] == '\t' || _text[_at] == '\n' || _text[_at] == '\r'))
            {
                _at++;
            }
        }
    }
}
