using System.Diagnostics;
using System.Text.Json.Nodes;
using OccupancySensor.Tests.NanoGate;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// Runs a node script of <c>Lorawan/Peers</c> (copied next to the test assembly) with one JSON request on stdin and
/// returns its JSON answer: the independent peers (lora-packet, js-yaml, acorn) judge what the C# side produced.
/// The npm packages come from OCCUPANCY_TEST_PEERS (set by ./test.sh) or the repository's tests/peers/node_modules.
/// A missing node or missing packages fail the test with what to install, never skip it.
/// </summary>
internal static class NodePeer
{
    public static string ModulesDirectory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("OCCUPANCY_TEST_PEERS");
            var folder = string.IsNullOrEmpty(fromEnvironment)
                ? Path.Combine(RepositoryCopy.RepositoryRoot, "tests", "peers", "node_modules")
                : fromEnvironment;
            if (!Directory.Exists(Path.Combine(folder, "lora-packet")))
            {
                throw new InvalidOperationException(
                    "the npm test peers are missing in " + folder + ": run 'cd tests/peers && npm ci' (or ./test.sh)");
            }

            return folder;
        }
    }

    public static JsonNode Run(string script, JsonObject request)
    {
        var scriptPath = Path.Combine(AppContext.BaseDirectory, "Lorawan", "Peers", script);
        if (!File.Exists(scriptPath))
        {
            throw new InvalidOperationException("peer script not copied to the test output: " + scriptPath);
        }

        var start = new ProcessStartInfo("node", new[] { scriptPath })
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OCCUPANCY_TEST_PEERS"] = ModulesDirectory;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "node is not installed or not on PATH (Debian: apt-get install nodejs npm): " + e.Message, e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(request.ToJsonString());
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("node " + script + " failed (exit " + process.ExitCode + "): " + stderr.Result);
            }

            return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException("node " + script + " printed nothing");
        }
    }
}
