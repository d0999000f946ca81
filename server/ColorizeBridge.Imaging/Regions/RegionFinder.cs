using ColorizeBridge.Imaging.LineArt;

namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Cuts line art into the areas the lines enclose, closing small gaps the way
/// Krita's Colorize Mask does:
/// <list type="number">
/// <item>ink is found against the local paper (<see cref="InkDetector"/>);</item>
/// <item>regions start only from pixels farther than (gap + 1) / 2 from ink
/// (<see cref="InkDistance"/>), so no region has a path through a gap of up to
/// about gap pixels; each connected set of such pixels is one region;</item>
/// <item>they grow back, nearest first, over the band near the lines; areas the
/// lines enclose that are too thin to hold a start of their own become regions too;</item>
/// <item>they grow over the ink, so every line pixel belongs to a region it borders;</item>
/// <item>regions smaller than <see cref="RegionOptions.MinRegionArea"/> join the
/// neighbour they share most border with (<see cref="SpeckMerger"/>).</item>
/// </list>
/// Every step is linear in the number of pixels.
/// </summary>
public static class RegionFinder
{
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static RegionMap Find(LineArtLayer lineArt, RegionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lineArt);
        options ??= RegionOptions.Default;
        options.Validate();
        int width = lineArt.Width, height = lineArt.Height;

        byte[] ink = InkDetector.Detect(lineArt, options);
        byte[] farFromInk = InkDistance.FartherThan(ink, width, height, (options.GapSize + 1) / 2.0);
        var roles = new PixelRole[ink.Length];
        for (int i = 0; i < roles.Length; i++)
        {
            roles[i] = ink[i] != 0 ? PixelRole.Line : farFromInk[i] != 0 ? PixelRole.Interior : PixelRole.NearLine;
        }

        var labels = new int[roles.Length];
        Array.Fill(labels, RegionGrowth.Unlabelled);
        var work = new int[roles.Length];
        int count = RegionGrowth.LabelComponents(labels, roles, width, PixelRole.Interior, 0, work);
        RegionGrowth.Grow(labels, roles, width, height, PixelRole.NearLine, work);
        count = RegionGrowth.LabelComponents(labels, roles, width, PixelRole.NearLine, count, work);
        if (count == 0)
        {
            // All ink: the whole canvas is one region.
            Array.Fill(labels, 0);
            count = 1;
        }
        else
        {
            RegionGrowth.Grow(labels, roles, width, height, PixelRole.Line, work);
        }

        count = SpeckMerger.Merge(labels, width, count, options.MinRegionArea);
        return new RegionMap(width, height, labels, roles, MeasureRegions(labels, roles, width, height, count));
    }

    internal static RegionStats[] MeasureRegions(int[] labels, PixelRole[] roles, int width, int height, int count)
    {
        var area = new int[count];
        var interior = new int[count];
        var left = new int[count];
        var top = new int[count];
        var right = new int[count];
        var bottom = new int[count];
        var border = new int[count];
        Array.Fill(left, int.MaxValue);
        Array.Fill(top, int.MaxValue);
        Array.Fill(right, -1);
        Array.Fill(bottom, -1);
        for (int y = 0; y < height; y++)
        {
            bool borderRow = y == 0 || y == height - 1;
            int offset = y * width;
            for (int x = 0; x < width; x++)
            {
                int label = labels[offset + x];
                area[label]++;
                if (roles[offset + x] == PixelRole.Interior)
                {
                    interior[label]++;
                }

                left[label] = Math.Min(left[label], x);
                right[label] = Math.Max(right[label], x);
                top[label] = Math.Min(top[label], y);
                bottom[label] = Math.Max(bottom[label], y);
                if (borderRow || x == 0 || x == width - 1)
                {
                    border[label]++;
                }
            }
        }

        var stats = new RegionStats[count];
        for (int i = 0; i < count; i++)
        {
            stats[i] = new RegionStats(area[i], interior[i], left[i], top[i], right[i], bottom[i], border[i]);
        }

        return stats;
    }
}
