// Reference surface: nanoFramework.CoreLibrary (mscorlib). Checked against nanoframework/CoreLibrary
// nanoFramework.CoreLibrary/System/Array.cs at commit 380fe6a6167637fe46cb311113ee77c77c119d70 and
// nanoFramework.CoreLibrary/System/SpanByte.cs at commit 04d305ff4b2906465854459968300255ba36c97b.
// Declarations only. Not in nanoFramework: Array.Sort, Reverse, Resize, Empty, Rank, Exists/Find; SpanByte does not
// exist on desktop .NET (keep it inside device adapters).

using System.Collections;

namespace System
{
    public abstract class Array : ICloneable, IList
    {
        public static Array CreateInstance(Type elementType, int length) { throw null; }
        public static void Copy(Array sourceArray, Array destinationArray, int length) { }
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length) { }
        public static void Clear(Array array, int index, int length) { }
        public object GetValue(int index) { throw null; }
        public int Length { get { throw null; } }
        int ICollection.Count { get { throw null; } }
        public object SyncRoot { get { throw null; } }
        public bool IsReadOnly { get { throw null; } }
        public bool IsFixedSize { get { throw null; } }
        public bool IsSynchronized { get { throw null; } }
        object IList.this[int index] { get { throw null; } set { } }
        int IList.Add(object value) { throw null; }
        bool IList.Contains(object value) { throw null; }
        void IList.Clear() { }
        int IList.IndexOf(object value) { throw null; }
        void IList.Insert(int index, object value) { }
        void IList.Remove(object value) { }
        void IList.RemoveAt(int index) { }
        public object Clone() { throw null; }
        public static int BinarySearch(Array array, object value, IComparer comparer) { throw null; }
        public static int BinarySearch(Array array, int index, int length, object value, IComparer comparer) { throw null; }
        public void CopyTo(Array array, int index) { }
        public IEnumerator GetEnumerator() { throw null; }
        public static int IndexOf(Array array, object value) { throw null; }
        public static int IndexOf(Array array, object value, int startIndex) { throw null; }
        public static int IndexOf(Array array, object value, int startIndex, int count) { throw null; }
    }

    public readonly ref struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        public SpanByte(byte[] array) { throw null; }
        public SpanByte(byte[] array, int start, int length) { throw null; }
        public byte this[int index] { get { throw null; } set { } }
        public static SpanByte Empty { get { throw null; } }
        public int Length { get { throw null; } }
        public bool IsEmpty { get { throw null; } }
        public void CopyTo(SpanByte destination) { }
        public SpanByte Slice(int start) { throw null; }
        public SpanByte Slice(int start, int length) { throw null; }
        public byte[] ToArray() { throw null; }
        public static implicit operator SpanByte(byte[] array) { throw null; }
    }
}
