// Reference surface: nanoFramework.System.Device.Spi (System.Device.Spi). Checked against nanoframework/System.Device.Spi System.Device.Spi/SpiDevice.cs at commit b18aebeee2d9fdef4ee3c8c3ef4aab358d23b60e.
// Declarations only. Read/Write/TransferFullDuplex return void (no transfer result, unlike I2C); each also has a
// ushort[] overload for 16-bit transfers. TransferFullDuplex throws InvalidOperationException unless the settings'
// Configuration is FullDuplex (the default).
// Left out: GetBusInfo (SpiBusInfo), protected Dispose(bool).

namespace System.Device.Spi
{
    public class SpiDevice : IDisposable
    {
        public SpiDevice(SpiConnectionSettings settings) { throw null; }

        public static SpiDevice Create(SpiConnectionSettings settings) { throw null; }

        public SpiConnectionSettings ConnectionSettings { get { throw null; } }

        public byte ReadByte() { throw null; }

        public void Read(SpanByte buffer) { throw null; }

        public void Read(ushort[] buffer) { throw null; }

        public void WriteByte(byte value) { throw null; }

        public void Write(ushort[] buffer) { throw null; }

        public void Write(SpanByte buffer) { throw null; }

        public void TransferFullDuplex(ushort[] writeBuffer, ushort[] readBuffer) { throw null; }

        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer) { throw null; }

        public void Dispose() { throw null; }
    }
}
