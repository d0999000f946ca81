using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Matching;

/// <summary>
/// Where the new page's regions land on the reference page under a
/// <see cref="PageTransform"/>: every new pixel is mapped and votes for the
/// reference region under it. Runs of equal votes along a row are counted at
/// once, so the cost is one pass over the pixels plus a sort of the runs.
/// Per new region, its (reference region, pixels) pairs, in reference order.
/// </summary>
internal sealed class RegionVotes
{
    private readonly int[] _start;
    private readonly int[] _references;
    private readonly int[] _counts;

    private RegionVotes(int[] start, int[] references, int[] counts)
    {
        _start = start;
        _references = references;
        _counts = counts;
    }

    public int Count(int region) => _start[region + 1] - _start[region];

    public (int Reference, int Pixels) this[int region, int k] => (_references[_start[region] + k], _counts[_start[region] + k]);

    public static RegionVotes Cast(RegionMap page, RegionMap reference, PageTransform transform)
    {
        int width = page.Width, height = page.Height, refWidth = reference.Width, refHeight = reference.Height;
        int[] labels = page.Labels, refLabels = reference.Labels;
        var keys = new List<long>();
        var counts = new List<int>();
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            double rowU = (transform.B * y) + transform.Tx, rowV = (transform.D * y) + transform.Ty;
            long runKey = -1;
            int runCount = 0;
            for (int x = 0; x < width; x++)
            {
                int u = (int)Math.Floor((transform.A * x) + rowU + 0.5), v = (int)Math.Floor((transform.C * x) + rowV + 0.5);
                if ((uint)u >= (uint)refWidth || (uint)v >= (uint)refHeight)
                {
                    continue;
                }

                long key = ((long)labels[row + x] << 32) | (uint)refLabels[(v * refWidth) + u];
                if (key == runKey)
                {
                    runCount++;
                    continue;
                }

                if (runCount > 0)
                {
                    keys.Add(runKey);
                    counts.Add(runCount);
                }

                (runKey, runCount) = (key, 1);
            }

            if (runCount > 0)
            {
                keys.Add(runKey);
                counts.Add(runCount);
            }
        }

        long[] keyArray = [.. keys];
        int[] countArray = [.. counts];
        Array.Sort(keyArray, countArray);
        var start = new int[page.Count + 1];
        var references = new List<int>();
        var pixels = new List<int>();
        for (int k = 0; k < keyArray.Length;)
        {
            long key = keyArray[k];
            int total = 0;
            for (; k < keyArray.Length && keyArray[k] == key; k++)
            {
                total += countArray[k];
            }

            start[(int)(key >> 32) + 1]++;
            references.Add((int)(key & 0xFFFFFFFF));
            pixels.Add(total);
        }

        for (int i = 0; i < page.Count; i++)
        {
            start[i + 1] += start[i];
        }

        return new RegionVotes(start, [.. references], [.. pixels]);
    }
}
