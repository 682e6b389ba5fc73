// Reference surface: nanoFramework.System.Text (nanoFramework.System.Text). Checked against nanoframework/System.Text
// nanoFramework.System.Text/Text/StringBuilder.cs at commit 30dda84a7c70e8a0e9ebcc1454a3beeaee820f5f (newest stored
// version; the older 0b6815f0ca549eb1bb4224fcff5eb5afc5b6b752 has the same public members).
// Declarations only. StringBuilder lives in this package, not in mscorlib. Append has one-argument overloads for bool,
// byte, char, char[], double, short, int, long, object, string, sbyte, float, ushort, uint, ulong, all declared here so
// overload resolution binds as on the device. AppendLine appends "\r\n". In 30dda84a the default MaxCapacity is
// short.MaxValue (32767 characters), not int.MaxValue as on desktop .NET.
// Left out: ctor(string, int), ctor(int, int), ctor(string, int, int, int), Capacity, MaxCapacity, the indexer,
// Append(char, int), Append(string, int, int), Append(char[], int, int), Insert, Remove, Replace, ToString(int, int).

namespace System.Text
{
    public sealed class StringBuilder
    {
        public StringBuilder() { }

        public StringBuilder(int capacity) { }

        public StringBuilder(string value) { }

        public int Length { get { throw null; } set { } }

        public StringBuilder Clear() { throw null; }

        public StringBuilder Append(bool value) { throw null; }

        public StringBuilder Append(byte value) { throw null; }

        public StringBuilder Append(char value) { throw null; }

        public StringBuilder Append(double value) { throw null; }

        public StringBuilder Append(short value) { throw null; }

        public StringBuilder Append(char[] value) { throw null; }

        public StringBuilder Append(int value) { throw null; }

        public StringBuilder Append(long value) { throw null; }

        public StringBuilder Append(object value) { throw null; }

        public StringBuilder Append(string value) { throw null; }

        public StringBuilder Append(sbyte value) { throw null; }

        public StringBuilder Append(float value) { throw null; }

        public StringBuilder Append(ushort value) { throw null; }

        public StringBuilder Append(uint value) { throw null; }

        public StringBuilder Append(ulong value) { throw null; }

        public StringBuilder AppendLine() { throw null; }

        public StringBuilder AppendLine(string str) { throw null; }

        public override string ToString() { throw null; }
    }
}
