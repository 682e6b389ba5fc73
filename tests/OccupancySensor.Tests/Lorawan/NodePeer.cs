using System.Diagnostics;
using System.Text.Json.Nodes;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// Runs a node script of <c>Lorawan/Peers</c> (copied next to the test assembly) with one JSON request on stdin and
/// returns its JSON answer: the independent peers (lora-packet, js-yaml, acorn) judge what the C# side produced.
/// Node and the npm packages come as <see cref="TestPeers"/> says.
/// </summary>
internal static class NodePeer
{
    // A peer answers in well under a second; a busy CI machine gets a generous margin.
    private static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(60);

    public static JsonNode Run(string script, JsonObject request)
    {
        var scriptPath = Path.Combine(AppContext.BaseDirectory, "Lorawan", "Peers", script);
        if (!File.Exists(scriptPath))
        {
            throw new InvalidOperationException("peer script not copied to the test output: " + scriptPath);
        }

        // lora-packet stands for all three: 'npm ci' installs them together.
        var start = TestPeers.NodeScript(scriptPath, "lora-packet");
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        // A peer that hangs fails its test instead of hanging the whole run.
        if (!process.WaitForExit(PeerTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException("node " + script + " gave no answer within " + PeerTimeout.TotalSeconds + " s: " + stderr.Result);
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("node " + script + " failed (exit " + process.ExitCode + "): " + stderr.Result);
        }

        return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException("node " + script + " printed nothing");
    }
}
