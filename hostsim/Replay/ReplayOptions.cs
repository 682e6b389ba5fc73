using OccupancySensor.Processing;

namespace OccupancySensor.HostSim.Replay;

/// <summary>What a replay runs with: the frame size (null: from the pixel count), the door line, the calibration and engine settings.</summary>
public sealed class ReplayOptions
{
    public FrameSize? Size { get; set; }

    /// <summary>The door line as text (x=K[,in=-] or y=K[,in=-]), or null for none.</summary>
    public string? Door { get; set; }

    /// <summary>Frames of the empty scene to learn from first, or null to learn from the recording itself.</summary>
    public string? CalibrationPath { get; set; }

    /// <summary>Engine settings; the defaults unless changed with --set.</summary>
    public EngineSettings Settings { get; } = new();
}
