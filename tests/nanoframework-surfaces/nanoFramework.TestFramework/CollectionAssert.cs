// Reference surface: nanoFramework.TestFramework (nanoFramework.TestFramework). Checked against nanoframework/nanoFramework.TestFramework source/TestFramework/CollectionAssert.cs at commit 38dda7cce9695e47d1bd24bdcaaf163844983b51.
// Declarations only. Only ICollection overloads (arrays and ArrayList are ICollection); elements are compared with
// object.Equals, so float arrays are compared exactly.

using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") { throw null; }

        public static void NotEmpty(ICollection collection, string message = "") { throw null; }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "") { throw null; }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") { throw null; }
    }
}
