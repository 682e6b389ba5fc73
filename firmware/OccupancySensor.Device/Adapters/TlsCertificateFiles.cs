using System;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// The MQTT TLS certificates a technician deploys to the unit's flash next to the configuration (PEM text):
    /// <see cref="CaFile"/> is the only CA the unit trusts for its broker (pinned), <see cref="ClientCertificateFile"/>
    /// and <see cref="ClientKeyFile"/> its own certificate for mutual TLS. A file that is absent gives null, and
    /// M2Mqtt then uses what was deployed with nanoff --networkdeployment.
    /// </summary>
    public static class TlsCertificateFiles
    {
        /// <summary>The broker's CA certificate (PEM).</summary>
        public const string CaFile = "mqtt-ca.pem";

        /// <summary>The unit's client certificate (PEM).</summary>
        public const string ClientCertificateFile = "mqtt-client.crt";

        /// <summary>The unit's client key (PEM, unencrypted).</summary>
        public const string ClientKeyFile = "mqtt-client.key";

        // Certificates are a few KB; a larger file is not a certificate and is not read into the heap.
        private const int MaxFileBytes = 8192;

        /// <summary>The pinned CA, or null when none was deployed.</summary>
        public static X509Certificate LoadCa(IFileStore files)
        {
            string pem = ReadText(files, CaFile);
            return pem == null ? null : new X509Certificate(pem);
        }

        /// <summary>The unit's certificate with its key, or null when either file is missing.</summary>
        public static X509Certificate2 LoadClient(IFileStore files)
        {
            string certificate = ReadText(files, ClientCertificateFile);
            string key = ReadText(files, ClientKeyFile);
            return certificate == null || key == null ? null : new X509Certificate2(certificate, key, null);
        }

        private static string ReadText(IFileStore files, string name)
        {
            if (!files.Exists(name))
            {
                return null;
            }

            long length = files.GetLength(name);
            if (length <= 0 || length > MaxFileBytes)
            {
                throw new ArgumentException(name + " is empty or larger than 8 KB");
            }

            byte[] bytes = new byte[(int)length];
            int read = files.Read(name, 0, bytes, 0, bytes.Length);
            return new string(Encoding.UTF8.GetChars(bytes, 0, read));
        }
    }
}
