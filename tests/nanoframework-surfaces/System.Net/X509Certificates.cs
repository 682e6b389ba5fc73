// Surface of System.Net (package nanoFramework.System.Net).
// Checked against nanoframework/System.Net nanoFramework.System.Net/X509Certificates/X509Certificate.cs
// @ e9e8e5a6f055396beb82fb45e29ac3b9208675f8 and X509Certificate2.cs @ 215b2f786526ce5eabb04b0e115e9fec862bf712.
// The (byte[], string password) constructors of older versions are left out: later versions dropped them.
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(byte[] certificate) { throw null; }

        public X509Certificate(string certificate) { throw null; }

        public virtual byte[] GetRawCertData() { throw null; }
    }

    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2(byte[] rawData) : base((byte[])null) { throw null; }

        public X509Certificate2(string certificate) : base((byte[])null) { throw null; }

        public X509Certificate2(string rawData, string key, string password) : base((byte[])null) { throw null; }

        public X509Certificate2(byte[] rawData, string key, string password) : base((byte[])null) { throw null; }
    }
}
