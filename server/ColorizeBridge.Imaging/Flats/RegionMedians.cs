using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// The per-channel median of the model's colour over each region's interior
/// (all of the region where it has no interior): robust to the model's line
/// bleed and blotches. Linear: pixels are bucketed by region once (a counting
/// sort), then one 256-bin histogram per channel per region.
/// </summary>
internal static class RegionMedians
{
    public static Rgb[] Compute(RegionMap regions, RgbaImage colour)
    {
        int count = regions.Count;
        int[] labels = regions.Labels;
        PixelRole[] roles = regions.Roles;
        var useAll = new bool[count];
        var start = new int[count + 1];
        for (int i = 0; i < count; i++)
        {
            RegionStats stats = regions.Stats[i];
            useAll[i] = stats.InteriorArea == 0;
            start[i + 1] = start[i] + (useAll[i] ? stats.Area : stats.InteriorArea);
        }

        var order = new int[start[count]];
        var fill = (int[])start.Clone();
        for (int p = 0; p < labels.Length; p++)
        {
            int label = labels[p];
            if (useAll[label] || roles[p] == PixelRole.Interior)
            {
                order[fill[label]++] = p;
            }
        }

        byte[] pixels = colour.Pixels;
        var histogram = new int[3 * 256];
        var medians = new Rgb[count];
        for (int i = 0; i < count; i++)
        {
            Array.Clear(histogram);
            for (int k = start[i]; k < start[i + 1]; k++)
            {
                int o = order[k] * 4;
                histogram[pixels[o]]++;
                histogram[256 + pixels[o + 1]]++;
                histogram[512 + pixels[o + 2]]++;
            }

            int half = (start[i + 1] - start[i]) / 2;
            medians[i] = new Rgb(Median(histogram, 0, half), Median(histogram, 256, half), Median(histogram, 512, half));
        }

        return medians;
    }

    /// <summary>The value with <paramref name="half"/> samples below or at it: the upper median for an even count.</summary>
    private static byte Median(int[] histogram, int offset, int half)
    {
        int seen = 0;
        for (int value = 0; value < 256; value++)
        {
            seen += histogram[offset + value];
            if (seen > half)
            {
                return (byte)value;
            }
        }

        return 255;
    }
}
