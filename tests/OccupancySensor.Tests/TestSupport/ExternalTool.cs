using System.Diagnostics;

namespace OccupancySensor.Tests.TestSupport;

/// <summary>
/// Finds and runs the command-line tools the tests check against (mosquitto, its clients, openssl, node). A missing
/// tool fails the test with the package to install: these tests prove behaviour against the real tools and are never
/// skipped.
/// </summary>
internal static class ExternalTool
{
    // mosquitto lives in /usr/sbin on Debian, which is not on every user's PATH.
    private static readonly string[] ExtraDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    /// <summary>The full path of <paramref name="name"/>; throws naming <paramref name="package"/> when it is not installed.</summary>
    public static string Require(string name, string package)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator).Concat(ExtraDirectories))
        {
            if (directory.Length == 0)
            {
                continue;
            }

            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "'" + name + "' is not installed; the tests need the real tool. Install it with: "
            + "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y " + package + " (./test.sh does this)");
    }

    /// <summary>Runs a tool to completion; throws with its output when it fails or takes longer than <paramref name="timeout"/>.</summary>
    public static string Run(string tool, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var result = TryRun(tool, arguments, timeout, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                Path.GetFileName(tool) + " " + string.Join(' ', arguments) + " exited with " + result.ExitCode + ":\n" + result.Output + result.Error);
        }

        return result.Output;
    }

    /// <summary>Runs a tool to completion and returns its exit code and output; exit code -1 when it timed out and was killed.</summary>
    public static (int ExitCode, string Output, string Error) TryRun(string tool, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + tool);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result, error.Result);
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
