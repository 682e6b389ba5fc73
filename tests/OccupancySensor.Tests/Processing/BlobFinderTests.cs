using OccupancySensor.Processing;

namespace OccupancySensor.Tests.Processing;

public class BlobFinderTests
{
    private const float Warm = 0.5f;
    private const float Peak = 2f;
    private const float HoldPeak = 1f;
    private const float Prominence = 0.5f;

    private static float[] Gaussians(int width, int height, params (float X, float Y, float Amplitude, float Radius)[] spots)
    {
        var excess = new float[width * height];
        for (int row = 0; row < height; row++)
        {
            for (int column = 0; column < width; column++)
            {
                foreach (var s in spots)
                {
                    float dx = column - s.X;
                    float dy = row - s.Y;
                    excess[(row * width) + column] += s.Amplitude * MathF.Exp(-((dx * dx) + (dy * dy)) / (2 * s.Radius * s.Radius));
                }
            }
        }

        return excess;
    }

    /// <summary>The expected blob of the warm pixels in a rectangle: weighted centroid, mass, peak and size.</summary>
    private static (float Column, float Row, float Mass, float Peak, int Size) Expected(float[] excess, int width, int c0, int r0, int c1, int r1)
    {
        float mass = 0, column = 0, row = 0, peak = float.MinValue;
        int size = 0;
        for (int r = r0; r <= r1; r++)
        {
            for (int c = c0; c <= c1; c++)
            {
                float e = excess[(r * width) + c];
                if (e > Warm)
                {
                    mass += e;
                    column += e * c;
                    row += e * r;
                    peak = Math.Max(peak, e);
                    size++;
                }
            }
        }

        return (column / mass, row / mass, mass, peak, size);
    }

    private static int BlobAt(BlobFinder blobs, float column, float row)
    {
        for (int b = 0; b < blobs.Count; b++)
        {
            if (MathF.Abs(blobs.ColumnOf(b) - column) < 0.75f && MathF.Abs(blobs.RowOf(b) - row) < 0.75f)
            {
                return b;
            }
        }

        return -1;
    }

    private static void AssertBlob(BlobFinder blobs, (float Column, float Row, float Mass, float Peak, int Size) expected)
    {
        int b = BlobAt(blobs, expected.Column, expected.Row);
        Assert.True(b >= 0, $"no blob near ({expected.Column}, {expected.Row})");
        Assert.Equal(expected.Column, blobs.ColumnOf(b), 3);
        Assert.Equal(expected.Row, blobs.RowOf(b), 3);
        Assert.Equal(expected.Mass, blobs.MassOf(b), 3);
        Assert.Equal(expected.Peak, blobs.PeakOf(b), 5);
        Assert.Equal(expected.Size, blobs.SizeOf(b));
        Assert.Equal(expected.Size, blobs.PixelBlob.Count(p => p == b));
    }

    [Fact]
    public void Two_separate_warm_spots_are_two_blobs_with_their_weighted_centroids_mass_peak_and_size()
    {
        // Off-grid centres, different sizes; far enough apart that no warm pixel of one touches the other.
        var excess = Gaussians(8, 8, (1.3f, 1.6f, 3f, 0.7f), (5.6f, 5.2f, 5f, 0.9f));
        var blobs = new BlobFinder(8, 8);
        int count = blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, new bool[64]);
        Assert.Equal(2, count);
        Assert.Equal(2, blobs.Count);
        AssertBlob(blobs, Expected(excess, 8, 0, 0, 3, 3));
        AssertBlob(blobs, Expected(excess, 8, 4, 3, 7, 7));
        Assert.Equal(excess.Count(e => e > Warm), blobs.WarmCount);

