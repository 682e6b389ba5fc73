namespace OccupancySensor.Hardware
{
    /// <summary>
    /// Files on the unit's flash (on the device the littlefs drive I:\). Names are plain file names without a
    /// drive or folder; the adapter places them. Operations throw System.IO.IOException when the flash fails or
    /// is full, so callers can record a fault and keep what they hold in memory.
    /// </summary>
    public interface IFileStore
    {
        /// <summary>Whether the file exists.</summary>
        bool Exists(string name);

        /// <summary>The length of the file in bytes, 0 when it does not exist.</summary>
        long GetLength(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="position"/>; returns how many were read.</summary>
        int Read(string name, long position, byte[] buffer, int offset, int count);

        /// <summary>Appends bytes at the end of the file, creating it when missing, and flushes them to flash.</summary>
        void Append(string name, byte[] buffer, int offset, int count);

        /// <summary>Replaces the whole content of the file.</summary>
        void WriteAll(string name, byte[] buffer, int offset, int count);

        /// <summary>Cuts the file to <paramref name="length"/> bytes.</summary>
        void Truncate(string name, long length);

        /// <summary>Deletes the file if it exists.</summary>
        void Delete(string name);
    }
}
