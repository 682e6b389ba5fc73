namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: connected groups of foreground pixels (4-neighbourhood), each with its size and centroid.
    /// Works on preallocated label and stack arrays sized for the frame; finding blobs allocates nothing.
    /// </summary>
    public sealed class BlobFinder
    {
        /// <summary>Most blobs reported per frame; further ones are ignored (more people than an array can separate).</summary>
        public const int MaxBlobs = 16;

        private readonly int _width;
        private readonly int _height;
        private readonly int[] _labels;
        private readonly int[] _stack;
        private readonly int[] _sizes = new int[MaxBlobs];
        private readonly float[] _centroidColumns = new float[MaxBlobs];
        private readonly float[] _centroidRows = new float[MaxBlobs];

        /// <summary>Creates the finder for frames of <paramref name="width"/> x <paramref name="height"/>.</summary>
        public BlobFinder(int width, int height)
        {
            _width = width;
            _height = height;
            _labels = new int[width * height];
            _stack = new int[width * height];
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return (_labels.Length * 4) + (_stack.Length * 4) + (MaxBlobs * 12); }
        }

        /// <summary>Blobs found in the last frame.</summary>
        public int Count { get; private set; }

        /// <summary>Pixels in blob <paramref name="blob"/>.</summary>
        public int SizeOf(int blob)
        {
            return _sizes[blob];
        }

        /// <summary>Centroid column of blob <paramref name="blob"/>.</summary>
        public float CentroidColumnOf(int blob)
        {
            return _centroidColumns[blob];
        }

        /// <summary>Centroid row of blob <paramref name="blob"/>.</summary>
        public float CentroidRowOf(int blob)
        {
            return _centroidRows[blob];
        }

        /// <summary>Labels the blobs of <paramref name="foreground"/> and returns how many there are.</summary>
        public int Find(bool[] foreground)
        {
            int pixels = _width * _height;
            for (int i = 0; i < pixels; i++)
            {
                _labels[i] = -1;
            }

            int count = 0;
            for (int seed = 0; seed < pixels && count < MaxBlobs; seed++)
            {
                if (!foreground[seed] || _labels[seed] >= 0)
                {
                    continue;
                }

                int size = 0;
                float sumColumns = 0;
                float sumRows = 0;
                int top = 0;
                _stack[top++] = seed;
                _labels[seed] = count;
                while (top > 0)
                {
                    int pixel = _stack[--top];
                    int column = pixel % _width;
                    int row = pixel / _width;
                    size++;
                    sumColumns += column;
                    sumRows += row;
                    top = Push(foreground, column - 1, row, count, top);
                    top = Push(foreground, column + 1, row, count, top);
                    top = Push(foreground, column, row - 1, count, top);
                    top = Push(foreground, column, row + 1, count, top);
                }

                _sizes[count] = size;
                _centroidColumns[count] = sumColumns / size;
                _centroidRows[count] = sumRows / size;
                count++;
            }

            Count = count;
            return count;
        }

        private int Push(bool[] foreground, int column, int row, int label, int top)
        {
            if (column < 0 || row < 0 || column >= _width || row >= _height)
            {
                return top;
            }

            int pixel = (row * _width) + column;
            if (!foreground[pixel] || _labels[pixel] >= 0)
            {
                return top;
            }

            // Labelled when pushed, so each pixel enters the stack once and the stack never exceeds the frame.
            _labels[pixel] = label;
            _stack[top] = pixel;
            return top + 1;
        }
    }
}
