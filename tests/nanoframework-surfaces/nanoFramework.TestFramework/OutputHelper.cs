// Reference surface: nanoFramework.TestFramework (nanoFramework.TestFramework). Checked against nanoframework/nanoFramework.TestFramework source/TestFramework/OutputHelper.cs at commit 2d363f7f079705562106472a579c8436cc530199.
// Declarations only (both methods forward to System.Console).

namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message) { throw null; }

        public static void WriteLine(string message) { throw null; }
    }
}
