// Reference surface: nanoFramework.TestFramework (nanoFramework.TestFramework). Checked against nanoframework/nanoFramework.TestFramework source/TestFramework/Assert.cs, Assert.AreEqual.cs and Assert.Obsolete.cs at commit b52c51881e8b54b4e31029ba9acef6f662bb05df, source/TestFramework/Assert.AreNotEqual.cs at commit 34df58c8f344e3e1ee52689da8917e688e86d2fa (TestFramework 3.0.x line: nanoFramework.TestFramework.nfproj at fb7f57a9cc20dd0fa46645b8f3c45c9d68ce6fa2 builds against CoreLibrary 1.15.5).
// Declarations only. In the real assembly every trailing "message" parameter also carries
// [CallerArgumentExpression(...)] (C# 10 feature, ignored at language version 7.3); the signature is the same.
// AreEqual/AreNotEqual overloads: bool, byte, char, DateTime, double, float, int, long, object, sbyte, short, string,
// uint, ulong, ushort. There is NO tolerance/delta overload and NO Assert.Fail (use Assert.IsTrue(false, message)).
// Left out: Contains/DoesNotContains/StartsWith/EndsWith, IsInstanceOfType/IsNotInstanceOfType, and the [Obsolete]
// xUnit-style names (Equal, NotEqual, True, False, Throws, Empty, NotEmpty, IsType, IsNotType, ...).

using System;

namespace nanoFramework.TestFramework
{
    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") { throw null; }

        public static void AreEqual(byte expected, byte actual, string message = "") { throw null; }

        public static void AreEqual(char expected, char actual, string message = "") { throw null; }

        public static void AreEqual(DateTime expected, DateTime actual, string message = "") { throw null; }

        public static void AreEqual(double expected, double actual, string message = "") { throw null; }

        public static void AreEqual(float expected, float actual, string message = "") { throw null; }

        public static void AreEqual(int expected, int actual, string message = "") { throw null; }

        public static void AreEqual(long expected, long actual, string message = "") { throw null; }

        public static void AreEqual(object expected, object actual, string message = "") { throw null; }

        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { throw null; }

        public static void AreEqual(short expected, short actual, string message = "") { throw null; }

        public static void AreEqual(string expected, string actual, string message = "") { throw null; }

        public static void AreEqual(uint expected, uint actual, string message = "") { throw null; }

        public static void AreEqual(ulong expected, ulong actual, string message = "") { throw null; }

        public static void AreEqual(ushort expected, ushort actual, string message = "") { throw null; }

        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { throw null; }

        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { throw null; }

        public static void AreNotEqual(char notExpected, char actual, string message = "") { throw null; }

        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") { throw null; }

        public static void AreNotEqual(double notExpected, double actual, string message = "") { throw null; }

        public static void AreNotEqual(float notExpected, float actual, string message = "") { throw null; }

        public static void AreNotEqual(int notExpected, int actual, string message = "") { throw null; }

        public static void AreNotEqual(long notExpected, long actual, string message = "") { throw null; }

        public static void AreNotEqual(object notExpected, object actual, string message = "") { throw null; }

        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { throw null; }

        public static void AreNotEqual(short notExpected, short actual, string message = "") { throw null; }

        public static void AreNotEqual(string notExpected, string actual, string message = "") { throw null; }

        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { throw null; }

        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { throw null; }

        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { throw null; }

        public static void AreSame(object expected, object actual, string message = "") { throw null; }

        public static void AreNotSame(object notExpected, object actual, string message = "") { throw null; }

        public static void IsTrue(bool condition, string message = "") { throw null; }

        public static void IsFalse(bool condition, string message = "") { throw null; }

        public static void IsNull(object value, string message = "") { throw null; }

        public static void IsNotNull(object value, string message = "") { throw null; }

        public static void SkipTest(string message = null) { throw null; }

        public static void ThrowsException(Type exception, Action action, string message = "") { throw null; }
    }
}
