// Reference surface: nanoFramework.System.Device.I2c (System.Device.I2c). Checked against nanoframework/System.Device.I2c System.Device.I2c/I2cTransferResult.cs at commit 1b197f8adee1a8802f580ff68f839ec085276d8a.
// Declarations only. BytesTransferred and Status are read-only PROPERTIES (backed by private fields), not fields.

namespace System.Device.I2c
{
    public struct I2cTransferResult
    {
        private readonly uint _bytesTransferred;
        private readonly I2cTransferStatus _status;

        public uint BytesTransferred { get { throw null; } }

        public I2cTransferStatus Status { get { throw null; } }
    }
}
