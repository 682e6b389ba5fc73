// Reference surface: nanoFramework.System.Device.I2c (System.Device.I2c). Checked against nanoframework/System.Device.I2c System.Device.I2c/I2cBusSpeed.cs at commit b990f71bb56db6854c2e223bc5d61545e73693a3.
// Values are implicit in the source (declaration order) and match the native enum in nanoframework/nf-interpreter
// src/System.Device.I2c/sys_dev_i2c_native.h @ 7bf684187857e3091cf7fbdd7d64d12da9e62e15 (the 1.x SpanByte header).
// FastModePlus (= 2) is in the managed I2cBusSpeed.cs @ f0d7677d1e6df73d50e64d4eed5b5f0268a2a36b and in the 2.0-preview
// native header @ 19e8883e97af7da48fff86d30f876784636cbae4; whether package 1.1.29 already has it is not established, and
// the device code does not use it: not declared here.

namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode = 0,
        FastMode = 1,
    }
}
