// Reference surface: nanoFramework.System.IO.Streams (System.IO.Streams). Checked against nanoframework/System.IO.Streams System.IO.Streams/SeekOrigin.cs at commit cf6e5f7b7ac9e040de13e7a6cc77f90028afcbd6.

namespace System.IO
{
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }
}
