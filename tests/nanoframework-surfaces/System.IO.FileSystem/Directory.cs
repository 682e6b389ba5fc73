// Reference surface: nanoFramework.System.IO.FileSystem (System.IO.FileSystem). Checked against nanoframework/System.IO.FileSystem System.IO.FileSystem/Directory.cs at commit 3298aca8dae43668b28285040bb5799ea2004de3.
// Declarations only. CreateDirectory returns a DirectoryInfo (older 1.x versions returned void) and creates the whole
// path; GetFiles returns full paths and throws IOException when the directory does not exist.
// Left out: Delete, Move, GetDirectories, Get/SetCurrentDirectory, the obsolete GetLogicalDrives.

namespace System.IO
{
    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path) { throw null; }

        public static bool Exists(string path) { throw null; }

        public static string[] GetFiles(string path) { throw null; }
    }
}
