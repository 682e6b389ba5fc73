namespace OccupancySensor.Lorawan.Frames
{
    /// <summary>What became of a received frame offered to <see cref="DownlinkFrameParser"/>.</summary>
    public enum DownlinkResult
    {
        /// <summary>A valid new downlink for this device: counter advanced, payload decrypted.</summary>
        Accepted = 0,

        /// <summary>Shorter than a data frame, or FOptsLen runs past the MIC.</summary>
        Malformed = 1,

        /// <summary>Not a data-down frame (an uplink heard from another device, a join accept outside a join, ...).</summary>
        NotDataDown = 2,

        /// <summary>A major version other than LoRaWAN R1.</summary>
        UnsupportedVersion = 3,

        /// <summary>For another device address.</summary>
        OtherDevice = 4,

        /// <summary>The MIC does not match: corrupted, forged, or another session's keys.</summary>
        BadMic = 5,

        /// <summary>A counter not above the last accepted one: a replay or a repeat.</summary>
        Replayed = 6,

        /// <summary>MAC commands both in FOpts and on port 0, which the specification forbids.</summary>
        OptionsWithPortZero = 7,

        /// <summary>No active session to check it with.</summary>
        NoSession = 8,
    }
}
