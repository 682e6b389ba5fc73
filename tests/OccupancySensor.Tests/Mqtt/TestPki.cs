using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>
/// Certificates made with openssl for one test run: a test CA, a broker certificate it signs (subjectAltName
/// IP:127.0.0.1 and DNS:localhost, so the client's name check passes for either), a client certificate it signs
/// (extendedKeyUsage clientAuth, for mutual TLS), and a second, unrelated CA: pinned instead of the first, it must
/// make the client reject the broker. Keys are RSA 2048 as a real deployment's are.
/// <para>
/// Files are world-readable in a world-readable directory: mosquitto started as root drops to the user
/// "mosquitto" before it reads its keys. They are throw-away test keys.
/// </para>
/// </summary>
internal sealed class TestPki
{
    private static readonly Lazy<TestPki> SharedInstance = new(() => new TestPki(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _openssl;

    private TestPki()
    {
        _openssl = ExternalTool.Require("openssl", "openssl");
        Directory = System.IO.Directory.CreateTempSubdirectory("occupancy-mqtt-pki-").FullName;
        MakeReadableByAll(Directory, isDirectory: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Directory);

        MakeCa("ca", "Occupancy Test CA");
        MakeSigned("server", "ca", "/CN=localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        MakeSigned("client", "ca", "/CN=sensor-unit-7", "extendedKeyUsage=clientAuth\n");
        MakeCa("other-ca", "Unrelated Test CA");
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            MakeReadableByAll(file, isDirectory: false);
        }
    }

    /// <summary>The certificates of this test run, made on first use.</summary>
    public static TestPki Shared => SharedInstance.Value;

    public string Directory { get; }

    public string CaCertificate => PathOf("ca.crt");

    public string ServerCertificate => PathOf("server.crt");

    public string ServerKey => PathOf("server.key");

    public string ClientCertificate => PathOf("client.crt");

    public string ClientKey => PathOf("client.key");

    /// <summary>The common name of the client certificate, which mosquitto takes as the user name (use_identity_as_username).</summary>
    public string ClientCommonName => "sensor-unit-7";

    public string OtherCaCertificate => PathOf("other-ca.crt");

    public string PathOf(string file) => Path.Combine(Directory, file);

    private static void MakeReadableByAll(string path, bool isDirectory) => FileModes.Set(path, isDirectory ? "755" : "644");

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory; nothing depends on it.
        }
    }

    private void MakeCa(string name, string commonName)
    {
        OpenSsl(
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
            "-keyout", PathOf(name + ".key"), "-out", PathOf(name + ".crt"),
            "-subj", "/CN=" + commonName,
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void MakeSigned(string name, string ca, string subject, string extensions)
    {
        File.WriteAllText(PathOf(name + ".ext"), "basicConstraints=CA:FALSE\n" + extensions);
        OpenSsl(
            "req", "-newkey", "rsa:2048", "-nodes", "-sha256",
            "-keyout", PathOf(name + ".key"), "-out", PathOf(name + ".csr"), "-subj", subject);
        OpenSsl(
            "x509", "-req", "-in", PathOf(name + ".csr"), "-sha256", "-days", "2",
            "-CA", PathOf(ca + ".crt"), "-CAkey", PathOf(ca + ".key"), "-CAcreateserial",
            "-extfile", PathOf(name + ".ext"), "-out", PathOf(name + ".crt"));
    }

    private void OpenSsl(params string[] arguments) => ExternalTool.Run(_openssl, arguments, TimeSpan.FromSeconds(60), Directory);
}
