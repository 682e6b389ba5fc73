// Reference surface: nanoFramework.CoreLibrary (mscorlib). Checked against nanoframework/CoreLibrary
// nanoFramework.CoreLibrary/System/Random.cs at commit 5942dc0ab1e479e62e87649bb976588549cdc94e,
// Guid.cs at 85086ea11719d03e9e6a66bf934ecd7732c4fb05 and 0e0f7bed1a529816b8515855e864defb56ef4b52,
// Convert.cs at 086ed3dd3f0ac9170b5153445cdad09555170e3c, BitConverter.cs at 055d16427b58d906d23f6ba6e33542bcd97d65b6.
// Declarations only. Not in nanoFramework mscorlib: System.Math (separate package nanoFramework.System.Math; mscorlib
// only has an internal MathInternal), Convert.ToInt32(double/float/...) and other non-string Convert overloads,
// Convert.ToString, Random.Next(int, int). Guid(string)/Guid.TryParse were renamed between versions: not declared.

namespace System
{
    public class Random
    {
        public Random() { }
        public Random(int seed) { }
        public virtual int Next() { throw null; }
        public virtual int Next(int maxValue) { throw null; }
        public virtual double NextDouble() { throw null; }
        public virtual void NextBytes(byte[] buffer) { }
    }

    public struct Guid
    {
        private int[] _data;

        public static readonly Guid Empty;

        public Guid(int a, short b, short c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k) { throw null; }
        public Guid(byte[] b) { throw null; }
        public int CompareTo(object value) { throw null; }
        public byte[] ToByteArray() { throw null; }
        public override string ToString() { throw null; }
        public override bool Equals(object o) { throw null; }
        public override int GetHashCode() { throw null; }
        public static Guid NewGuid() { throw null; }
    }

    [Flags]
    public enum Base64FormattingOptions
    {
        None = 0,
        InsertLineBreaks = 1
    }

    public static class Convert
    {
        public static bool ToBoolean(byte value) { throw null; }
        public static char ToChar(ushort value) { throw null; }
        public static sbyte ToSByte(string value, int fromBase = 10) { throw null; }
        public static byte ToByte(string value, int fromBase = 10) { throw null; }
        public static byte ToByte(bool value) { throw null; }
        public static short ToInt16(string value, int fromBase = 10) { throw null; }
        public static ushort ToUInt16(string value, int fromBase = 10) { throw null; }
        public static int ToInt32(string value, int fromBase = 10) { throw null; }
        public static uint ToUInt32(string value, int fromBase = 10) { throw null; }
        public static long ToInt64(string value, int fromBase = 10) { throw null; }
        public static ulong ToUInt64(string value, int fromBase = 10) { throw null; }
        public static double ToDouble(string value) { throw null; }
        public static float ToSingle(string value) { throw null; }
        public static string ToBase64String(byte[] inArray) { throw null; }
        public static string ToBase64String(byte[] inArray, Base64FormattingOptions options) { throw null; }
        public static string ToBase64String(byte[] inArray, int offset, int length) { throw null; }
        public static string ToBase64String(byte[] inArray, int offset, int length, Base64FormattingOptions options) { throw null; }
        public static byte[] FromBase64String(string inString) { throw null; }
        public static byte[] FromBase64CharArray(char[] inArray, int offset, int length) { throw null; }
    }

    public static class BitConverter
    {
        public static bool IsLittleEndian { get { throw null; } }
        public static long DoubleToInt64Bits(double value) { throw null; }
        public static byte[] GetBytes(bool value) { throw null; }
        public static byte[] GetBytes(char value) { throw null; }
        public static byte[] GetBytes(double value) { throw null; }
        public static byte[] GetBytes(float value) { throw null; }
        public static byte[] GetBytes(int value) { throw null; }
        public static byte[] GetBytes(long value) { throw null; }
        public static byte[] GetBytes(short value) { throw null; }
        public static byte[] GetBytes(uint value) { throw null; }
        public static byte[] GetBytes(ulong value) { throw null; }
        public static byte[] GetBytes(ushort value) { throw null; }
        public static double Int64BitsToDouble(long value) { throw null; }
        public static bool ToBoolean(byte[] value, int startIndex) { throw null; }
        public static char ToChar(byte[] value, int startIndex) { throw null; }
        public static double ToDouble(byte[] value, int startIndex) { throw null; }
        public static short ToInt16(byte[] value, int startIndex) { throw null; }
        public static int ToInt32(byte[] value, int startIndex) { throw null; }
        public static long ToInt64(byte[] value, int startIndex) { throw null; }
        public static float ToSingle(byte[] value, int startIndex) { throw null; }
        public static string ToString(byte[] value) { throw null; }
        public static string ToString(byte[] value, int startIndex) { throw null; }
        public static string ToString(byte[] value, int startIndex, int length) { throw null; }
        public static ushort ToUInt16(byte[] value, int startIndex) { throw null; }
        public static uint ToUInt32(byte[] value, int startIndex) { throw null; }
        public static ulong ToUInt64(byte[] value, int startIndex) { throw null; }
    }
}
