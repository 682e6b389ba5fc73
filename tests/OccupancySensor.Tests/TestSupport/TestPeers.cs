using System.Diagnostics;

namespace OccupancySensor.Tests.TestSupport;

/// <summary>
/// The npm test peers (MQTT.js, lora-packet, js-yaml, acorn in tests/peers) and the node that runs them: the
/// independent implementations the tests judge the C# side by. The packages come from OCCUPANCY_TEST_PEERS (set by
/// ./test.sh) or else the checkout's tests/peers/node_modules. A missing node or package fails the test with what to
/// install, never skips it.
/// </summary>
internal static class TestPeers
{
    /// <summary>The variable naming the node_modules folder; the peer scripts read it too, to require() from there.</summary>
    public const string ModulesVariable = "OCCUPANCY_TEST_PEERS";

    /// <summary>tests/peers of this checkout (package.json and the peer scripts that are not copied to the output).</summary>
    public static string Directory => Repository.PathOf("tests", "peers");

    /// <summary>The node_modules folder to use; throws with how to install it when <paramref name="package"/> is not in it.</summary>
    public static string ModulesDirectory(string package)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ModulesVariable);
        var folder = string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(Directory, "node_modules") : fromEnvironment;
        if (!System.IO.Directory.Exists(Path.Combine(folder, package)))
        {
            var origin = string.IsNullOrEmpty(fromEnvironment) ? "the checkout's own, " + ModulesVariable + " being unset" : "named by " + ModulesVariable;
            throw new InvalidOperationException(
                "the npm test peer '" + package + "' is missing in " + folder + " (" + origin + "): "
                + "run 'cd tests/peers && npm ci' (./test.sh does this and sets " + ModulesVariable + ")");
        }

        return folder;
    }

    /// <summary>
    /// node set up to run <paramref name="script"/> with the peers' modules, stdout and stderr redirected; the caller
    /// adds the script's arguments (and stdin when it writes to it).
    /// </summary>
    public static ProcessStartInfo NodeScript(string script, string package)
    {
        var start = new ProcessStartInfo(ExternalTool.Require("node", "nodejs npm"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment[ModulesVariable] = ModulesDirectory(package);
        return start;
    }
}
