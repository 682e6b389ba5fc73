// Reference surface: nanoFramework.TestFramework (nanoFramework.TestFramework). Checked against nanoframework/nanoFramework.TestFramework source/TestFrameworkShared/TestClassAttribute.cs, SetupAttribute.cs and CleanupAttribute.cs at commit 09405a9a8afcbfa3b52bb1b6a85cf8c40be4154c, TestMethodAttribute.cs at commit 612ead30e9ccc75b7a703ab3a19ce98e678faf13, DataRowAttribute.cs at commit 9cc7eef5be83046ea25cb1d75307ad2e28f9732d (shared project compiled into nanoFramework.TestFramework.dll via TestFrameworkShared.projitems at 26ba7c03a6bdbc42ce5cceb1f6b1b81548ab3031).
// Declarations only. [Setup] runs before and [Cleanup] after all test methods of the class; [DataRow] may repeat.
// Left out: TestClassAttribute.GetTestMethodAttribute (virtual, newer versions only).

using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) { throw null; }

        public object[] MethodParameters { get { throw null; } }
    }
}
