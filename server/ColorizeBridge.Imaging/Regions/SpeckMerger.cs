namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Folds regions smaller than a minimum area into the neighbour they share the
/// most border with (ties to the larger neighbour), then renumbers the labels
/// 0..N-1 in raster order of their first pixel. A speck with no neighbour at
/// all (the whole canvas) stays.
/// </summary>
internal static class SpeckMerger
{
    /// <returns>The number of regions left.</returns>
    /// <param name="group">Per label, its group: a speck joins only a neighbour of its own group (null: one group).</param>
    /// <param name="pinned">Per label, whether it stays however small (null: none does).</param>
    public static int Merge(int[] labels, int width, int count, int minArea, int[]? group = null, bool[]? pinned = null)
    {
        var area = new int[count];
        foreach (int label in labels)
        {
            area[label]++;
        }

        if (pinned is not null)
        {
            // A pinned label counts as large: it joins nothing (others may still join it).
            var counted = (int[])area.Clone();
            for (int i = 0; i < count; i++)
            {
                if (pinned[i])
                {
                    counted[i] = Math.Max(counted[i], minArea);
                }
            }

            area = counted;
        }

        Dictionary<long, int> contacts = CountSpeckContacts(labels, width, area, minArea, group);
        var parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        var best = new int[count];
        var bestContact = new int[count];
        Array.Fill(best, -1);
        foreach ((long key, int contact) in contacts)
        {
            int speck = (int)(key >> 32), neighbour = (int)(key & 0xFFFFFFFF);
            int current = best[speck];
            if (current < 0 || contact > bestContact[speck] || (contact == bestContact[speck] && area[neighbour] > area[current]))
            {
                best[speck] = neighbour;
                bestContact[speck] = contact;
            }
        }

        for (int speck = 0; speck < count; speck++)
        {
            if (best[speck] >= 0)
            {
                int from = Find(parent, speck), to = Find(parent, best[speck]);
                if (from != to)
                {
                    parent[from] = to;
                }
            }
        }

        return Renumber(labels, parent, count);
    }

    private static Dictionary<long, int> CountSpeckContacts(int[] labels, int width, int[] area, int minArea, int[]? group)
    {
        var contacts = new Dictionary<long, int>();
        void Touch(int a, int b)
        {
            if (a == b || (group is not null && group[a] != group[b]))
            {
                return;
            }

            if (area[a] < minArea)
            {
                long key = ((long)a << 32) | (uint)b;
                contacts[key] = contacts.GetValueOrDefault(key) + 1;
            }

            if (area[b] < minArea)
            {
                long key = ((long)b << 32) | (uint)a;
                contacts[key] = contacts.GetValueOrDefault(key) + 1;
            }
        }

        int height = labels.Length / width;
        for (int y = 0, p = 0; y < height; y++)
        {
            bool lastRow = y == height - 1;
            for (int x = 0; x < width; x++, p++)
            {
                int label = labels[p];
                if (x < width - 1 && labels[p + 1] != label)
                {
                    Touch(label, labels[p + 1]);
                }

                if (!lastRow && labels[p + width] != label)
                {
                    Touch(label, labels[p + width]);
                }
            }
        }

        return contacts;
    }

    private static int Renumber(int[] labels, int[] parent, int count)
    {
        var root = new int[count];
        for (int label = 0; label < count; label++)
        {
            root[label] = Find(parent, label);
        }

        var compact = new int[count];
        Array.Fill(compact, -1);
        int next = 0;
        for (int p = 0; p < labels.Length; p++)
        {
            int r = root[labels[p]];
            if (compact[r] < 0)
            {
                compact[r] = next++;
            }

            labels[p] = compact[r];
        }

        return next;
    }

    private static int Find(int[] parent, int label)
    {
        while (parent[label] != label)
        {
            parent[label] = parent[parent[label]];
            label = parent[label];
        }

        return label;
    }
}
