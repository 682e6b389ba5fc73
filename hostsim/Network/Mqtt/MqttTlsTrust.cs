using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OccupancySensor.HostSim.Network.Mqtt;

/// <summary>
/// The TLS settings of a connection: the pinned CA as the only trust root (X509ChainTrustMode.CustomRootTrust, so a
/// certificate from any other CA, even one the machine trusts, fails), the broker's name, and the client certificate.
/// Certificates are loaded once, when the transport is created, so a missing or broken file is a clear error then.
/// </summary>
public sealed class MqttTlsTrust
{
    private readonly X509Certificate2Collection _roots;
    private readonly X509Certificate2? _clientCertificate;
    private readonly string _serverName;

    public MqttTlsTrust(MqttOptions options)
    {
        _serverName = options.TlsServerName ?? options.Host;
        _roots = new X509Certificate2Collection();
        try
        {
            _roots.ImportFromPemFile(options.CaCertificateFile!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException("cannot read the CA certificate file " + options.CaCertificateFile + ": " + e.Message, e);
        }

        if (_roots.Count == 0)
        {
            throw new ArgumentException("no PEM certificate in the CA certificate file " + options.CaCertificateFile);
        }

        if (options.ClientCertificateFile != null)
        {
            try
            {
                _clientCertificate = X509Certificate2.CreateFromPemFile(options.ClientCertificateFile, options.ClientKeyFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new ArgumentException(
                    "cannot load the client certificate " + options.ClientCertificateFile + " with key " + options.ClientKeyFile + ": " + e.Message, e);
            }
        }
    }

    public SslClientAuthenticationOptions ClientOptions()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,

            // A private CA for a building's broker publishes no CRL or OCSP responder; an online check would fail
            // (or stall for the fetch timeout) on every connect. Trust rests on the pinned root alone.
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(_roots);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = _serverName,
            CertificateChainPolicy = policy,
        };
        if (_clientCertificate != null)
        {
            options.ClientCertificates = new X509CertificateCollection { _clientCertificate };
        }

        return options;
    }
}
