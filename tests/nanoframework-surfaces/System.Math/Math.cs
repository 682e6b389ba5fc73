// Reference surface: nanoFramework.System.Math (System.Math). Checked against nanoframework/System.Math nanoFramework.System.Math/Math.cs at commit a730259be6f3bc9d49ac4f28462e22ad27513533 (double/int members; its float overloads were [Obsolete(error: true)] and were deleted in v1.4.3 "Remove obsolete methods"), Tests/MathUnitTests/Max_Tests.cs and Min_Tests.cs at commit 632b4f062596267897519524072e7f9dd2d1c11f (Max/Min(float, float)), Tests/MathUnitTests/MathUnitTest.cs at commit 4ebdc35a4e370fce71d9d22c295aa3447877f261 (Clamp overloads, present since the TestFramework 1.x era), and nanoframework/nf-interpreter src/CLR/System.Math/nf_native_system_math.cpp at commit 068c2b3c7ecd5477a1374d41158084741043d4c8 (native set: Abs/Max/Min have float versions, everything else is double only).
// Declarations only. FLOAT OVERLOADS: only Abs, Max, Min and Clamp exist for float. Sqrt, Pow, Exp, Log, Log10, Floor,
// Ceiling, Round, Sin, Cos, Atan2, ... exist ONLY for double: a float argument binds to the double overload and the
// result must be cast back ((float)Math.Sqrt(x)). Round has no digits/MidpointRounding overloads. No long/short/byte
// overloads of Abs/Max/Min are declared (not verified); Clamp has all ten numeric overloads.
// Left out: Acos, Asin, Atan, Cbrt, Cosh, IEEERemainder, Sinh, Tan, Tanh, Truncate.

namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;

        public const double E = 2.7182818284590452354;

        public static int Abs(int val) { throw null; }

        public static float Abs(float val) { throw null; }

        public static double Abs(double val) { throw null; }

        public static int Max(int val1, int val2) { throw null; }

        public static float Max(float x, float y) { throw null; }

        public static double Max(double x, double y) { throw null; }

        public static int Min(int val1, int val2) { throw null; }

        public static float Min(float x, float y) { throw null; }

        public static double Min(double x, double y) { throw null; }

        public static sbyte Clamp(sbyte value, sbyte min, sbyte max) { throw null; }

        public static byte Clamp(byte value, byte min, byte max) { throw null; }

        public static short Clamp(short value, short min, short max) { throw null; }

        public static ushort Clamp(ushort value, ushort min, ushort max) { throw null; }

        public static int Clamp(int value, int min, int max) { throw null; }

        public static uint Clamp(uint value, uint min, uint max) { throw null; }

        public static long Clamp(long value, long min, long max) { throw null; }

        public static ulong Clamp(ulong value, ulong min, ulong max) { throw null; }

        public static float Clamp(float value, float min, float max) { throw null; }

        public static double Clamp(double value, double min, double max) { throw null; }

        public static double Sqrt(double d) { throw null; }

        public static double Pow(double x, double y) { throw null; }

        public static double Exp(double d) { throw null; }

        public static double Log(double d) { throw null; }

        public static double Log10(double d) { throw null; }

        public static double Floor(double d) { throw null; }

        public static double Ceiling(double d) { throw null; }

        public static double Round(double d) { throw null; }

        public static int Sign(double value) { throw null; }

        public static double Sin(double a) { throw null; }

        public static double Cos(double a) { throw null; }

        public static double Atan2(double y, double x) { throw null; }
    }
}
