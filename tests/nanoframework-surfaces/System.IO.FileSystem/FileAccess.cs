// Reference surface: nanoFramework.System.IO.FileSystem (System.IO.FileSystem). Checked against nanoframework/System.IO.FileSystem System.IO.FileSystem/FileAccess.cs at commit cddbb0b2a5fbe5f7064661c4485bea9b408fcc5c.

namespace System.IO
{
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}
