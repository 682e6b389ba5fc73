using System.Globalization;
using OccupancySensor.Configuration;
using OccupancySensor.Processing;
using OccupancySensor.Readings;

namespace OccupancySensor.HostSim.Replay;

/// <summary>
/// Replays a recording through the real detection engine, frame by frame with the recording's own timestamps,
/// and writes the trace: <c>frame,t_s,occupied,count,in,out</c>, one row per input frame. The engine sees exactly
/// what it would see on a device: one preallocated frame refilled in place, no PIR (recordings have none).
/// </summary>
public sealed class ReplaySession
{
    public const string TraceHeader = "frame,t_s,occupied,count,in,out";

    private sealed class CountingSink : IReadingSink
    {
        public int Readings;

        public void Accept(Reading reading) => Readings++;
    }

    /// <summary>Replays <paramref name="frames"/>; the calibration (if any) is read from <paramref name="calibration"/>.</summary>
    public static ReplaySummary Run(TextReader frames, string framesName, TextReader? calibration, string? calibrationName,
        ReplayOptions options, TextWriter trace)
    {
        using var reader = new FramesCsvReader(frames, framesName, options.Size);
        var size = reader.Size;
        DoorLine door = DoorLine.None;
        if (options.Door != null)
        {
            door = DoorLine.Parse(options.Door, size.Width, size.Height, out var error)
                ?? throw new ArgumentException($"--door: {error}");
        }

        var zones = new[] { new ZoneConfiguration("view", 0, 0, size.Width, size.Height) };
        var engine = new DetectionEngine(size.Width, size.Height, zones, door, options.Settings);
        var calibrationFrames = 0;
        if (calibration != null)
        {
            using var empty = new FramesCsvReader(calibration, calibrationName ?? "calibration", size);
            while (empty.ReadNext())
            {
                engine.Calibrate(empty.Frame);
                calibrationFrames++;
            }

            if (calibrationFrames < 2)
            {
                throw new RecordingFormatException(calibrationName ?? "calibration", empty.FramesRead + 1,
                    "a calibration needs at least two frames of the empty scene");
            }
        }

        var sink = new CountingSink();
        trace.WriteLine(TraceHeader);
        var occupiedFrames = 0;
        var peakCount = 0;
        while (reader.ReadNext())
        {
            var frame = reader.Frame;
            engine.AcceptAmbient(reader.AmbientCelsius);
            engine.AcceptFrame(frame, sink);
            var occupied = engine.ViewOccupied;
            var count = engine.PeopleCount;
            occupiedFrames += occupied ? 1 : 0;
            peakCount = Math.Max(peakCount, count);
            trace.Write((reader.FramesRead - 1).ToString(CultureInfo.InvariantCulture));
            trace.Write(',');
            trace.Write(reader.TimeSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            trace.Write(occupied ? ",1," : ",0,");
            trace.Write(count.ToString(CultureInfo.InvariantCulture));
            trace.Write(',');
            trace.Write(engine.Door.In.ToString(CultureInfo.InvariantCulture));
            trace.Write(',');
            trace.WriteLine(engine.Door.Out.ToString(CultureInfo.InvariantCulture));
        }

        return new ReplaySummary(size, reader.FramesRead, calibrationFrames, engine.Door.In, engine.Door.Out,
            occupiedFrames, peakCount, engine.AllocatedBytes, engine.Background.Sigma, sink.Readings);
    }
}

/// <summary>What a replay found, for the console.</summary>
public sealed record ReplaySummary(FrameSize Size, int Frames, int CalibrationFrames, int In, int Out, int OccupiedFrames,
    int PeakCount, int EngineBytes, float NoiseCelsius, int Readings);
