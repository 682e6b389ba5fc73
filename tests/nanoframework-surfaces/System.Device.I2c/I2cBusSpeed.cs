// Reference surface: nanoFramework.System.Device.I2c (System.Device.I2c). Checked against nanoframework/System.Device.I2c System.Device.I2c/I2cBusSpeed.cs at commit b990f71bb56db6854c2e223bc5d61545e73693a3.
// Values are implicit in the source (declaration order) and match the native enum in nanoframework/nf-interpreter
// src/System.Device.I2c/sys_dev_i2c_native.h. FastModePlus (= 2) appears only in the newest (2.0-preview) native header:
// not declared here.

namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode = 0,
        FastMode = 1,
    }
}
