using OccupancySensor.Configuration;
using OccupancySensor.HostSim.World.Synthetic;
using OccupancySensor.Processing;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;

namespace OccupancySensor.Tests.Scenarios;

/// <summary>Runs a synthetic recording through the real engine and hands each frame's result to the test.</summary>
internal static class SyntheticReplay
{
    private sealed class DiscardingSink : IReadingSink
    {
        public void Accept(Reading reading)
        {
        }
    }

    public static DetectionEngine Run(SyntheticRecording recording, string? door, Action<int, DetectionEngine> afterFrame)
    {
        var doorLine = door == null ? DoorLine.None : DoorLine.Parse(door, recording.Width, recording.Height, out _)!;
        var zones = new[] { new ZoneConfiguration("view", 0, 0, recording.Width, recording.Height) };
        var engine = new DetectionEngine(recording.Width, recording.Height, zones, doorLine, new EngineSettings());
        var frame = new ThermalFrame(recording.Width, recording.Height);
        var sink = new DiscardingSink();
        for (var i = 0; i < recording.FrameCount; i++)
        {
            recording.Render(i, frame.Pixels);
            frame.TimestampMilliseconds = (long)Math.Round(recording.TimeOf(i) * 1000);
            engine.AcceptAmbient((float)recording.AmbientOf(i));
            engine.AcceptFrame(frame, sink);
            afterFrame(i, engine);
        }

        return engine;
    }

    public static double When(SyntheticRecording recording, string what) =>
        recording.Timeline.First(e => e.What == what).Seconds;
}
