// Reference surface: nanoFramework.System.IO.FileSystem (System.IO.FileSystem). Checked against nanoframework/System.IO.FileSystem System.IO.FileSystem/File.cs at commit 3298aca8dae43668b28285040bb5799ea2004de3.
// Declarations only. File.Open(path, mode) opens with FileShare.None; Exists returns false (never throws) for bad
// paths; Delete is a no-op when the file is missing; Move throws IOException when the source is missing.
// Left out: Copy, Create, AppendAllText/AppendText, OpenRead/OpenWrite/OpenText, ReadAllText/WriteAllText,
// GetAttributes/SetAttributes (these need StreamReader/StreamWriter/FileAttributes surfaces).

namespace System.IO
{
    public static class File
    {
        public static void Delete(string path) { throw null; }

        public static bool Exists(string path) { throw null; }

        public static void Move(string sourceFileName, string destFileName) { throw null; }

        public static FileStream Open(string path, FileMode mode) { throw null; }

        public static FileStream Open(string path, FileMode mode, FileAccess access) { throw null; }

        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share) { throw null; }

        public static byte[] ReadAllBytes(string path) { throw null; }

        public static void WriteAllBytes(string path, byte[] bytes) { throw null; }
    }
}
