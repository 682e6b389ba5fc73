using System.Diagnostics;
using System.Globalization;
using OccupancySensor.HostSim.Network;
using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.HostSim.Report;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.HostSim.Cli;

/// <summary>
/// <c>simulate [--scenario NAME|FILE.json] [--devices N] [--seed S] [--json] [--record DIR] [--threads N] [--until HH:MM]
/// [--mqtt HOST:PORT [--speed N] [--mqtt-ca FILE] [--mqtt-cert FILE --mqtt-key FILE]] [--lora-capture FILE]</c>: a
/// simulated floor through a day, every unit running the real firmware, and the report. With --mqtt the units publish
/// to a real broker, held to the wall clock at --speed times real time (1 by default). With --lora-capture the units
/// send over LoRaWAN (EU868, OTAA) to a simulated gateway and network server, and every packet on the channel is
/// written to FILE with the devices' keys (<see cref="LoraCaptureFile"/>); a "network" fault is a coverage loss. Exit codes: 0 done, 1 the scenario cannot be used, 2 bad
/// options.
/// </summary>
public static class SimulateCommand
{
    public const string Usage =
        "usage: hostsim simulate [--scenario NAME|FILE.json] [--devices N] [--seed S] [--json] [--record DIR] [--threads N] [--until HH:MM]\n" +
        "                        [--mqtt HOST:PORT [--speed N] [--mqtt-ca CA.pem] [--mqtt-cert CLIENT.crt --mqtt-key CLIENT.key]]\n" +
        "                        [--lora-capture FILE]  (LoRaWAN to a simulated gateway; every packet and the keys to FILE, JSON lines)";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var scenarioName = ScenarioCatalog.DefaultName;
        int? devices = null;
        var seed = 1;
        var json = false;
        string? record = null;
        var threads = 0;
        string? until = null;
        string? mqtt = null;
        string? mqttCa = null, mqttCert = null, mqttKey = null;
        double? speed = null;
        string? loraCapture = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                output.WriteLine(Usage);
                output.WriteLine("scenarios: " + string.Join(", ", ScenarioCatalog.Names));
                return 0;
            }

            if (arg == "--json")
            {
                json = true;
                continue;
            }

            if (i + 1 >= args.Length || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail(error, arg.StartsWith("--", StringComparison.Ordinal) ? $"{arg} needs a value" : $"unexpected argument '{arg}'");
            }

            var value = args[++i];
            switch (arg)
            {
                case "--scenario":
                    scenarioName = value;
                    break;
                case "--devices" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 200:
                    devices = n;
                    break;
                case "--devices":
                    return Fail(error, $"--devices must be a whole number from 1 to 200 (got '{value}')");
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--seed":
                    return Fail(error, $"--seed must be an integer (got '{value}')");
                case "--record":
                    record = value;
                    break;
                case "--threads" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 64:
                    threads = t;
                    break;
                case "--threads":
                    return Fail(error, $"--threads must be 1-64 (got '{value}')");
                case "--until":
                    until = value;
                    break;
                case "--mqtt":
                    mqtt = value;
                    break;
                case "--mqtt-ca":
                    mqttCa = value;
                    break;
                case "--mqtt-cert":
                    mqttCert = value;
                    break;
                case "--mqtt-key":
                    mqttKey = value;
                    break;
                case "--lora-capture":
                    loraCapture = value;
                    break;
                case "--speed" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= RealTimePacing.MinSpeed && x <= RealTimePacing.MaxSpeed:
                    speed = x;
                    break;
                case "--speed":
                    return Fail(error, $"--speed must be a number from {RealTimePacing.MinSpeed} to {RealTimePacing.MaxSpeed} (got '{value}')");
                default:
                    return Fail(error, $"unknown option '{arg}'");
            }
        }

        if (loraCapture is not null && mqtt is not null)
        {
            return Fail(error, "--lora-capture and --mqtt choose different uplinks: give one");
        }

        BrokerSettings? broker = null;
        if (mqtt is null)
        {
            if (speed is not null || mqttCa is not null || mqttCert is not null || mqttKey is not null)
            {
                return Fail(error, "--speed and the --mqtt-* options go with --mqtt HOST:PORT");
            }
        }
        else
        {
            if (!BrokerSettings.TryParseEndpoint(mqtt, out var host, out var port, out var problem))
            {
                return Fail(error, problem);
            }

            if ((mqttCert is null) != (mqttKey is null) || (mqttCert is not null && mqttCa is null))
            {
                return Fail(error, "mutual TLS needs --mqtt-ca, --mqtt-cert and --mqtt-key together");
            }

            foreach (var file in new[] { mqttCa, mqttCert, mqttKey })
            {
                if (file is not null && !File.Exists(file))
                {
                    return Fail(error, $"no such file: {file}");
                }
            }

            broker = new BrokerSettings { Host = host, Port = port, CaFile = mqttCa, CertFile = mqttCert, KeyFile = mqttKey };
        }

        FloorSimulation simulation;
        var lora = loraCapture is null ? null : new LoraNetwork();
        try
        {
            var scenario = ScenarioCatalog.Load(scenarioName, out var name);
            if (until is not null)
            {
                scenario.End = until;
            }

            var world = FloorBuilder.Build(scenario, name, devices ?? scenario.Devices, seed);
            simulation = new FloorSimulation(world, record, broker is null ? null : broker.CreateLink, lora);
        }
        catch (ScenarioException e)
        {
            error.WriteLine("hostsim simulate: " + e.Message);
            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine($"hostsim simulate: cannot record to '{record}': {e.Message}");
            return 1;
        }

        var w = simulation.World;
        var status = json ? error : output;
        status.WriteLine($"Simulating '{w.ScenarioName}' (seed {seed}): {simulation.Units.Count} sensor units on floor {w.Scenario.Floor} of building {w.Scenario.Building}, " +
            $"{w.PeopleCount} people, {w.HeatSourceCount} heat sources, {TimeSpan.FromSeconds(w.Start):hh\\:mm} to {TimeSpan.FromSeconds(w.End):hh\\:mm}.");
        var pacing = broker is null ? null : new RealTimePacing(speed ?? 1, TimeSpan.FromMinutes(5));
        if (broker is not null)
        {
            status.WriteLine($"Publishing to mqtt{(broker.CaFile is null ? "" : "s")}://{broker.Host}:{broker.Port} at {pacing!.Speed:0.##}x real time " +
                $"(about {TimeSpan.FromSeconds((w.End - w.Start) / pacing.Speed):hh\\:mm\\:ss}).");
        }

        var watch = Stopwatch.StartNew();
        using (var progress = new ProgressBar(error, simulation.TotalSeconds, () => simulation.SecondsDone))
        {
            simulation.Run(threads, pacing);
        }

        if (broker is not null)
        {
            // An orderly goodbye: each unit's retained status becomes "offline".
            foreach (var unit in simulation.Units)
            {
                unit.Link.Close();
                (unit.Link as IDisposable)?.Dispose();
            }
        }

        watch.Stop();
        var hours = (w.End - w.Start) / 3600;
        status.WriteLine($"Simulated {hours:0.#} hours of {simulation.Units.Count} units in {watch.Elapsed.TotalSeconds:F1} s ({Environment.ProcessorCount} cores).");
        if (record is not null)
        {
            status.WriteLine($"Recorded each unit's frames, truth and configuration in {record} (replay format).");
        }

        if (lora is not null)
        {
            try
            {
                LoraCaptureFile.Write(loraCapture!, lora);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"hostsim simulate: cannot write the LoRa capture to '{loraCapture}': {e.Message}");
                return 1;
            }

            var uplinks = lora.Frames.Where(f => f.Uplink).ToList();
            status.WriteLine($"LoRaWAN: {uplinks.Count} uplinks ({uplinks.Count(f => f.Heard)} heard by the gateway), " +
                $"{uplinks.Sum(f => f.AirtimeMicroseconds) / 1e6:F1} s of airtime, {lora.Sessions.Count} joins; captured in {loraCapture}.");
        }

        var report = SimulationReport.Of(simulation);
        if (json)
        {
            output.WriteLine(report.ToJson());
        }
        else
        {
            output.WriteLine();
            report.PrintTable(output);
        }

        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("hostsim simulate: " + message);
        error.WriteLine(Usage);
        return 2;
    }
}
