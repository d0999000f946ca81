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
        int height = labels.Length / width;
        for (int y = 0, p = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++, p++)
            {
                if (labels[p] != RegionGrowth.Unlabelled && HasUnlabelledNeighbour(p, x))
                {
                    queue[tail++] = p;
                }
            }
        }

        var columns = new FastModulo(width);
        for (int head = 0; head < tail; head++)
        {
            int p = queue[head];
            int x = columns.Of(p);
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

        bool HasUnlabelledNeighbour(int p, int x)
        {
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
        count = LabelParts(old, key, width, labels, stack, fromRegion);

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
    /// <summary>
    /// Labels the 4-connected sets of pixels of one region and one part key
    /// (the <see cref="GrowBack"/> and <see cref="GrowBackLast"/> pixels left
    /// unlabelled), numbered in raster order of each set's first pixel: two
    /// raster passes with a union-find whose root is always the set's first
    /// pixel (<paramref name="parent"/> is scratch space of one int per pixel).
    /// </summary>
    /// <returns>The number of sets; <paramref name="fromRegion"/> gets each set's region.</returns>
    private static int LabelParts(int[] old, int[] key, int width, int[] labels, int[] parent, List<int> fromRegion)
    {
        int length = old.Length;
        for (int p = 0, x = 0; p < length; p++, x = x == width - 1 ? 0 : x + 1)
        {
            int k = key[p];
            if (k is GrowBack or GrowBackLast)
            {
                continue;
            }

            int region = old[p];
            int root = p;
            if (x > 0 && key[p - 1] == k && old[p - 1] == region)
            {
                root = Root(parent, p - 1);
            }

            if (p >= width && key[p - width] == k && old[p - width] == region)
            {
                int above = Root(parent, p - width);
                if (root == p)
                {
                    root = above;
                }
                else if (above != root)
                {
                    // Two sets meet: the one starting first in raster order is the root.
                    (int first, int second) = above < root ? (above, root) : (root, above);
                    parent[second] = first;
                    root = first;
                }
            }

            parent[p] = root;
        }

        int count = 0;
        for (int p = 0; p < length; p++)
        {
            if (key[p] is GrowBack or GrowBackLast)
            {
                continue;
            }

            int root = Root(parent, p);
            if (root == p)
            {
                labels[p] = count++;
                fromRegion.Add(old[p]);
            }
            else
            {
                labels[p] = labels[root];
            }
        }

        return count;
    }

    private static int Root(int[] parent, int p)
    {
        int root = p;
        while (parent[root] != root)
        {
            root = parent[root];
        }

        while (parent[p] != root)
        {
            (parent[p], p) = (root, parent[p]);
        }

        return root;
    }

    /// <summary>
    /// <c>n % divisor</c> for non-negative ints by two multiplications instead
    /// of a division (Lemire, Kaser and Kurz, "Faster Remainder by Direct
    /// Computation", 2019): the growth's queue holds pixel indices and needs
    /// their column at every step.
    /// </summary>
    private readonly struct FastModulo(int divisor)
    {
        private readonly ulong _inverse = (ulong.MaxValue / (uint)divisor) + 1;
        private readonly uint _divisor = (uint)divisor;

        public int Of(int n) => (int)Math.BigMul(_inverse * (uint)n, _divisor, out _);
    }
}
