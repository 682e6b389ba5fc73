// Reference surface: nanoFramework.System.IO.Streams (System.IO.Streams). Checked against nanoframework/System.IO.Streams System.IO.Streams/Stream.cs at commit ce5625d28e1fa6f0da71425fd1a468fe8c1fb4b6.
// Declarations only. In the 1.x line Stream lives in System.IO.Streams (not mscorlib). Read(SpanByte) is ABSTRACT, so
// every concrete stream (FileStream included) overrides it. Dispose() is not virtual; override Dispose(bool).

namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }

        public abstract bool CanSeek { get; }

        public virtual bool CanTimeout { get { throw null; } }

        public abstract bool CanWrite { get; }

        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public virtual int ReadTimeout { get { throw null; } set { throw null; } }

        public virtual int WriteTimeout { get { throw null; } set { throw null; } }

        public virtual void Close() { throw null; }

        public void CopyTo(Stream destination) { throw null; }

        public void Dispose() { throw null; }

        protected virtual void Dispose(bool disposing) { throw null; }

        public abstract void Flush();

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void SetLength(long value);

        public abstract int Read(SpanByte buffer);

        public abstract int Read(byte[] buffer, int offset, int count);

        public virtual int ReadByte() { throw null; }

        public abstract void Write(byte[] buffer, int offset, int count);

        public virtual void WriteByte(byte value) { throw null; }
    }
}
