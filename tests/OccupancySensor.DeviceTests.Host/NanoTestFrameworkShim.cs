// A host stand-in for the parts of nanoFramework.TestFramework the on-device tests use, so the same test sources
// (firmware/OccupancySensor.DeviceTests) also run in CI on .NET. Semantics follow the real framework: exact
// AreEqual (it has no tolerance overload) and a failed assertion throws.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    public sealed class DeviceAssertException : Exception
    {
        public DeviceAssertException(string message)
            : base(message)
        {
        }
    }

    public static class Assert
    {
        public static void AreEqual(int expected, int actual, string message = "") { Check(expected == actual, expected, actual, message); }

        public static void AreEqual(long expected, long actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(float expected, float actual, string message = "") => Check(expected.Equals(actual), expected, actual, message);

        public static void AreEqual(double expected, double actual, string message = "") => Check(expected.Equals(actual), expected, actual, message);

        public static void AreEqual(bool expected, bool actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(string expected, string actual, string message = "") => Check(string.Equals(expected, actual, StringComparison.Ordinal), expected, actual, message);

        public static void AreEqual(object expected, object actual, string message = "") => Check(Equals(expected, actual), expected, actual, message);

        public static void IsTrue(bool condition, string message = "") => Check(condition, true, condition, message);

        public static void IsFalse(bool condition, string message = "") => Check(!condition, false, condition, message);

        public static void IsNull(object value, string message = "") => Check(value == null, "null", value, message);

        public static void IsNotNull(object value, string message = "") => Check(value != null, "not null", value, message);

        private static void Check(bool ok, object expected, object actual, string message)
        {
            if (!ok)
            {
                throw new DeviceAssertException("expected " + (expected ?? "null") + ", got " + (actual ?? "null") + ". " + message);
            }
        }
    }
}
