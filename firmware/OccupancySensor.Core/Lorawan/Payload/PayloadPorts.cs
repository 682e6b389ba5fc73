namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>The FPorts of the application payload formats (Lorawan/README.md, "Payload").</summary>
    public static class PayloadPorts
    {
        /// <summary>Uplink: one or more reading records.</summary>
        public const int Readings = 1;

        /// <summary>Downlink: one command.</summary>
        public const int Commands = 2;

        /// <summary>Uplink: the answer to a command (accepted, or rejected with a reason).</summary>
        public const int CommandAnswers = 3;
    }
}
