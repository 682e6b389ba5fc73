// Reference surface: nanoFramework.System.Device.I2c (System.Device.I2c). Checked against nanoframework/System.Device.I2c System.Device.I2c/I2cTransferStatus.cs at commit bf3885a1b226f0565fc90b70a20a4acb128ea219.
// Values are implicit in the source (declaration order) and match the native enum in nanoframework/nf-interpreter
// src/System.Device.I2c/sys_dev_i2c_native.h. Success is FullTransfer (1), not 0.

namespace System.Device.I2c
{
    public enum I2cTransferStatus
    {
        UnknownError = 0,
        FullTransfer = 1,
        ClockStretchTimeout = 2,
        PartialTransfer = 3,
        SlaveAddressNotAcknowledged = 4,
    }
}
