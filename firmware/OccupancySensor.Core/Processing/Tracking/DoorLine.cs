using OccupancySensor.Configuration;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Where people are counted in and out: a line across the view between two columns (<c>x=K</c>: between
    /// columns K-1 and K) or two rows (<c>y=K</c>). Crossing towards increasing column (or row) is "in";
    /// <c>in=-</c> reverses that. Written <c>x=4</c>, <c>x=4,in=-</c>, <c>y=2</c> or <c>none</c>.
    /// </summary>
    public sealed class DoorLine
    {
        private DoorLine(bool alongColumns, int index, bool reversed)
        {
            AlongColumns = alongColumns;
            Index = index;
            Reversed = reversed;
        }

        private static readonly DoorLine NoLine = new DoorLine(true, 0, false);

        /// <summary>No door line: nothing is counted in or out.</summary>
        public static DoorLine None
        {
            get { return NoLine; }
        }

        /// <summary>Whether a line is set.</summary>
        public bool IsSet
        {
            get { return Index > 0; }
        }

        /// <summary>True for a line between columns (people cross horizontally), false between rows.</summary>
        public bool AlongColumns { get; private set; }

        /// <summary>K: the line lies between column (or row) K-1 and K.</summary>
        public int Index { get; private set; }

        /// <summary>Whether "in" is towards decreasing column (or row).</summary>
        public bool Reversed { get; private set; }

        /// <summary>The line in centroid coordinates (pixel centres at 0, 1, 2 ...).</summary>
        public float Position
        {
            get { return Index - 0.5f; }
        }

        /// <summary>
        /// Reads a door line for a <paramref name="width"/> x <paramref name="height"/> view; returns null and
        /// sets <paramref name="error"/> when the text is not a door line inside the view.
        /// </summary>
        public static DoorLine Parse(string text, int width, int height, out string error)
        {
            error = null;
            if (text == "none")
            {
                return None;
            }

            string line = text;
            bool reversed = false;
            int comma = text.IndexOf(',');
            if (comma >= 0)
            {
                string option = text.Substring(comma + 1).Trim();
                if (option != "in=-" && option != "in=+")
                {
                    error = "door option must be in=- or in=+ (got '" + option + "')";
                    return null;
                }

                reversed = option == "in=-";
                line = text.Substring(0, comma).Trim();
            }

            if (line.Length < 3 || (line[0] != 'x' && line[0] != 'y') || line[1] != '=')
            {
                error = "door must be x=K or y=K (got '" + text + "')";
                return null;
            }

            bool alongColumns = line[0] == 'x';
            int limit = alongColumns ? width : height;
            int index;
            if (!TextValues.TryParseInt(line.Substring(2), out index) || index < 1 || index >= limit)
            {
                error = "door " + line[0] + "=K needs K from 1 to " + (limit - 1).ToString() + " for a " +
                        width.ToString() + "x" + height.ToString() + " view (got '" + line.Substring(2) + "')";
                return null;
            }

            return new DoorLine(alongColumns, index, reversed);
        }

        /// <summary>The text form, as accepted by <see cref="Parse"/>.</summary>
        public override string ToString()
        {
            if (!IsSet)
            {
                return "none";
            }

            return (AlongColumns ? "x=" : "y=") + Index.ToString() + (Reversed ? ",in=-" : string.Empty);
        }
    }
}
