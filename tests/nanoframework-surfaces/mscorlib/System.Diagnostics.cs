// Reference surface: nanoFramework.CoreLibrary (mscorlib). Checked against nanoframework/CoreLibrary
// nanoFramework.CoreLibrary/System/Diagnostics/Debug.cs at commits 055d16427b58d906d23f6ba6e33542bcd97d65b6 and
// 1f779f14aa76c292ce66303794d3f35dddc35cbb, ConditionalAttribute.cs at 37c85de3f058bbe55f0515ebd0d39ce343a9a92a,
// DebuggerAttributes.cs at 380fe6a6167637fe46cb311113ee77c77c119d70.
// Declarations only. Debug has only string overloads (no WriteLine(object), no WriteLine(format, args)); all its
// methods are [Conditional("DEBUG")]. Debug.WriteLine() without arguments exists only in recent versions: not declared.

namespace System.Diagnostics
{
    public static class Debug
    {
        [Conditional("DEBUG")]
        public static void Assert(bool condition) { }
        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message) { }
        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message, string detailedMessage) { }
        [Conditional("DEBUG")]
        public static void Write(string message) { }
        [Conditional("DEBUG")]
        public static void WriteLine(string message) { }
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute
    {
        public ConditionalAttribute(string conditionString) { }
        public string ConditionString { get { throw null; } }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
    public sealed class DebuggerStepThroughAttribute : Attribute
    {
        public DebuggerStepThroughAttribute() { }
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor, Inherited = false)]
    public sealed class DebuggerHiddenAttribute : Attribute
    {
        public DebuggerHiddenAttribute() { }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Struct, Inherited = false)]
    public sealed class DebuggerNonUserCodeAttribute : Attribute
    {
        public DebuggerNonUserCodeAttribute() { }
    }

    public enum DebuggerBrowsableState
    {
        Never = 0,
        Collapsed = 2,
        RootHidden = 3
    }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class DebuggerBrowsableAttribute : Attribute
    {
        public DebuggerBrowsableAttribute(DebuggerBrowsableState state) { }
        public DebuggerBrowsableState State { get { throw null; } }
    }
}
