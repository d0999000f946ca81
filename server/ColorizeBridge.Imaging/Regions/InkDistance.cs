namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Which pixels lie farther than a given distance from every ink pixel: the
/// exact Euclidean distance transform of Felzenszwalb and Huttenlocher
/// ("Distance Transforms of Sampled Functions", 2012), a pass down each column
/// then the lower envelope of parabolas along each row; linear time.
/// Squared distances are capped just above the threshold, which keeps the
/// arithmetic in integers and does not change the answer: a capped value is
/// never below min(true distance, cap).
/// </summary>
internal static class InkDistance
{
    /// <returns>One byte per pixel: 1 where the pixel is farther than <paramref name="distance"/> from all ink.</returns>
    public static byte[] FartherThan(byte[] ink, int width, int height, double distance)
    {
        // Integer squared distances d² > distance² is d² >= threshold.
        int threshold = (int)Math.Floor(distance * distance) + 1;
        int cap = threshold;
        var columnDistance = new int[ink.Length];
        ColumnPass(ink, width, height, cap, columnDistance);

        var farther = new byte[ink.Length];
        var envelope = new int[width];
        var boundaries = new double[width + 1];
        var row = new int[width];
        for (int y = 0; y < height; y++)
        {
            int offset = y * width;
            Array.Copy(columnDistance, offset, row, 0, width);
            RowPass(row, envelope, boundaries, farther.AsSpan(offset, width), threshold);
        }

        return farther;
    }

    /// <summary>Squared vertical distance to the nearest ink in the same column, capped.</summary>
    private static void ColumnPass(byte[] ink, int width, int height, int cap, int[] squared)
    {
        int limit = (int)Math.Ceiling(Math.Sqrt(cap));
        var gap = new int[width];
        Array.Fill(gap, limit);
        for (int y = 0; y < height; y++)
        {
            int offset = y * width;
            for (int x = 0; x < width; x++)
            {
                gap[x] = ink[offset + x] != 0 ? 0 : Math.Min(gap[x] + 1, limit);
                squared[offset + x] = gap[x];
            }
        }

        Array.Fill(gap, limit);
        for (int y = height - 1; y >= 0; y--)
        {
            int offset = y * width;
            for (int x = 0; x < width; x++)
            {
                gap[x] = ink[offset + x] != 0 ? 0 : Math.Min(gap[x] + 1, limit);
                int nearest = Math.Min(gap[x], squared[offset + x]);
                squared[offset + x] = Math.Min(nearest * nearest, cap);
            }
        }
    }

    /// <summary>One row of the lower envelope of the parabolas f(q) + (x - q)².</summary>
    private static void RowPass(int[] f, int[] envelope, double[] boundaries, Span<byte> farther, int threshold)
    {
        int n = f.Length;
        int k = 0;
        envelope[0] = 0;
        boundaries[0] = double.NegativeInfinity;
        boundaries[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = Intersection(f, q, envelope[k]);
            while (s <= boundaries[k])
            {
                k--;
                s = Intersection(f, q, envelope[k]);
            }

            k++;
            envelope[k] = q;
            boundaries[k] = s;
            boundaries[k + 1] = double.PositiveInfinity;
        }

        k = 0;
        for (int x = 0; x < n; x++)
        {
            while (boundaries[k + 1] < x)
            {
                k++;
            }

            int q = envelope[k];
            long squared = f[q] + ((long)(x - q) * (x - q));
            farther[x] = squared >= threshold ? (byte)1 : (byte)0;
        }
    }

    private static double Intersection(int[] f, int q, int p) =>
        ((f[q] + ((double)q * q)) - (f[p] + ((double)p * p))) / (2.0 * (q - p));
}
