namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: in and out totals at the door line and the people in the area behind it (in minus out). The area
    /// count never goes below zero: an "out" of someone who came in before start-up is not a debt. When the
    /// view covers the area and shows it empty, the count is zeroed, so counting errors cannot pile up over days.
    /// Both corrections are counted, so in - out = people + corrections is always true.
    /// </summary>
    public sealed class DoorCounter
    {
        /// <summary>People who came in.</summary>
        public int In { get; private set; }

        /// <summary>People who went out.</summary>
        public int Out { get; private set; }

        /// <summary>People in the area now.</summary>
        public int People { get; private set; }

        /// <summary>Outs that would have taken the count below zero.</summary>
        public int ClampedOuts { get; private set; }

        /// <summary>People removed from the count because the area was seen empty.</summary>
        public int Zeroed { get; private set; }

        /// <summary>Adds the crossings of one frame (ins first: people pass each other in a doorway).</summary>
        public void Add(int newIn, int newOut)
        {
            In += newIn;
            Out += newOut;
            People += newIn;
            People -= newOut;
            if (People < 0)
            {
                ClampedOuts -= People;
                People = 0;
            }
        }

        /// <summary>The area was seen empty: nobody is in it, whatever the totals say.</summary>
        public void AreaSeenEmpty()
        {
            Zeroed += People;
            People = 0;
        }

        /// <summary>Starts again from zero.</summary>
        public void Reset()
        {
            In = 0;
            Out = 0;
            People = 0;
            ClampedOuts = 0;
            Zeroed = 0;
        }
    }
}
