namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Which pixels lie farther than a given distance from every ink pixel
/// (exact Euclidean distance, for the small distances the region splits use).
/// A pass down and up each column gives every pixel's vertical distance to the
/// nearest ink in its column, capped just above the distance; then along each
/// row, the ink nearest to column <c>c</c> at vertical distance <c>v</c> comes
/// within the distance of exactly the pixels <c>x</c> with
/// <c>v² + (x - c)² &lt;= distance²</c>, an interval of half-width
/// <c>R(v)</c> around <c>c</c>, so two sweeps along the row (carrying the
/// farthest reach from the left, then from the right) mark every pixel some
/// column's ink reaches. Linear time, integers only.
/// </summary>
internal static class InkDistance
{
    /// <returns>One byte per pixel: 1 where the pixel is farther than <paramref name="distance"/> from all ink.</returns>
    public static byte[] FartherThan(byte[] ink, int width, int height, double distance)
    {
        // Integer squared distances: d² > distance² is d² >= threshold.
        int threshold = (int)Math.Floor(distance * distance) + 1;
        int limit = 0;
        while (limit * limit < threshold)
        {
            limit++;
        }

        // reach[v]: the largest horizontal offset d with v² + d² < threshold (ink at vertical distance v
        // comes too near), -1 when even d = 0 is far enough; a column with no ink within limit reaches nowhere.
        var reach = new int[limit + 1];
        for (int v = 0; v <= limit; v++)
        {
            int d = -1;
            while ((v * v) + ((d + 1) * (d + 1)) < threshold)
            {
                d++;
            }

            reach[v] = d;
        }

        var vertical = new byte[ink.Length];
        ColumnPass(ink, width, height, limit, vertical);

        var farther = new byte[ink.Length];
        for (int y = 0; y < height; y++)
        {
            int offset = y * width;
            int carry = -1;
            for (int x = 0; x < width; x++)
            {
                carry = Math.Max(carry - 1, reach[vertical[offset + x]]);
                farther[offset + x] = carry < 0 ? (byte)1 : (byte)0;
            }

            carry = -1;
            for (int x = width - 1; x >= 0; x--)
            {
                carry = Math.Max(carry - 1, reach[vertical[offset + x]]);
                if (carry >= 0)
                {
                    farther[offset + x] = 0;
                }
            }
        }

        return farther;
    }

    /// <summary>Vertical distance to the nearest ink in the same column, capped at <paramref name="limit"/>.</summary>
    private static void ColumnPass(byte[] ink, int width, int height, int limit, byte[] vertical)
    {
        var gap = new int[width];
        Array.Fill(gap, limit);
        for (int y = 0; y < height; y++)
        {
            int offset = y * width;
            for (int x = 0; x < width; x++)
            {
                gap[x] = ink[offset + x] != 0 ? 0 : Math.Min(gap[x] + 1, limit);
                vertical[offset + x] = (byte)gap[x];
            }
        }

        Array.Fill(gap, limit);
        for (int y = height - 1; y >= 0; y--)
        {
            int offset = y * width;
            for (int x = 0; x < width; x++)
            {
                gap[x] = ink[offset + x] != 0 ? 0 : Math.Min(gap[x] + 1, limit);
                vertical[offset + x] = (byte)Math.Min(gap[x], vertical[offset + x]);
            }
        }
    }
}
