// Reference surface: nanoFramework.System.IO.FileSystem (System.IO.FileSystem). Checked against nanoframework/System.IO.FileSystem System.IO.FileSystem/FileShare.cs at commit 1a3978b033037fc0960a96d4885b4d8aef872c51.

namespace System.IO
{
    [Flags]
    public enum FileShare
    {
        None = 0x00,
        Read = 0x01,
        Write = 0x02,
        ReadWrite = 0x03,
    }
}
