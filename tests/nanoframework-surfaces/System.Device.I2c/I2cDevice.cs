// Reference surface: nanoFramework.System.Device.I2c (System.Device.I2c). Checked against nanoframework/System.Device.I2c System.Device.I2c/I2cDevice.cs at commit 2a716b063df40228018accf369d2815311befc50.
// That commit is the 2.0-preview source, which spells the buffers ReadOnlySpan<byte>/Span<byte>; the 1.x package has the
// same members with SpanByte, as shown by the 1.x native binding in nanoframework/nf-interpreter
// (NativeTransmit___SystemDeviceI2cI2cTransferResult__SystemSpanByte__SystemSpanByte) and by 1.x consumer code
// (I2cTransferResult Read(SpanByte) / Write(SpanByte) / WriteRead(SpanByte, SpanByte)).
// Declarations only. I2cDevice is a plain public class with a public constructor and no virtual members.

namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { throw null; }

        public static I2cDevice Create(I2cConnectionSettings settings) { throw null; }

        public I2cConnectionSettings ConnectionSettings { get { throw null; } }

        public byte ReadByte() { throw null; }

        public I2cTransferResult Read(SpanByte buffer) { throw null; }

        public I2cTransferResult WriteByte(byte value) { throw null; }

        public I2cTransferResult Write(SpanByte buffer) { throw null; }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) { throw null; }

        public void Dispose() { throw null; }
    }
}
