namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Cuts regions where a gap in the lines wider than the region finder's gap
/// size joined two areas (issue 16): the regions are found closing gaps up to
/// <see cref="RegionOptions.GapSize"/> (3 px) so that thin areas between
/// lines survive; a sketchy outline left open by 4-10 px lets the figure and
/// the page run together, and a hint on the figure then floods the page.
/// Here only the regions the caller suspects (the background, regions holding
/// hints of different colours) are cut, at necks narrower than
/// <c>wideGapSize</c>: the pixels farther than half of it from every line are
/// the cores; each 4-connected core of a region is a part, and the rest of
/// the region (its band and its necks) goes to the nearest part of the same
/// region without crossing a line, then its lines do (<see cref="RegionParts"/>). Parts under <see cref="ModelColourSplit.MinPartShare"/>
/// of the canvas join the neighbour of their own region they share most
/// border with, so a wide region is never crumbled. Linear in the number of pixels.
/// </summary>
public static class WideGapSplit
{
    /// <summary>Necks up to this many pixels wide are cut by default: the gaps of a quick pencil outline.</summary>
    public const int DefaultWideGapSize = 9;

    /// <param name="regions">The line art's regions (its Line pixels are the ink).</param>
    /// <param name="candidates">Per region, whether it may be cut (and it is, when at least <see cref="ModelColourSplit.MinSplitShare"/> of the canvas).</param>
    /// <param name="wideGapSize">The widest neck cut, in pixels (above the region finder's gap size to do anything).</param>
    /// <param name="minSpeckArea">The region finder's speck size: no part is left smaller.</param>
    /// <param name="pinned">Per pixel, or null: when given, only the parts holding a pinned pixel (the user's
    /// hints) are cut off, however small, and the rest of each region stays one; the model's patches between
    /// hatching lines are then left to the page's own rules instead of becoming figures of their own.</param>
    /// <returns>The cut map, or <paramref name="regions"/> itself when nothing was cut.</returns>
    /// <exception cref="ArgumentException">The candidates are not one per region, or the pinned flags not one per pixel.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The gap size is below 1 or above <see cref="RegionOptions.MaxGapSize"/>.</exception>
    public static RegionMap Split(RegionMap regions, IReadOnlyList<bool> candidates, int wideGapSize = DefaultWideGapSize, int minSpeckArea = 24,
        IReadOnlyList<bool>? pinned = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count != regions.Count)
        {
            throw new ArgumentException($"There are {candidates.Count} candidate flags for {regions.Count} regions.", nameof(candidates));
        }

        if (wideGapSize is < 1 or > RegionOptions.MaxGapSize)
        {
            throw new ArgumentOutOfRangeException(nameof(wideGapSize), wideGapSize, $"The wide gap size must be 1 to {RegionOptions.MaxGapSize} pixels.");
        }

        if (pinned is not null && pinned.Count != regions.Labels.Length)
        {
            throw new ArgumentException($"There are {pinned.Count} pinned flags for {regions.Labels.Length} pixels.", nameof(pinned));
        }

        // Per-pixel flags read as an array: an interface call per pixel costs more than the pass itself.
        bool[]? pinnedPixels = pinned as bool[] ?? pinned?.ToArray();
        int pixelCount = regions.Labels.Length;
        int splitArea = (int)Math.Ceiling(ModelColourSplit.MinSplitShare * pixelCount);
        bool[]? holdsPinned = null;
        if (pinned is not null)
        {
            // Only a region holding a pinned pixel can have a part cut off: skip the distance transform otherwise.
            holdsPinned = new bool[regions.Count];
            for (int p = 0; p < pixelCount; p++)
            {
                if (pinnedPixels![p])
                {
                    holdsPinned[regions.Labels[p]] = true;
                }
            }
        }

        var split = new bool[regions.Count];
        bool any = false;
        for (int i = 0; i < split.Length; i++)
        {
            split[i] = candidates[i] && regions.Stats[i].Area >= splitArea && holdsPinned?[i] != false;
            any |= split[i];
        }

        if (!any)
        {
            return regions;
        }

        int[] old = regions.Labels;
        PixelRole[] roles = regions.Roles;
        var ink = new byte[pixelCount];
        for (int p = 0; p < pixelCount; p++)
        {
            ink[p] = roles[p] == PixelRole.Line ? (byte)1 : (byte)0;
        }

        byte[] core = InkDistance.FartherThan(ink, regions.Width, regions.Height, (wideGapSize + 1) / 2.0);
        var key = new int[pixelCount];
        for (int p = 0; p < pixelCount; p++)
        {
            key[p] = !split[old[p]] ? RegionParts.Whole
                : roles[p] == PixelRole.Line ? RegionParts.GrowBackLast
                : core[p] != 0 && roles[p] == PixelRole.Interior ? 0 : RegionParts.GrowBack;
        }

        int[] labels = RegionParts.Label(regions, key, out int count, out int[] origin);
        bool[]? pinnedParts = null;
        if (pinned is not null)
        {
            pinnedParts = new bool[count];
            for (int p = 0; p < pixelCount; p++)
            {
                if (pinnedPixels![p])
                {
                    pinnedParts[labels[p]] = true;
                }
            }

            KeepOnlyPinnedPartsApart(labels, count, origin, pinnedParts);
        }

        int minPartArea = Math.Max(minSpeckArea, (int)Math.Ceiling(ModelColourSplit.MinPartShare * pixelCount));
        count = SpeckMerger.Merge(labels, regions.Width, count, minPartArea, origin, pinnedParts);
        if (count == regions.Count)
        {
            return regions;
        }

        return new RegionMap(regions.Width, regions.Height, labels, roles, RegionFinder.MeasureRegions(labels, roles, regions.Width, regions.Height, count));
    }

    /// <summary>Every part that holds no pinned pixel goes back to one part per region (the first such part's label).</summary>
    private static void KeepOnlyPinnedPartsApart(int[] labels, int count, int[] origin, bool[] pinnedParts)
    {
        var regionPart = new Dictionary<int, int>();
        var target = new int[count];
        for (int part = 0; part < count; part++)
        {
            if (pinnedParts[part])
            {
                target[part] = part;
            }
            else if (regionPart.TryGetValue(origin[part], out int first))
            {
                target[part] = first;
            }
            else
            {
                target[part] = regionPart[origin[part]] = part;
            }
        }

        for (int p = 0; p < labels.Length; p++)
        {
            labels[p] = target[labels[p]];
        }
    }
}
