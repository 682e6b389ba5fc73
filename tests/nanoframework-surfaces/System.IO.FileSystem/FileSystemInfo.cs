// Reference surface: nanoFramework.System.IO.FileSystem (System.IO.FileSystem). Checked against nanoframework/System.IO.FileSystem System.IO.FileSystem/FileSystemInfo.cs at commit 3097d2c1e1decdc52e49f1a7c8cf4f3edd9be2a5 and System.IO.FileSystem/DirectoryInfo.cs at commit 3298aca8dae43668b28285040bb5799ea2004de3.
// Declarations only; present because Directory.CreateDirectory returns DirectoryInfo.
// Left out: Attributes, Extension, Refresh, Root, Parent, Create, CreateSubdirectory, GetFiles, GetDirectories, MoveTo,
// Delete(bool).

namespace System.IO
{
    public abstract class FileSystemInfo : MarshalByRefObject
    {
        public virtual string FullName { get { throw null; } }

        public abstract bool Exists { get; }

        public abstract string Name { get; }

        public abstract void Delete();
    }

    public sealed class DirectoryInfo : FileSystemInfo
    {
        public DirectoryInfo(string path) { throw null; }

        public override string Name { get { throw null; } }

        public override bool Exists { get { throw null; } }

        public override void Delete() { throw null; }

        public override string ToString() { throw null; }
    }
}
