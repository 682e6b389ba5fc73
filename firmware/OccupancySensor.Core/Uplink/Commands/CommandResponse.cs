using System.Text;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// The JSON answers on the unit's response topic (README, "Commands"): {"id", "ok": true, ...} or
    /// {"id", "ok": false, "error"}. Text from the request is escaped, so a hostile id cannot break the JSON.
    /// </summary>
    public static class CommandResponse
    {
        /// <summary>A refusal: nothing was changed.</summary>
        public static string Error(string id, string error)
        {
            return "{\"id\":" + Quote(id) + ",\"ok\":false,\"error\":" + Quote(error) + "}";
        }

        /// <summary>Success of <paramref name="command"/>, with <paramref name="fields"/> (",\"k\":v" pairs or empty).</summary>
        public static string Done(string id, string command, string fields)
        {
            return "{\"id\":" + Quote(id) + ",\"ok\":true,\"cmd\":" + Quote(command) + fields + "}";
        }

        /// <summary>A JSON string literal of <paramref name="text"/>.</summary>
        public static string Quote(string text)
        {
            StringBuilder json = new StringBuilder(text.Length + 2);
            json.Append('"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '"':
                        json.Append("\\\"");
                        break;
                    case '\\':
                        json.Append("\\\\");
                        break;
                    case '\n':
                        json.Append("\\n");
                        break;
                    case '\r':
                        json.Append("\\r");
                        break;
                    case '\t':
                        json.Append("\\t");
                        break;
                    default:
                        if (c < ' ')
                        {
                            json.Append("\\u00");
                            json.Append(HexDigit(c >> 4));
                            json.Append(HexDigit(c & 0xF));
                        }
                        else
                        {
                            json.Append(c);
                        }

                        break;
                }
            }

            json.Append('"');
            return json.ToString();
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
        }
    }
}
