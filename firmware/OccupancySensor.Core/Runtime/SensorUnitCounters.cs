namespace OccupancySensor.Runtime
{
    /// <summary>What the loop has done since start: for health reports, tests and the simulator's report.</summary>
    public sealed class SensorUnitCounters
    {
        /// <summary>Thermal frames read and processed.</summary>
        public int FramesProcessed { get; internal set; }

        /// <summary>Thermal reads that failed (each is a recorded fault).</summary>
        public int FrameFaults { get; internal set; }

        /// <summary>Ambient readings taken.</summary>
        public int AmbientReadings { get; internal set; }

        /// <summary>Ambient reads that failed.</summary>
        public int AmbientFaults { get; internal set; }

        /// <summary>PIR rising edges handled.</summary>
        public int MotionEvents { get; internal set; }

        /// <summary>Readings handed to the sink.</summary>
        public int ReadingsProduced { get; internal set; }

        /// <summary>Times a failed sensor came back.</summary>
        public int Recoveries { get; internal set; }
    }
}
