using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Divides a region that holds hints of different colours between them
/// (issue 16, "hints win"): when the lines leave two areas the user coloured
/// differently in one region (a colour boundary drawn without a line, a
/// gradient, a gap the other cuts could not find), each hint's colour takes
/// the part of the region nearer to it than to the others, where "nearer" is
/// measured along paths inside the region: every step costs one, and more
/// where the model painted a rival hint's colour (within <see cref="NearHintColour"/>
/// of it), the more the farther that is from this hint's colour. The border
/// between the parts therefore follows the model's colour edges where it drew
/// the hints' colours (it saw them) and runs midway between the hints where
/// the model painted neither, as Krita's Colorize Mask divides an area
/// between strokes. Only non-line pixels
/// are grown through; the lines then go to the nearest part of their region
/// (<see cref="RegionParts"/>). Every part holds a hint, so none is merged
/// away. A shortest-path search with a bucket queue: linear in the pixels of
/// the regions divided.
/// </summary>
public static class RivalHintSplit
{
    /// <summary>How much farther (sum of |R|, |G|, |B| differences) the model's colour may be from a hint's colour than from its rival's for one more pixel of path.</summary>
    public const int ColourStepPerPixel = 16;

    /// <summary>The model painted a hint's colour where its colour is within this (sum of |R|, |G|, |B| differences) of it.</summary>
    public const int NearHintColour = 96;

    /// <summary>The most one step may cost, in pixels of path.</summary>
    public const int MaxStepCost = 64;

    /// <param name="regions">The regions (their Line pixels are the ink).</param>
    /// <param name="modelColour">The model's colour at the regions' size (alpha ignored).</param>
    /// <param name="seeds">Per pixel: -1 where no hint is, else the hint's group (the same number for hints of
    /// one colour in one region, different numbers for different colours). A region is divided when it holds
    /// at least two groups.</param>
    /// <param name="groupColours">Each group's colour, by group number.</param>

    /// <returns>The divided map, or <paramref name="regions"/> itself when no region holds two groups.</returns>
    /// <exception cref="ArgumentException">The model colour is not the regions' size, the seeds not one per pixel,
    /// or a seed names a group without a colour.</exception>
    public static RegionMap Split(RegionMap regions, RgbaImage modelColour, IReadOnlyList<int> seeds, IReadOnlyList<Rgb> groupColours)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(modelColour);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(groupColours);
        if (modelColour.Width != regions.Width || modelColour.Height != regions.Height)
        {
            throw new ArgumentException($"The model colour is {modelColour.Width}x{modelColour.Height} but the regions are {regions.Width}x{regions.Height}.", nameof(modelColour));
        }

        int pixelCount = regions.Labels.Length;
        if (seeds.Count != pixelCount)
        {
            throw new ArgumentException($"There are {seeds.Count} seeds for {pixelCount} pixels.", nameof(seeds));
        }

        // Read as an array: an interface call per pixel costs more than the pass itself.
        int[] seedOf = seeds as int[] ?? [.. seeds];
        int[] old = regions.Labels;
        var groupsOf = new List<int>?[regions.Count];
        var divide = new bool[regions.Count];
        bool any = false;
        for (int p = 0; p < pixelCount; p++)
        {
            int group = seedOf[p];
            if (group < 0)
            {
                continue;
            }

            if (group >= groupColours.Count)
            {
                throw new ArgumentException($"A seed names group {group} but there are {groupColours.Count} group colours.", nameof(seeds));
            }

            List<int> groups = groupsOf[old[p]] ??= [];
            if (!groups.Contains(group))
            {
                groups.Add(group);
                any |= divide[old[p]] = groups.Count > 1;
            }
        }

        if (!any)
        {
            return regions;
        }

