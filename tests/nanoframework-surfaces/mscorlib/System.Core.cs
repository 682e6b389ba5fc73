// Reference surface: nanoFramework.CoreLibrary (mscorlib). Checked against nanoframework/CoreLibrary
// nanoFramework.CoreLibrary/System/{Object.cs, Enum.cs, Attribute.cs, AttributeUsageAttribute.cs, ObsoleteAttribute.cs,
// IntPtr.cs, MulticastDelegate.cs, Action.cs} at commit 5942dc0ab1e479e62e87649bb976588549cdc94e,
// {ValueType.cs} at 7811290bae76f849c790e107f83fc9354b6938ba, {Type.cs} at 2c8080de75fa3fb6d5f57b3d926f2c4f458135f7,
// {Void.cs, RuntimeTypeHandle.cs, Delegate.cs, MarshalByRefObject.cs, AttributeTargets.cs, FlagsAttribute.cs,
// ParamArrayAttribute.cs, EventArgs.cs, EventHandler.cs, IDisposable.cs, ICloneable.cs, IFormattable.cs,
// IFormatProvider.cs, IAsyncResult.cs} at 1f779f14aa76c292ce66303794d3f35dddc35cbb,
// {RuntimeFieldHandle.cs, RuntimeMethodHandle.cs} at 9b81d28d9ff4dd685c9cd751e120a87cf2e101f8,
// {UIntPtr.cs} at 37c85de3f058bbe55f0515ebd0d39ce343a9a92a, {IComparable.cs, AsyncCallback.cs} at 5942dc0a.
// Declarations only. The generic delegates Action<T>/Func<..>/EventHandler<T> that CoreLibrary 1.x declares are left
// out on purpose: the 1.x runtime cannot load generic code.

namespace System
{
    public class Object
    {
        public Object() { }
        public virtual string ToString() { throw null; }
        public virtual bool Equals(object obj) { throw null; }
        public static bool Equals(object objA, object objB) { throw null; }
        public static bool ReferenceEquals(object objA, object objB) { throw null; }
        public virtual int GetHashCode() { throw null; }
        public Type GetType() { throw null; }
        protected object MemberwiseClone() { throw null; }
    }

    public abstract class ValueType
    {
        public override bool Equals(object obj) { throw null; }
    }

    public abstract class Enum : ValueType
    {
        public bool HasFlag(Enum flag) { throw null; }
        public override string ToString() { throw null; }
    }

    public struct Void
    {
    }

    public struct IntPtr
    {
    }

    public struct UIntPtr
    {
    }

    public struct RuntimeTypeHandle
    {
    }

    public struct RuntimeFieldHandle
    {
    }

    public struct RuntimeMethodHandle
    {
    }

    public abstract class Type : System.Reflection.MemberInfo, System.Reflection.IReflect
    {
        public override Type DeclaringType { get { throw null; } }
        public abstract string FullName { get; }
        public abstract Type BaseType { get; }
        public static Type GetType(string typeName) { throw null; }
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) { throw null; }
        public bool IsClass { get { throw null; } }
        public bool IsValueType { get { throw null; } }
        public bool IsEnum { get { throw null; } }
        public bool IsArray { get { throw null; } }
        public abstract Type GetElementType();
        public virtual bool IsInstanceOfType(object o) { throw null; }
        public virtual bool IsSubclassOf(Type c) { throw null; }
        public override string ToString() { throw null; }
    }

    public abstract class MarshalByRefObject
    {
    }

    public abstract class Delegate
    {
        public override bool Equals(object obj) { throw null; }
        public static Delegate Combine(Delegate a, Delegate b) { throw null; }
        public static Delegate Remove(Delegate source, Delegate value) { throw null; }
        public virtual Delegate[] GetInvocationList() { throw null; }
        public object Target { get { throw null; } }
        public static bool operator ==(Delegate d1, Delegate d2) { throw null; }
        public static bool operator !=(Delegate d1, Delegate d2) { throw null; }
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) { throw null; }
        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) { throw null; }
        public override bool Equals(object obj) { throw null; }
    }

    [AttributeUsage(AttributeTargets.All)]
    public abstract class Attribute
    {
        protected Attribute() { }
    }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 0x0001,
        Module = 0x0002,
        Class = 0x0004,
        Struct = 0x0008,
        Enum = 0x0010,
        Constructor = 0x0020,
        Method = 0x0040,
        Property = 0x0080,
        Field = 0x0100,
        Event = 0x0200,
        Interface = 0x0400,
        Parameter = 0x0800,
        Delegate = 0x1000,
        ReturnValue = 0x2000,
        All = Assembly | Module | Class | Struct | Enum | Constructor |
              Method | Property | Field | Event | Interface | Parameter | Delegate | ReturnValue,
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public AttributeTargets ValidOn { get { throw null; } }
        public bool AllowMultiple { get { throw null; } set { } }
        public bool Inherited { get { throw null; } set { } }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ParamArrayAttribute : Attribute
    {
        public ParamArrayAttribute() { }
    }

    [AttributeUsage(AttributeTargets.Enum)]
    public class FlagsAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum |
        AttributeTargets.Interface | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property |
        AttributeTargets.Field | AttributeTargets.Event | AttributeTargets.Delegate, Inherited = false)]
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }
        public ObsoleteAttribute(string message) { }
        public ObsoleteAttribute(string message, bool error) { }
        public string Message { get { throw null; } }
        public bool IsError { get { throw null; } }
    }

    public interface IDisposable
    {
        void Dispose();
    }

    public interface ICloneable
    {
        object Clone();
    }

    public interface IComparable
    {
        int CompareTo(object obj);
    }

    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }

    public interface IAsyncResult
    {
    }

    public delegate void AsyncCallback(IAsyncResult ar);

    public delegate void Action();

    public class EventArgs
    {
        public static readonly EventArgs Empty;
        public EventArgs() { }
    }

    public delegate void EventHandler(object sender, EventArgs e);
}
