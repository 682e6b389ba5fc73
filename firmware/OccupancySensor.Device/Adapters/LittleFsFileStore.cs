using System.IO;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// Files on the ESP32's internal littlefs drive (I:\) through System.IO.FileSystem. Every call opens and closes
    /// its file so a power cut never leaves a handle with unflushed data behind.
    /// </summary>
    public sealed class LittleFsFileStore : IFileStore
    {
        private readonly string _root;

        /// <summary>Stores files under <paramref name="root"/>, for example "I:\\".</summary>
        public LittleFsFileStore(string root)
        {
            _root = root;
        }

        /// <inheritdoc />
        public bool Exists(string name)
        {
            return File.Exists(_root + name);
        }

        /// <inheritdoc />
        public long GetLength(string name)
        {
            string path = _root + name;
            if (!File.Exists(path))
            {
                return 0;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return stream.Length;
            }
        }

        /// <inheritdoc />
        public int Read(string name, long position, byte[] buffer, int offset, int count)
        {
            using (FileStream stream = new FileStream(_root + name, FileMode.Open, FileAccess.Read))
            {
                stream.Seek(position, SeekOrigin.Begin);
                return stream.Read(buffer, offset, count);
            }
        }

        /// <inheritdoc />
        public void Append(string name, byte[] buffer, int offset, int count)
        {
            using (FileStream stream = new FileStream(_root + name, FileMode.Append, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
        }

        /// <inheritdoc />
        public void WriteAll(string name, byte[] buffer, int offset, int count)
        {
            using (FileStream stream = new FileStream(_root + name, FileMode.Create, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
        }

        /// <inheritdoc />
        public void Truncate(string name, long length)
        {
            using (FileStream stream = new FileStream(_root + name, FileMode.Open, FileAccess.ReadWrite))
            {
                stream.SetLength(length);
                stream.Flush();
            }
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = _root + name;
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
