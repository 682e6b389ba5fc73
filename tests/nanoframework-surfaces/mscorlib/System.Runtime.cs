// Reference surface: nanoFramework.CoreLibrary (mscorlib). Checked against nanoframework/CoreLibrary
// nanoFramework.CoreLibrary/System/Runtime/CompilerServices/{RuntimeHelpers.cs} at commit
// 055d16427b58d906d23f6ba6e33542bcd97d65b6, {ExtensionAttribute.cs} at 1f779f14aa76c292ce66303794d3f35dddc35cbb,
// {IndexerNameAttribute.cs} at 5942dc0ab1e479e62e87649bb976588549cdc94e, {MethodImplAttribute.cs} at
// 2925e1b8a573303f37ca8e9234536b039fa53caf (values from System/Reflection/MethodImplAttributes.cs at
// 60fbb7c342c9a89f61a87116785bc9e34967e687), System/Runtime/InteropServices/Attributes.cs at
// 9b81d28d9ff4dd685c9cd751e120a87cf2e101f8.
// Declarations only. Not in nanoFramework 1.x mscorlib: IsVolatile, IsReadOnlyAttribute, IsByRefLikeAttribute,
// CompilerGeneratedAttribute (the C# compiler synthesizes or omits these); MethodImplOptions has no AggressiveInlining.

namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) { }
        public static object GetObjectValue(object obj) { throw null; }
        public static void RunClassConstructor(RuntimeTypeHandle type) { }
        public static int OffsetToStringData { get { throw null; } }
    }

    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class ExtensionAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class IndexerNameAttribute : Attribute
    {
        public IndexerNameAttribute(string indexerName) { }
    }

    public enum MethodImplOptions
    {
        Unmanaged = 0x0004,
        ForwardRef = 0x0010,
        PreserveSig = 0x0080,
        InternalCall = 0x1000,
        Synchronized = 0x0020,
        NoInlining = 0x0008,
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { }
        public MethodImplAttribute(short _value) { }
        public MethodImplAttribute() { }
        public MethodImplOptions Value { get { throw null; } }
    }
}

namespace System.Runtime.InteropServices
{
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Interface | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Delegate | AttributeTargets.Enum | AttributeTargets.Field | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
    public sealed class ComVisibleAttribute : Attribute
    {
        public ComVisibleAttribute(bool visibility) { }
        public bool Value { get { throw null; } }
    }

    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Interface | AttributeTargets.Class | AttributeTargets.Enum | AttributeTargets.Struct | AttributeTargets.Delegate, Inherited = false)]
    public sealed class GuidAttribute : Attribute
    {
        public GuidAttribute(string guid) { }
        public string Value { get { throw null; } }
    }
}
