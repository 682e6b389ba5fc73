// Reference surface: nanoFramework.CoreLibrary (mscorlib). Checked against nanoframework/CoreLibrary
// nanoFramework.CoreLibrary/System/{Exception.cs, SystemException.cs, ArgumentException.cs, InvalidOperationException.cs,
// NotSupportedException.cs, NotImplementedException.cs, InvalidCastException.cs} at commit
// 5942dc0ab1e479e62e87649bb976588549cdc94e, {ArgumentNullException.cs, ObjectDisposedException.cs,
// NullReferenceException.cs, IO/IOException.cs} at 9b81d28d9ff4dd685c9cd751e120a87cf2e101f8 (ArgumentNullException
// also at 1f779f14aa76c292ce66303794d3f35dddc35cbb), {ApplicationException.cs, ArgumentOutOfRangeException.cs,
// IndexOutOfRangeException.cs, FormatException.cs, OutOfMemoryException.cs} at 1f779f14aa76c292ce66303794d3f35dddc35cbb,
// {TimeoutException.cs} at e0a220c131c792528b7a0c4436b5222fd799ad75.
// Declarations only. Differences from desktop .NET: ArgumentOutOfRangeException has no (string, Exception) ctor;
// ObjectDisposedException(string) takes a message (no objectName overloads); ArgumentNullException(string, Exception)
// and ArgumentNullException.ThrowIfNull exist only in recent CoreLibrary versions and are not declared here.

namespace System
{
    public class Exception
    {
        public Exception() { }
        public Exception(string message) { }
        public Exception(string message, Exception innerException) { }
        public virtual string Message { get { throw null; } }
        public Exception InnerException { get { throw null; } }
        public virtual string StackTrace { get { throw null; } }
        public override string ToString() { throw null; }
    }

    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) { }
        public SystemException(string message, Exception innerException) { }
    }

    public class ApplicationException : Exception
    {
        public ApplicationException() { }
        public ApplicationException(string message) { }
        public ApplicationException(string message, Exception innerException) { }
    }

    public class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) { }
        public ArgumentException(string message, Exception innerException) { }
        public ArgumentException(string message, string paramName, Exception innerException) { }
        public ArgumentException(string message, string paramName) { }
        public override string Message { get { throw null; } }
        public virtual string ParamName { get { throw null; } }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string paramName) { }
        public ArgumentNullException(string paramName, string message) { }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(string paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) { }
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) { }
        public InvalidOperationException(string message, Exception innerException) { }
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) { }
        public NotSupportedException(string message, Exception innerException) { }
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) { }
        public NotImplementedException(string message, Exception innerException) { }
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }
        public IndexOutOfRangeException(string message) { }
        public IndexOutOfRangeException(string message, Exception innerException) { }
    }

    public class NullReferenceException : SystemException
    {
        public NullReferenceException() { }
        public NullReferenceException(string message) { }
        public NullReferenceException(string message, Exception innerException) { }
    }

    public class FormatException : SystemException
    {
        public FormatException() { }
        public FormatException(string message) { }
        public FormatException(string message, Exception innerException) { }
    }

    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { }
        public OutOfMemoryException(string message) { }
        public OutOfMemoryException(string message, Exception innerException) { }
    }

    public class ObjectDisposedException : SystemException
    {
        public ObjectDisposedException() { }
        public ObjectDisposedException(string message) { }
        public ObjectDisposedException(string message, Exception innerException) { }
    }

    public class InvalidCastException : SystemException
    {
        public InvalidCastException() { }
        public InvalidCastException(string message) { }
        public InvalidCastException(string message, Exception innerException) { }
    }

    public class TimeoutException : SystemException
    {
        public TimeoutException() { }
        public TimeoutException(string message) { }
        public TimeoutException(string message, Exception innerException) { }
    }
}

namespace System.IO
{
    public class IOException : SystemException
    {
        public enum IOExceptionErrorCode
        {
            Others = unchecked((int)0xE0000000),
            InvalidDriver = unchecked((int)0xE1000000),
            FileNotFound = unchecked((int)0xE2000000),
            DirectoryNotFound = unchecked((int)0xE3000000),
            VolumeNotFound = unchecked((int)0xE4000000),
            PathTooLong = unchecked((int)0xE5000000),
            DirectoryNotEmpty = unchecked((int)0xE6000000),
            UnauthorizedAccess = unchecked((int)0xE7000000),
            PathAlreadyExists = unchecked((int)0xE8000000),
            TooManyOpenHandles = unchecked((int)0xE9000000),
        }

        public IOException() { }
        public IOException(string message) { }
        public IOException(string message, int hresult) { }
        public IOException(string message, Exception innerException) { }
        public IOExceptionErrorCode ErrorCode { get { throw null; } }
    }
}
