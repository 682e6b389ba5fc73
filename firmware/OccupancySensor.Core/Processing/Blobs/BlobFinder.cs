namespace OccupancySensor.Processing
{
    /// <summary>
    /// Stage: warm regions and blobs. Pixels warmer than the detection threshold are flooded warmest first
    /// (8-neighbourhood); where two growing regions meet, they stay apart when the lower of the two peaks stands
    /// more than the split prominence above the meeting pixel. That is how two people walking shoulder to shoulder
    /// stay two blobs while one person's head and shoulders stay one. A region is a blob when its peak is high
    /// enough; a region under a person tracked in the last frame needs less (hysteresis), so a faint person
    /// sitting still does not flicker in and out with the noise.
    /// Each blob has an excess-weighted centroid (in pixel coordinates: column 0 is x = 0), a mass (sum of excess
    /// in °C·pixels), a peak and a size. All arrays are sized for the frame once; finding allocates nothing.
    /// </summary>
    public sealed class BlobFinder
    {
        /// <summary>Most blobs per frame; more warm regions than this are ignored (weakest last).</summary>
        public const int MaxBlobs = 16;

        // sqrt(2): the prominence test compares two noisy pixels, whose difference is sqrt(2) sigmas noisy.
        private const float DifferenceNoise = 1.4142f;

        private readonly int _width;
        private readonly int _height;
        private readonly int _pixels;
        private readonly int[] _order;
        private readonly int[] _region;
        private readonly int[] _parent;
        private readonly float[] _regionPeak;
        private readonly bool[] _regionSticky;
        private readonly int[] _regionBlob;
        private readonly int[] _pixelBlob;
        private readonly float[] _column = new float[MaxBlobs];
        private readonly float[] _row = new float[MaxBlobs];
        private readonly float[] _mass = new float[MaxBlobs];
        private readonly float[] _peak = new float[MaxBlobs];
        private readonly int[] _size = new int[MaxBlobs];
        private readonly int[] _peakPixel = new int[MaxBlobs];
        private int _warmCount;

        // The excess the last frame's blobs were found in (the caller's array, held by reference, not copied).
        private float[] _excess;

        /// <summary>Creates the finder for frames of <paramref name="width"/> x <paramref name="height"/>.</summary>
        public BlobFinder(int width, int height)
        {
            _width = width;
            _height = height;
            _pixels = width * height;
            _order = new int[_pixels];
            _region = new int[_pixels];
            _parent = new int[_pixels];
            _regionPeak = new float[_pixels];
            _regionSticky = new bool[_pixels];
            _regionBlob = new int[_pixels];
            _pixelBlob = new int[_pixels];
            for (int i = 0; i < _pixels; i++)
            {
                _pixelBlob[i] = -1;
            }
        }

        /// <summary>Bytes this stage holds.</summary>
        public int AllocatedBytes
        {
            get { return (_pixels * ((4 * 6) + 1)) + (MaxBlobs * 24); }
        }

        /// <summary>Blobs found in the last frame.</summary>
        public int Count { get; private set; }

        /// <summary>The blob of each pixel in the last frame, or -1.</summary>
        public int[] PixelBlob
        {
            get { return _pixelBlob; }
        }

        /// <summary>Pixels warmer than the detection threshold in the last frame, warmest first.</summary>
        public int WarmCount
        {
            get { return _warmCount; }
        }

        /// <summary>The <paramref name="rank"/>-th warmest warm pixel of the last frame.</summary>
        public int WarmPixel(int rank)
        {
            return _order[rank];
        }

        /// <summary>Excess-weighted centroid column of blob <paramref name="blob"/>.</summary>
        public float ColumnOf(int blob)
        {
            return _column[blob];
        }

        /// <summary>Excess-weighted centroid row of blob <paramref name="blob"/>.</summary>
        public float RowOf(int blob)
        {
            return _row[blob];
        }

        /// <summary>Sum of the excess of blob <paramref name="blob"/>'s pixels, in °C·pixels.</summary>
        public float MassOf(int blob)
        {
            return _mass[blob];
        }

        /// <summary>Excess of blob <paramref name="blob"/>'s warmest pixel, in °C.</summary>
        public float PeakOf(int blob)
        {
            return _peak[blob];
        }

        /// <summary>The warmest pixel of blob <paramref name="blob"/>.</summary>
        public int PeakPixelOf(int blob)
        {
            return _peakPixel[blob];
        }

        /// <summary>The excess the last frame's blobs were found in.</summary>
        public float[] Excess
        {
            get { return _excess; }
        }

        /// <summary>
        /// Sum of <paramref name="levels"/> (one per pixel) over blob <paramref name="blob"/>'s pixels within one pixel
        /// of (<paramref name="column"/>, <paramref name="row"/>): the warmth of the spot where a person sits, apart from
        /// the rest of a large warm blob around them (a sun patch). A sum over the spot, not its warmest pixel: a
        /// person shifting by half a pixel spreads over two pixels and lowers the peak, but not the sum.
        /// </summary>
        public float MassNear(float[] levels, int blob, float column, float row)
        {
            int centreColumn = (int)(column + 0.5f);
            int centreRow = (int)(row + 0.5f);
            float mass = 0;
            for (int y = centreRow - 1; y <= centreRow + 1; y++)
            {
                if (y < 0 || y >= _height)
                {
                    continue;
                }

                for (int x = centreColumn - 1; x <= centreColumn + 1; x++)
                {
                    int pixel = (y * _width) + x;
                    if (x >= 0 && x < _width && _pixelBlob[pixel] == blob)
                    {
                        mass += levels[pixel];
                    }
                }
            }

            return mass;
        }

        /// <summary>Pixels in blob <paramref name="blob"/>.</summary>
        public int SizeOf(int blob)
        {
            return _size[blob];
        }

        /// <summary>
        /// Finds the blobs of <paramref name="excess"/>. Thresholds in °C: <paramref name="warm"/> for a pixel to
        /// join a region, <paramref name="peak"/> for a region to be a blob, <paramref name="holdPeak"/> for a
        /// region touching a <paramref name="sticky"/> pixel, <paramref name="prominence"/> to keep regions apart.
        /// Returns the number of blobs.
        /// </summary>
        public int Find(float[] excess, float warm, float peak, float holdPeak, float prominence, bool[] sticky)
        {
            _excess = excess;

            // Warm pixels, warmest first (insertion: few pixels are warm, and it keeps equal pixels in index order).
            int warmCount = 0;
            for (int i = 0; i < _pixels; i++)
            {
                _region[i] = -1;
                _pixelBlob[i] = -1;
                float value = excess[i];
                if (!(value > warm))
                {
                    continue;
                }

                int j = warmCount++;
                while (j > 0 && excess[_order[j - 1]] < value)
                {
                    _order[j] = _order[j - 1];
                    j--;
                }

                _order[j] = i;
            }

            _warmCount = warmCount;
            int regions = Flood(excess, warmCount, prominence * DifferenceNoise, sticky);
            return Collect(excess, warmCount, regions, peak, holdPeak);
        }

        private int Flood(float[] excess, int warmCount, float prominence, bool[] sticky)
        {
            int regions = 0;
            for (int k = 0; k < warmCount; k++)
            {
                int pixel = _order[k];
                int row = pixel / _width;
                int column = pixel - (row * _width);
                // The pixel joins the region of its warmest flooded neighbour (downhill from that region's peak).
                int best = -1;
                float bestNeighbour = 0;
                for (int r = row - 1; r <= row + 1; r++)
                {
                    if (r < 0 || r >= _height)
                    {
                        continue;
                    }

                    for (int c = column - 1; c <= column + 1; c++)
                    {
                        int neighbour = (r * _width) + c;
                        if (c < 0 || c >= _width || _region[neighbour] < 0)
                        {
                            continue;
                        }

                        int root = Root(_region[neighbour]);
                        float value = excess[neighbour];
                        if (best < 0)
                        {
                            best = root;
                            bestNeighbour = value;
                            continue;
                        }

                        if (root == best)
                        {
                            bestNeighbour = value > bestNeighbour ? value : bestNeighbour;
                            continue;
                        }

                        // Two regions meet at this pixel: merge unless the lower peak is prominent above it.
                        int higher = _regionPeak[root] > _regionPeak[best] ? root : best;
                        int lower = higher == root ? best : root;
                        if (_regionPeak[lower] - excess[pixel] < prominence)
                        {
                            _parent[lower] = higher;
                            _regionSticky[higher] = _regionSticky[higher] || _regionSticky[lower];
                            best = higher;
                        }
                        else if (value > bestNeighbour)
                        {
                            // They stay apart: the pixel goes with the warmer neighbour, not with the higher
                            // peak, or a cooler person next to a warmer one loses the near half of their body.
                            best = root;
                        }

                        if (value > bestNeighbour)
                        {
                            bestNeighbour = value;
                        }
                    }
                }

                if (best < 0)
                {
                    best = regions++;
                    _parent[best] = best;
                    _regionPeak[best] = excess[pixel];
                    _regionSticky[best] = false;
                }

                _region[pixel] = best;
                if (sticky[pixel])
                {
                    _regionSticky[best] = true;
                }
            }

            return regions;
        }

        private int Collect(float[] excess, int warmCount, int regions, float peak, float holdPeak)
        {
            for (int r = 0; r < regions; r++)
            {
                _regionBlob[r] = -1;
            }

            // A region's stickiness is known only once flooding is done; propagate it to the roots.
            for (int r = 0; r < regions; r++)
            {
                if (_regionSticky[r])
                {
                    _regionSticky[Root(r)] = true;
                }
            }

            int count = 0;
            for (int k = 0; k < warmCount; k++)
            {
                int pixel = _order[k];
                int root = Root(_region[pixel]);
                int blob = _regionBlob[root];
                if (blob == -2)
                {
                    continue;
                }

                if (blob < 0)
                {
                    // The first pixel met of a region is its peak (warmest first).
                    float needed = _regionSticky[root] ? holdPeak : peak;
                    if (excess[pixel] < needed || count == MaxBlobs)
                    {
                        _regionBlob[root] = -2;
                        continue;
                    }

                    blob = count++;
                    _regionBlob[root] = blob;
                    _column[blob] = 0;
                    _row[blob] = 0;
                    _mass[blob] = 0;
                    _size[blob] = 0;
                    _peak[blob] = excess[pixel];
                    _peakPixel[blob] = pixel;
                }

                float weight = excess[pixel];
                int row = pixel / _width;
                _column[blob] += weight * (pixel - (row * _width));
                _row[blob] += weight * row;
                _mass[blob] += weight;
                _size[blob]++;
                _pixelBlob[pixel] = blob;
            }

            for (int b = 0; b < count; b++)
            {
                _column[b] /= _mass[b];
                _row[b] /= _mass[b];
            }

            Count = count;
            return count;
        }

        private int Root(int region)
        {
            while (_parent[region] != region)
            {
                _parent[region] = _parent[_parent[region]];
                region = _parent[region];
            }

            return region;
        }
    }
}
