using System.Diagnostics;
using OccupancySensor.HostSim.Replay;

namespace OccupancySensor.HostSim.Cli;

/// <summary>
/// <c>replay FRAMES.csv --trace TRACE.csv [--size WxH] [--door x=K[,in=-] | --door y=K[,in=-]]
/// [--calibration EMPTY.csv] [--set NAME=VALUE ...]</c>: runs a recording through the engine and writes the trace.
/// </summary>
public static class ReplayCommand
{
    public const string Usage =
        "usage: hostsim replay FRAMES.csv --trace TRACE.csv [--size WxH] [--door x=K[,in=-] | --door y=K[,in=-]]\n" +
        "                      [--calibration EMPTY.csv] [--set NAME=VALUE ...]";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? framesPath = null;
        string? tracePath = null;
        var options = new ReplayOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                output.WriteLine(Usage);
                return 0;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    return Fail(error, $"{arg} needs a value");
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--trace":
                        tracePath = value;
                        break;
                    case "--size":
                        options.Size = FrameSize.Parse(value);
                        if (options.Size == null)
                        {
                            return Fail(error, $"--size must be WxH from 1x1 to 32x32 (got '{value}')");
                        }

                        break;
                    case "--door":
                        options.Door = value;
                        break;
                    case "--calibration":
                        options.CalibrationPath = value;
                        break;
                    case "--set":
                        var equals = value.IndexOf('=');
                        var problem = equals <= 0
                            ? $"--set needs NAME=VALUE (got '{value}')"
                            : options.Settings.TrySet(value[..equals].Trim(), value[(equals + 1)..].Trim());
                        if (problem != null)
                        {
                            return Fail(error, "--set: " + problem);
                        }

                        break;
                    default:
                        return Fail(error, $"unknown option '{arg}'");
                }
            }
            else if (framesPath == null)
            {
                framesPath = arg;
            }
            else
            {
                return Fail(error, $"unexpected argument '{arg}'");
            }
        }

        if (framesPath == null)
        {
            return Fail(error, "give the recording (FRAMES.csv)");
        }

        if (tracePath == null)
        {
            return Fail(error, "give the trace file (--trace TRACE.csv)");
        }

        var settingsProblem = options.Settings.Validate();
        if (settingsProblem != null)
        {
            return Fail(error, "--set: " + settingsProblem);
        }

        foreach (var input in new[] { framesPath, options.CalibrationPath })
        {
            if (input != null && !File.Exists(input))
            {
                error.WriteLine($"hostsim replay: {input}: no such file");
                return 1;
            }
        }

        var watch = Stopwatch.StartNew();
        var temporary = tracePath + ".partial";
        try
        {
            ReplaySummary summary;
            using (var frames = new StreamReader(framesPath))
            using (var calibration = options.CalibrationPath == null ? null : new StreamReader(options.CalibrationPath))
            using (var trace = new StreamWriter(temporary))
            {
                summary = ReplaySession.Run(frames, framesPath, calibration, options.CalibrationPath, options, trace);
            }

            // The trace appears only when the whole recording was good: a half trace is worse than none.
            File.Move(temporary, tracePath, overwrite: true);
            watch.Stop();
            output.WriteLine(
                $"replayed {summary.Frames} frames ({summary.Size}) in {watch.Elapsed.TotalSeconds:F2} s" +
                (summary.CalibrationFrames > 0 ? $" after {summary.CalibrationFrames} calibration frames" : ", learning the scene from the recording") +
                $"; in {summary.In}, out {summary.Out}; occupied in {summary.OccupiedFrames} frames; most people {summary.PeakCount}; " +
                $"noise {summary.NoiseCelsius:F2} °C; engine {summary.EngineBytes} bytes; trace {tracePath}");
            return 0;
        }
        catch (RecordingFormatException e)
        {
            File.Delete(temporary);
            error.WriteLine($"hostsim replay: {e.Message}");
            return 1;
        }
        catch (ArgumentException e)
        {
            File.Delete(temporary);
            return Fail(error, e.Message);
        }
        catch (IOException e)
        {
            File.Delete(temporary);
            error.WriteLine($"hostsim replay: {e.Message}");
            return 1;
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"hostsim replay: {message}");
        error.WriteLine(Usage);
        return 2;
    }
}
