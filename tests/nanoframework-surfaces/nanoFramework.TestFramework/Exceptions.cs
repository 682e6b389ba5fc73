// Reference surface: nanoFramework.TestFramework (nanoFramework.TestFramework). Checked against nanoframework/nanoFramework.TestFramework source/TestFrameworkShared/SkipTestException.cs at commit b52c51881e8b54b4e31029ba9acef6f662bb05df and source/TestFrameworkShared/AssertFailedException.cs at commit 26ba7c03a6bdbc42ce5cceb1f6b1b81548ab3031.
// Declarations only. Note the namespaces: SkipTestException is in nanoFramework.TestFramework, but
// AssertFailedException (thrown by every failing Assert) is in the namespace TestFrameworkShared.

using System;

namespace nanoFramework.TestFramework
{
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) { throw null; }
    }
}

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) { throw null; }

        public AssertFailedException(string msg) { throw null; }

        public AssertFailedException() { throw null; }
    }
}