        // Warm pixels come warmest first.
        for (int k = 1; k < blobs.WarmCount; k++)
        {
            Assert.True(excess[blobs.WarmPixel(k - 1)] >= excess[blobs.WarmPixel(k)]);
        }
    }

    [Fact]
    public void Centroids_are_in_pixel_coordinates_on_a_wide_view()
    {
        // One pixel warm at column 13, row 2 of a 16x12 view: the centroid is exactly there.
        var excess = new float[16 * 12];
        excess[(2 * 16) + 13] = 3f;
        var blobs = new BlobFinder(16, 12);
        Assert.Equal(1, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, new bool[16 * 12]));
        Assert.Equal(13f, blobs.ColumnOf(0));
        Assert.Equal(2f, blobs.RowOf(0));
        Assert.Equal(3f, blobs.MassOf(0));
        Assert.Equal(1, blobs.SizeOf(0));
    }

    [Fact]
    public void Two_touching_peaks_with_a_saddle_stay_two_blobs_one_broad_peak_is_one()
    {
        // Two people shoulder to shoulder: peaks of 4 °C three pixels apart, a saddle well below them.
        var two = Gaussians(8, 8, (2f, 3.5f, 4f, 0.8f), (5f, 3.5f, 4f, 0.8f));
        float saddle = two[(3 * 8) + 3];
        Assert.True(saddle > Warm, "the two regions must touch for the test to mean anything");
        var blobs = new BlobFinder(8, 8);
        Assert.Equal(2, blobs.Find(two, Warm, Peak, HoldPeak, Prominence, new bool[64]));
        Assert.True(blobs.ColumnOf(0) < 3.5f != blobs.ColumnOf(1) < 3.5f, "one blob each side of the saddle");

        // The same but with a split prominence larger than the peaks' height above the saddle: merged.
        float needed = (4f - saddle) / 1.4142f;
        Assert.Equal(1, blobs.Find(two, Warm, Peak, HoldPeak, needed + 0.1f, new bool[64]));

        // One broad warm body (a person close to the sensor) with a flat top is one blob.
        var broad = Gaussians(8, 8, (3.5f, 3.5f, 4f, 1.6f));
        Assert.Equal(1, blobs.Find(broad, Warm, Peak, HoldPeak, Prominence, new bool[64]));
        Assert.Equal(broad.Count(e => e > Warm), blobs.SizeOf(0));

        // Head and shoulders: a small bump on a broad body, less prominent than the split threshold, stays one.
        var headAndShoulders = Gaussians(8, 8, (3.5f, 4f, 3f, 1.5f), (3.5f, 1.8f, 0.6f, 0.5f));
        Assert.Equal(1, blobs.Find(headAndShoulders, Warm, Peak, HoldPeak, Prominence, new bool[64]));
    }

    /// <summary>
    /// Reference watershed for prominent peaks: each warm pixel belongs to the local maximum reached by stepping
    /// to the warmest warm neighbour (8-neighbourhood) until none is warmer.
    /// </summary>
    private static int[] SteepestAscent(float[] excess, int width, int height)
    {
        var owner = new int[excess.Length];
        for (int i = 0; i < excess.Length; i++)
        {
            owner[i] = -1;
            if (!(excess[i] > Warm))
            {
                continue;
            }

            int at = i;
            while (true)
            {
                int row = at / width, column = at % width, next = at;
                for (int r = Math.Max(0, row - 1); r <= Math.Min(height - 1, row + 1); r++)
                {
                    for (int c = Math.Max(0, column - 1); c <= Math.Min(width - 1, column + 1); c++)
                    {
                        if (excess[(r * width) + c] > excess[next])
                        {
                            next = (r * width) + c;
                        }
                    }
                }

                if (next == at)
                {
                    break;
                }

                at = next;
            }

            owner[i] = at;
        }

        return owner;
    }

    [Theory]
    [InlineData(4f, 3f, 0.8f)]
    [InlineData(3f, 4f, 0.8f)]
    [InlineData(5f, 2.5f, 0.9f)]
    public void Two_touching_people_of_different_warmth_each_keep_their_own_pixels(float left, float right, float radius)
    {
        // Two people shoulder to shoulder on a 16x12 view, one warmer than the other. The pixels between them
        // belong to the person they are warmer towards; the split must not hand the cooler person's near side to
        // the warmer one, or both centroids and the cooler person's mass are wrong.
        const int width = 16, height = 12;
        var excess = Gaussians(width, height, (6f, 5.3f, left, radius), (9.1f, 5.6f, right, radius));
        var owner = SteepestAscent(excess, width, height);
        var peaks = owner.Where(o => o >= 0).Distinct().ToArray();
        Assert.Equal(2, peaks.Length);

        var blobs = new BlobFinder(width, height);
        Assert.Equal(2, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, new bool[width * height]));
        foreach (int peak in peaks)
        {
            var pixels = Enumerable.Range(0, excess.Length).Where(i => owner[i] == peak).ToArray();
            float mass = pixels.Sum(i => excess[i]);
            float column = pixels.Sum(i => excess[i] * (i % width)) / mass;
            float row = pixels.Sum(i => excess[i] * (i / width)) / mass;
            int b = blobs.PixelBlob[peak];
            Assert.True(b >= 0);
            Assert.Equal(pixels.Length, blobs.SizeOf(b));
            Assert.Equal(mass, blobs.MassOf(b), 3);
            Assert.Equal(column, blobs.ColumnOf(b), 3);
            Assert.Equal(row, blobs.RowOf(b), 3);
            Assert.All(pixels, i => Assert.Equal(b, blobs.PixelBlob[i]));
        }
    }

    [Fact]
    public void A_row_of_people_with_falling_warmth_keeps_each_person_whole()
    {
        // Four people in a queue across an 8-wide strip of a 16x12 view, each cooler than the one before: with
        // the contested pixels given to the warmest region, the cooler people shrink to their peak pixel.
        const int width = 16, height = 12;
        var excess = Gaussians(width, height, (1.4f, 6f, 6f, 0.7f), (4.4f, 6.2f, 5f, 0.7f), (7.4f, 5.9f, 4f, 0.7f), (10.4f, 6.1f, 3f, 0.7f));
        var owner = SteepestAscent(excess, width, height);
        var blobs = new BlobFinder(width, height);
        Assert.Equal(4, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, new bool[width * height]));
        for (int b = 0; b < 4; b++)
        {
            int expectedSize = owner.Count(o => o >= 0 && blobs.PixelBlob[o] == b);
            Assert.Equal(expectedSize, blobs.SizeOf(b));
            Assert.True(blobs.SizeOf(b) >= 4, $"blob {b} has only {blobs.SizeOf(b)} pixels");
        }
    }

    [Fact]
    public void A_warm_region_whose_peak_is_below_the_peak_threshold_is_no_blob()
    {
        var excess = Gaussians(8, 8, (3f, 3f, 1.8f, 1f));
        var blobs = new BlobFinder(8, 8);
        Assert.Equal(0, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, new bool[64]));
        Assert.True(blobs.WarmCount > 0);
        Assert.All(blobs.PixelBlob, p => Assert.Equal(-1, p));

        // Exactly at the threshold it is one.
        excess[(3 * 8) + 3] = Peak;
        Assert.Equal(1, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, new bool[64]));
    }

    [Fact]
    public void A_sticky_pixel_keeps_a_faint_region_a_blob()
    {
        var excess = Gaussians(8, 8, (3f, 3f, 1.4f, 1f));
        var blobs = new BlobFinder(8, 8);
        var sticky = new bool[64];
        Assert.Equal(0, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, sticky));

        // A person was there last frame, on an edge pixel of the region (not its peak): held with the lower peak.
        sticky[(3 * 8) + 4] = true;
        Assert.True(excess[(3 * 8) + 4] > Warm);
        Assert.Equal(1, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, sticky));
        AssertBlob(blobs, Expected(excess, 8, 0, 0, 7, 7));

        // Sticky pixels elsewhere (outside the region) do not help it.
        sticky[(3 * 8) + 4] = false;
        sticky[63] = true;
        Assert.Equal(0, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, sticky));

        // Nor does stickiness lower the bar below the hold peak.
        sticky[(3 * 8) + 3] = true;
        var fainter = Gaussians(8, 8, (3f, 3f, 0.9f, 1f));
        Assert.Equal(0, blobs.Find(fainter, Warm, Peak, HoldPeak, Prominence, sticky));
    }

    [Fact]
    public void Sticky_regions_merged_by_flooding_are_held_through_their_root()
    {
        // Two faint touching bumps that merge (low prominence); only the fainter one carries the sticky pixel.
        var excess = Gaussians(8, 8, (2f, 3f, 1.5f, 0.9f), (4.5f, 3f, 1.3f, 0.9f));
        var sticky = new bool[64];
        sticky[(3 * 8) + 5] = true;
        var blobs = new BlobFinder(8, 8);
        Assert.Equal(1, blobs.Find(excess, Warm, Peak, HoldPeak, 2f, sticky));
        Assert.Equal(excess.Count(e => e > Warm), blobs.SizeOf(0));
    }

    [Fact]
    public void No_more_than_MaxBlobs_blobs_and_the_weakest_are_the_ones_left_out()
    {
        // 24 single warm pixels on a 16x12 view, each isolated by a cold ring, peaks 2.1 .. 4.4 °C.
        const int width = 16;
        var excess = new float[width * 12];
        var peaks = new List<float>();
        int n = 0;
        for (int row = 0; row < 12; row += 2)
        {
            for (int column = 0; column < width; column += 4)
            {
                float value = 2.1f + (((n * 7) % 24) * 0.1f);
                excess[(row * width) + column] = value;
                peaks.Add(value);
                n++;
            }
        }

        Assert.Equal(24, peaks.Count);
        var blobs = new BlobFinder(width, 12);
        Assert.Equal(BlobFinder.MaxBlobs, blobs.Find(excess, Warm, Peak, HoldPeak, Prominence, new bool[width * 12]));
        var found = Enumerable.Range(0, blobs.Count).Select(b => blobs.PeakOf(b)).OrderByDescending(p => p).ToArray();
        var strongest = peaks.OrderByDescending(p => p).Take(BlobFinder.MaxBlobs).ToArray();
        Assert.Equal(strongest, found);
        Assert.Equal(BlobFinder.MaxBlobs, blobs.PixelBlob.Count(p => p >= 0));
        Assert.All(blobs.PixelBlob.Where(p => p >= 0), p => Assert.InRange(p, 0, BlobFinder.MaxBlobs - 1));
    }

    [Fact]
    public void Every_frame_starts_afresh()
    {
        var blobs = new BlobFinder(8, 8);
        blobs.Find(Gaussians(8, 8, (2f, 2f, 4f, 0.8f), (6f, 6f, 4f, 0.8f)), Warm, Peak, HoldPeak, Prominence, new bool[64]);
        Assert.Equal(2, blobs.Count);
        Assert.Equal(0, blobs.Find(new float[64], Warm, Peak, HoldPeak, Prominence, new bool[64]));
        Assert.Equal(0, blobs.WarmCount);
        Assert.All(blobs.PixelBlob, p => Assert.Equal(-1, p));
    }
}
