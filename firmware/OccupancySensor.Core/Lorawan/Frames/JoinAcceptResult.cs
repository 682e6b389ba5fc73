namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>What became of a frame offered to <see cref="JoinAcceptReader"/>.</summary>
    public enum JoinAcceptResult
    {
        /// <summary>A valid join accept: fields read, session keys derived.</summary>
        Accepted = 0,

        /// <summary>Neither 17 nor 33 bytes.</summary>
        WrongLength = 1,

        /// <summary>Not a join accept, or not LoRaWAN R1.</summary>
        NotJoinAccept = 2,

        /// <summary>The MIC does not match: corrupted, forged, or for another device's AppKey.</summary>
        BadMic = 3,

        /// <summary>DLSettings has the OptNeg bit (a LoRaWAN 1.1 network): this 1.0.x device cannot use those keys.</summary>
        UnsupportedVersion = 4,
    }
}
