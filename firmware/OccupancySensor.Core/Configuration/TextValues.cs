namespace OccupancySensor.Configuration
{
    /// <summary>
    /// Culture-free parsing of configuration and command values. Written out here rather than using int.Parse or
    /// float.Parse because their overloads and culture handling differ between nanoFramework and desktop .NET,
    /// and a unit must read the same file the same way everywhere.
    /// </summary>
    public static class TextValues
    {
        /// <summary>Parses an optionally signed decimal integer, or a 0x-prefixed hexadecimal one.</summary>
        public static bool TryParseInt(string text, out int value)
        {
            value = 0;
            if (text == null || text.Length == 0)
            {
                return false;
            }

            if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            {
                long hex = 0;
                for (int i = 2; i < text.Length; i++)
                {
                    int digit = HexDigit(text[i]);
                    if (digit < 0 || i > 9)
                    {
                        return false;
                    }

                    hex = (hex << 4) | (long)digit;
                }

                if (hex > int.MaxValue)
                {
                    return false;
                }

                value = (int)hex;
                return true;
            }

            int start = text[0] == '-' || text[0] == '+' ? 1 : 0;
            if (start == text.Length)
            {
                return false;
            }

            long result = 0;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                result = (result * 10) + (c - '0');
                if (result > 2147483648L)
                {
                    return false;
                }
            }

            if (text[0] == '-')
            {
                result = -result;
            }

            if (result > int.MaxValue || result < int.MinValue)
            {
                return false;
            }

            value = (int)result;
            return true;
        }

        /// <summary>Parses a decimal number such as 1, -0.5 or 2.25 (no exponent, '.' as the separator).</summary>
        public static bool TryParseFloat(string text, out float value)
        {
            value = 0f;
            if (text == null || text.Length == 0)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (text[0] == '-' || text[0] == '+')
            {
                negative = text[0] == '-';
                i = 1;
            }

            double whole = 0;
            double scale = 0;
            int digits = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '.' && scale == 0)
                {
                    scale = 1;
                    continue;
                }

                if (c < '0' || c > '9' || digits >= 15)
                {
                    return false;
                }

                digits++;
                whole = (whole * 10) + (c - '0');
                if (scale != 0)
                {
                    scale *= 10;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            double result = scale != 0 ? whole / scale : whole;
            value = (float)(negative ? -result : result);
            return true;
        }

        /// <summary>Parses true/false, yes/no, on/off or 1/0.</summary>
        public static bool TryParseBool(string text, out bool value)
        {
            value = false;
            switch (text)
            {
                case "true":
                case "yes":
                case "on":
                case "1":
                    value = true;
                    return true;
                case "false":
                case "no":
                case "off":
                case "0":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether <paramref name="text"/> is exactly <paramref name="digits"/> hexadecimal digits.</summary>
        public static bool IsHex(string text, int digits)
        {
            if (text == null || text.Length != digits)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (HexDigit(text[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The bytes of a hexadecimal string, first digit pair first (EUIs and keys as printed); null when it is not an
        /// even number of hexadecimal digits.
        /// </summary>
        public static byte[] HexBytes(string text)
        {
            if (text == null || text.Length % 2 != 0 || !IsHex(text, text.Length))
            {
                return null;
            }

            byte[] bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((HexDigit(text[2 * i]) << 4) | HexDigit(text[(2 * i) + 1]));
            }

            return bytes;
        }

        /// <summary>
        /// Whether <paramref name="text"/> is a usable id or tag: 1 to <paramref name="maxLength"/> characters of
        /// letters, digits, '-', '_' and '.', safe in MQTT topics and file names.
        /// </summary>
        public static bool IsIdentifier(string text, int maxLength)
        {
            if (text == null || text.Length == 0 || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        internal static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
