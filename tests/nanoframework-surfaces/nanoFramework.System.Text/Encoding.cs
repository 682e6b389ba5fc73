// Reference surface: nanoFramework.System.Text (nanoFramework.System.Text). The search index holds no copy of
// nanoframework/System.Text nanoFramework.System.Text/Text/Encoding.cs, so the signatures were checked against: the
// same file before it moved out of mscorlib, nanoframework/CoreLibrary source/System/Text/Encoding.cs at commit
// a63a648097eda2f805f6f27c365f2b083c9edbfb and source/System/Text/Decoder.cs at ccf9dc9bc87dd14ef3635e33fb5aef668acb4133;
// the current UTF8Encoding.cs (stored without a repository name; same overrides, Sonar pragmas of the System.Text
// repository); nanoframework/System.Text nanoFramework.System.Text/nanoFramework.System.Text.nfproj at commit
// 00aa71477bce2be6cb6c366b3a01c3bb3eb313e8 (compiles Text/{Decoder, Encoding, StringBuilder, UTF8Decoder, UTF8Encoding}.cs);
// Tests/NFUnitTestEncoding/EncodingTests.cs at commit d0eaddab323585df99c5550ef42870c431c389e1 (uses every member below);
// nf-interpreter's nf_system_text native table (UTF8Encoding natives: GetBytes(string), GetBytes(string, int, int,
// byte[], int), GetChars(byte[]), GetChars(byte[], int, int); UTF8Decoder.Convert).
// Declarations only. NOT in nanoFramework: Encoding.GetString(byte[]) (only GetString(byte[], int, int) exists: write
// GetString(b, 0, b.Length)), GetBytes(char[]...), GetByteCount/GetCharCount, GetMaxByteCount, GetEncoder, GetPreamble,
// Encoding.ASCII/Unicode/Default, UTF8Encoding(bool) ctors. Encoding.UTF8 returns a NEW UTF8Encoding on every call.

namespace System.Text
{
    public abstract class Decoder
    {
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount,
            bool flush, out int bytesUsed, out int charsUsed, out bool completed);
    }

    public abstract class Encoding
    {
        public static Encoding UTF8 { get { throw null; } }

        public virtual byte[] GetBytes(string s) { throw null; }

        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) { throw null; }

        public virtual char[] GetChars(byte[] bytes) { throw null; }

        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) { throw null; }

        public virtual string GetString(byte[] bytes, int index, int count) { throw null; }

        public abstract Decoder GetDecoder();
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() { }

        public override byte[] GetBytes(string s) { throw null; }

        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) { throw null; }

        public override char[] GetChars(byte[] bytes) { throw null; }

        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) { throw null; }

        public override Decoder GetDecoder() { throw null; }
    }
}
