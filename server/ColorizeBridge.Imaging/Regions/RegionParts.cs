namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// The labelling the region splits share (<see cref="ModelColourSplit"/>,
/// <see cref="WideGapSplit"/>): a region to cut is cut into the 4-connected
/// parts of equal key, and its pixels without a key (bands, lines, necks)
/// go to the nearest part of the same region, so no part reaches over a line
/// into a neighbour. Linear in the number of pixels.
/// </summary>
internal static class RegionParts
{
    /// <summary>The key of every pixel of a region that is not cut.</summary>
    public const int Whole = -1;

    /// <summary>The key of a pixel that joins the nearest part of its region.</summary>
    public const int GrowBack = -2;

    /// <summary>
    /// The key of a pixel that joins the nearest part of its region once the
    /// <see cref="GrowBack"/> pixels are taken, so parts do not grow across it
    /// (the lines, where a part must not reach round a line into the next).
    /// </summary>
    public const int GrowBackLast = -3;

    /// <summary>
    /// Breadth-first growth of the parts into the unlabelled pixels (a cut
    /// region's band and lines) of the same region only, nearest first, so no
    /// part reaches over a line into its neighbour.
    /// </summary>
    private static void GrowWithinRegions(int[] labels, int[] old, int[] key, bool intoLast, int width, int[] queue)
    {
        int tail = 0;
        for (int p = 0; p < labels.Length; p++)
        {
            if (labels[p] != RegionGrowth.Unlabelled && HasUnlabelledNeighbour(p))
            {
                queue[tail++] = p;
            }
        }

        for (int head = 0; head < tail; head++)
        {
            int p = queue[head];
            int x = p % width;
            if (x > 0)
            {
                Take(p, p - 1);
            }

            if (x < width - 1)
            {
                Take(p, p + 1);
            }

            if (p >= width)
            {
                Take(p, p - width);
            }

            if (p + width < labels.Length)
            {
                Take(p, p + width);
            }
        }

        void Take(int from, int to)
        {
            if (Open(from, to))
            {
                labels[to] = labels[from];
                queue[tail++] = to;
            }
        }

        bool HasUnlabelledNeighbour(int p)
        {
            int x = p % width;
            return (x > 0 && Open(p, p - 1)) || (x < width - 1 && Open(p, p + 1)) || (p >= width && Open(p, p - width)) || (p + width < labels.Length && Open(p, p + width));
        }

        bool Open(int from, int to) => labels[to] == RegionGrowth.Unlabelled && old[to] == old[from] && (intoLast || key[to] != GrowBackLast);
    }

    /// <summary>
    /// New labels: one per 4-connected set of pixels of one region and one
    /// part key, grown back over that region's <see cref="GrowBack"/> pixels
    /// nearest first; regions left <see cref="Whole"/> keep one label each.
    /// </summary>
    /// <param name="key">Per pixel: <see cref="Whole"/> where its region stays whole, <see cref="GrowBack"/>
    /// where it goes to the nearest part of its region, else the part key (0 or more) it shares with its part.</param>
    /// <param name="origin">Per new label, the region it came from (for <see cref="SpeckMerger"/>'s groups).</param>
    public static int[] Label(RegionMap regions, int[] key, out int count, out int[] origin)
    {
        int width = regions.Width;
        int[] old = regions.Labels;
        var labels = new int[old.Length];
        Array.Fill(labels, RegionGrowth.Unlabelled);

        var stack = new int[old.Length];
        var fromRegion = new List<int>();
        count = 0;
        for (int start = 0; start < old.Length; start++)
        {
            if (labels[start] != RegionGrowth.Unlabelled || key[start] is GrowBack or GrowBackLast)
            {
                continue;
            }

            count = Flood(start, count);
        }

        GrowWithinRegions(labels, old, key, false, width, stack);
        if (Array.IndexOf(key, GrowBackLast) >= 0)
        {
            GrowWithinRegions(labels, old, key, true, width, stack);
        }

        for (int start = 0; start < old.Length; start++)
        {
            if (labels[start] == RegionGrowth.Unlabelled)
            {
                // A band with no interior of its region next to it: it stays one part.
                count = Flood(start, count);
            }
        }

        origin = [.. fromRegion];
        return labels;

        int Flood(int start, int label)
        {
            int region = old[start], cls = key[start];
            fromRegion.Add(region);
            labels[start] = label;
            int depth = 0;
            stack[depth++] = start;
            while (depth > 0)
            {
                int p = stack[--depth];
                int x = p % width;
                if (x > 0 && Joins(p - 1))
                {
                    labels[p - 1] = label;
                    stack[depth++] = p - 1;
                }

                if (x < width - 1 && Joins(p + 1))
                {
                    labels[p + 1] = label;
                    stack[depth++] = p + 1;
                }

                if (p >= width && Joins(p - width))
                {
                    labels[p - width] = label;
                    stack[depth++] = p - width;
                }

                if (p + width < old.Length && Joins(p + width))
                {
                    labels[p + width] = label;
                    stack[depth++] = p + width;
                }
            }

            return label + 1;

            bool Joins(int q) => labels[q] == RegionGrowth.Unlabelled && old[q] == region && key[q] == cls;
        }
    }
}
