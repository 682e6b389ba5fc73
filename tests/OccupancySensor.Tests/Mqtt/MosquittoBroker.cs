using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// A real mosquitto broker for one test, on 127.0.0.1 only, with three listeners on free ports: plain MQTT
/// (anonymous), TLS with the test CA's broker certificate (anonymous), and mutual TLS (a client certificate signed
/// by the test CA is required and its common name becomes the user name). Persistence is on, with the database in
/// the broker's own temp directory, so <see cref="Stop"/> (SIGTERM: mosquitto saves before exiting) and
/// <see cref="Start"/> on the same ports keep persistent sessions and their queued QoS 1 messages, as a broker
/// restart in a building would. Dispose kills the process and deletes the directory.
/// </summary>
internal sealed class MosquittoBroker : IDisposable
{
    private const int SigTerm = 15;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    private readonly string _executable;
    private readonly string _directory;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public MosquittoBroker(TestPki pki)
    {
        _executable = ExternalTool.Require("mosquitto", "mosquitto mosquitto-clients");
        Pki = pki;
        _directory = Directory.CreateTempSubdirectory("occupancy-mosquitto-").FullName;

        // Run as root, mosquitto switches to the user "mosquitto" before it opens its files, so the directory must
        // be readable and the persistence directory writable by that user.
        FileModes.Set(_directory, "755");
        var data = Path.Combine(_directory, "data");
        Directory.CreateDirectory(data);
        FileModes.Set(data, "777");

        var ports = LoopbackPort.Free(3);
        PlainPort = ports[0];
        TlsPort = ports[1];
        MutualTlsPort = ports[2];
        ConfigFile = Path.Combine(_directory, "mosquitto.conf");
        File.WriteAllText(ConfigFile, Configuration(data));
        FileModes.Set(ConfigFile, "644");
        Start();
    }

    public TestPki Pki { get; }

    public int PlainPort { get; }

    public int TlsPort { get; }

    public int MutualTlsPort { get; }

    /// <summary>The port of <paramref name="listener"/>.</summary>
    public int PortOf(BrokerListener listener) => listener switch
    {
        BrokerListener.Tls => TlsPort,
        BrokerListener.MutualTls => MutualTlsPort,
        _ => PlainPort,
    };

    public string ConfigFile { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What mosquitto wrote to stderr so far (its log), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts mosquitto with the config file and returns once all three listeners accept connections.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("mosquitto is already running");
        }

        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigFile);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + _executable);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { PlainPort, TlsPort, MutualTlsPort })
        {
            while (!Accepts(port))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("mosquitto exited with " + process.ExitCode + " on start:\n" + Log);
                }

                if (deadline.Elapsed > StartLimit)
                {
                    throw new InvalidOperationException("mosquitto did not listen on port " + port + " within " + StartLimit + ":\n" + Log);
                }

                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Stops mosquitto with SIGTERM, on which it saves its persistence database, and waits for it to exit.</summary>
    public void Stop()
    {
        var process = _process ?? throw new InvalidOperationException("mosquitto is not running");
        if (kill(process.Id, SigTerm) != 0 && !process.HasExited)
        {
            throw new InvalidOperationException("kill(SIGTERM) failed with errno " + Marshal.GetLastPInvokeError());
        }

        if (!process.WaitForExit(StopLimit))
        {
            process.Kill();
            throw new InvalidOperationException("mosquitto did not exit within " + StopLimit + " of SIGTERM:\n" + Log);
        }

        process.WaitForExit();
        process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process != null)
        {
            try
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            _process.Dispose();
            _process = null;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory.
        }
    }

    private static bool Accepts(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>
    /// The mosquitto 2.0 configuration. per_listener_settings is off, so allow_anonymous applies to every
    /// listener; on the mutual-TLS listener the certificate is the identity. No websockets listener (2.0.11 ignores
    /// its bind address) and no pid_file (written after dropping root). max_queued_messages is raised from its
    /// default of 1,000: when the broker comes back, 20 units flush their backlogs (thousands of readings) within a
    /// second or two, before a consumer's persistent session has reconnected, and the default queue would drop the
    /// excess (a broker setting every deployment with store-and-forward units needs; see README).
    /// </summary>
    private string Configuration(string dataDirectory) =>
        string.Join(
            '\n',
            "per_listener_settings false",
            "allow_anonymous true",
            "persistence true",
            "persistence_location " + dataDirectory + "/",
            "persistence_file mosquitto.db",
            "max_queued_messages 100000",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_type information",
            string.Empty,
            "listener " + PlainPort + " 127.0.0.1",
            string.Empty,
            "listener " + TlsPort + " 127.0.0.1",
            "cafile " + Pki.CaCertificate,
            "certfile " + Pki.ServerCertificate,
            "keyfile " + Pki.ServerKey,
            string.Empty,
            "listener " + MutualTlsPort + " 127.0.0.1",
            "cafile " + Pki.CaCertificate,
            "certfile " + Pki.ServerCertificate,
            "keyfile " + Pki.ServerKey,
            "require_certificate true",
            "use_identity_as_username true",
            string.Empty);
}