        int[] owner = GrowFromSeeds(regions, modelColour, seedOf, groupColours, groupsOf, divide);
        PixelRole[] roles = regions.Roles;
        var key = new int[pixelCount];
        for (int p = 0; p < pixelCount; p++)
        {
            key[p] = !divide[old[p]] ? RegionParts.Whole
                : roles[p] == PixelRole.Line ? RegionParts.GrowBackLast
                : owner[p] >= 0 ? owner[p] : RegionParts.GrowBack;
        }

        int[] labels = RegionParts.Label(regions, key, out int count, out _);
        return new RegionMap(regions.Width, regions.Height, labels, roles, RegionFinder.MeasureRegions(labels, roles, regions.Width, regions.Height, count));
    }

    /// <summary>
    /// Per pixel of the divided regions (not their lines), the group whose hint
    /// is nearest along paths inside the region; -1 elsewhere and where no hint reaches.
    /// </summary>
    private static int[] GrowFromSeeds(RegionMap regions, RgbaImage modelColour, int[] seeds, IReadOnlyList<Rgb> groupColours,
        List<int>?[] groupsOf, bool[] divide)
    {
        int width = regions.Width, pixelCount = regions.Labels.Length;
        int[] old = regions.Labels;
        PixelRole[] roles = regions.Roles;
        byte[] colour = modelColour.Pixels;
        var owner = new int[pixelCount];
        var cost = new int[pixelCount];
        Array.Fill(owner, -1);
        Array.Fill(cost, int.MaxValue);

        // Per pixel of a divided region: how far the model's colour is from the nearest of the region's hint colours.
        var nearest = new int[pixelCount];
        for (int p = 0; p < pixelCount; p++)
        {
            if (divide[old[p]])
            {
                int best = int.MaxValue;
                foreach (int group in groupsOf[old[p]]!)
                {
                    best = Math.Min(best, Distance(p, groupColours[group]));
                }

                nearest[p] = best;
            }
        }

        // Dial's algorithm: step costs are 1 to MaxStepCost, so MaxStepCost + 1 buckets in a ring hold every pending cost.
        var buckets = new Stack<int>[MaxStepCost + 1];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new Stack<int>();
        }

        int pending = 0;
        for (int p = 0; p < pixelCount; p++)
        {
            if (seeds[p] >= 0 && divide[old[p]] && roles[p] != PixelRole.Line)
            {
                owner[p] = seeds[p];
                cost[p] = 0;
                buckets[0].Push(p);
                pending++;
            }
        }

        for (int current = 0; pending > 0; current++)
        {
            Stack<int> bucket = buckets[current % buckets.Length];
            while (bucket.Count > 0)
            {
                int p = bucket.Pop();
                pending--;
                if (cost[p] != current)
                {
                    continue; // reached more cheaply since it was queued
                }

                int x = p % width;
                if (x > 0)
                {
                    Relax(p, p - 1);
                }

                if (x < width - 1)
                {
                    Relax(p, p + 1);
                }

                if (p >= width)
                {
                    Relax(p, p - width);
                }

                if (p + width < pixelCount)
                {
                    Relax(p, p + width);
                }
            }
        }

        return owner;

        void Relax(int from, int to)
        {
            if (old[to] != old[from] || roles[to] == PixelRole.Line)
            {
                return;
            }

            // Only where the model painted some hint's colour does the colour say whose the pixel is.
            int farther = nearest[to] < NearHintColour ? Distance(to, groupColours[owner[from]]) - nearest[to] : 0;
            int reached = cost[from] + Math.Min(MaxStepCost, 1 + (farther / ColourStepPerPixel));
            if (reached < cost[to])
            {
                cost[to] = reached;
                owner[to] = owner[from];
                buckets[reached % buckets.Length].Push(to);
                pending++;
            }
        }

        int Distance(int p, Rgb hint)
        {
            int o = p * 4;
            return Math.Abs(colour[o] - hint.R) + Math.Abs(colour[o + 1] - hint.G) + Math.Abs(colour[o + 2] - hint.B);
        }
    }
}
