// Reference surface: nanoFramework.System.IO.FileSystem (System.IO.FileSystem). Checked against nanoframework/System.IO.FileSystem System.IO.FileSystem/FileStream.cs at commit 3298aca8dae43668b28285040bb5799ea2004de3.
// Declarations only. The (path, mode) and (path, mode, access) constructors open with FileShare.Read.
// Read(SpanByte) is overridden but throws NotImplementedException on the device: use Read(byte[], int, int).
// Left out: the (path, mode, access, share, int bufferSize) constructor.

namespace System.IO
{
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { throw null; }

        public FileStream(string path, FileMode mode, FileAccess access) { throw null; }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) { throw null; }

        public override bool CanRead { get { throw null; } }

        public override bool CanSeek { get { throw null; } }

        public override bool CanWrite { get { throw null; } }

        public override long Length { get { throw null; } }

        public override long Position { get { throw null; } set { throw null; } }

        public string Name { get { throw null; } }

        public override void Close() { throw null; }

        protected override void Dispose(bool disposing) { throw null; }

        public override void Flush() { throw null; }

        public override int Read(byte[] buffer, int offset, int count) { throw null; }

        public override int Read(SpanByte buffer) { throw null; }

        public override int ReadByte() { throw null; }

        public override long Seek(long offset, SeekOrigin origin) { throw null; }

        public override void SetLength(long value) { throw null; }

        public override void Write(byte[] buffer, int offset, int count) { throw null; }

        public override void WriteByte(byte value) { throw null; }
    }
}
