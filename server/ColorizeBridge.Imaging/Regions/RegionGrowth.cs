namespace ColorizeBridge.Imaging.Regions;

/// <summary>The two flood steps of <see cref="RegionFinder"/>: labelling connected pixels and growing labels outwards, nearest first.</summary>
internal static class RegionGrowth
{
    public const int Unlabelled = -1;

    /// <summary>
    /// Gives each 4-connected set of unlabelled pixels of <paramref name="role"/>
    /// a new label, counting up from <paramref name="firstLabel"/>.
    /// </summary>
    /// <returns>The next free label.</returns>
    public static int LabelComponents(int[] labels, PixelRole[] roles, int width, PixelRole role, int firstLabel, int[] stack)
    {
        int next = firstLabel;
        for (int start = 0; start < labels.Length; start++)
        {
            if (labels[start] != Unlabelled || roles[start] != role)
            {
                continue;
            }

            int label = next++;
            labels[start] = label;
            int depth = 0;
            stack[depth++] = start;
            while (depth > 0)
            {
                int p = stack[--depth];
                int x = p % width;
                if (x > 0 && labels[p - 1] == Unlabelled && roles[p - 1] == role)
                {
                    labels[p - 1] = label;
                    stack[depth++] = p - 1;
                }

                if (x < width - 1 && labels[p + 1] == Unlabelled && roles[p + 1] == role)
                {
                    labels[p + 1] = label;
                    stack[depth++] = p + 1;
                }

                if (p >= width && labels[p - width] == Unlabelled && roles[p - width] == role)
                {
                    labels[p - width] = label;
                    stack[depth++] = p - width;
                }

                if (p + width < labels.Length && labels[p + width] == Unlabelled && roles[p + width] == role)
                {
                    labels[p + width] = label;
                    stack[depth++] = p + width;
                }
            }
        }

        return next;
    }

    /// <summary>
    /// Breadth-first growth of the labelled pixels into unlabelled pixels of
    /// <paramref name="role"/>: each such pixel takes the label that reaches it
    /// in the fewest 4-connected steps (ties to the first in raster order).
    /// </summary>
    public static void Grow(int[] labels, PixelRole[] roles, int width, int height, PixelRole role, int[] queue)
    {
        int tail = 0;
        for (int p = 0; p < labels.Length; p++)
        {
            if (labels[p] != Unlabelled && HasUnlabelledNeighbour(labels, roles, width, height, p, role))
            {
                queue[tail++] = p;
            }
        }

        for (int head = 0; head < tail; head++)
        {
            int p = queue[head];
            int label = labels[p];
            int x = p % width;
            if (x > 0 && labels[p - 1] == Unlabelled && roles[p - 1] == role)
            {
                labels[p - 1] = label;
                queue[tail++] = p - 1;
            }

            if (x < width - 1 && labels[p + 1] == Unlabelled && roles[p + 1] == role)
            {
                labels[p + 1] = label;
                queue[tail++] = p + 1;
            }

            if (p >= width && labels[p - width] == Unlabelled && roles[p - width] == role)
            {
                labels[p - width] = label;
                queue[tail++] = p - width;
            }

            if (p + width < labels.Length && labels[p + width] == Unlabelled && roles[p + width] == role)
            {
                labels[p + width] = label;
                queue[tail++] = p + width;
            }
        }
    }

    private static bool HasUnlabelledNeighbour(int[] labels, PixelRole[] roles, int width, int height, int p, PixelRole role)
    {
        int x = p % width, y = p / width;
        return (x > 0 && labels[p - 1] == Unlabelled && roles[p - 1] == role)
            || (x < width - 1 && labels[p + 1] == Unlabelled && roles[p + 1] == role)
            || (y > 0 && labels[p - width] == Unlabelled && roles[p - width] == role)
            || (y < height - 1 && labels[p + width] == Unlabelled && roles[p + width] == role);
    }
}
