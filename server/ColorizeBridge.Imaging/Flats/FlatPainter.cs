using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// Gives every region exactly one colour and separates the model's shading
/// from it (issue 16):
/// <list type="number">
/// <item>Where a gap in the lines may have joined areas — the background, and
/// a region holding hints of different colours — a hinted part behind a neck
/// up to <see cref="FlatsOptions.WideGapSize"/> wide is first cut off
/// (<see cref="WideGapSplit"/>): a figure left open by such a gap is whole
/// again, and its hint fills it as the paint bucket would. What still holds the page, or hints of different
/// colours, is then cut where the model's colour changes (<see cref="ModelColourSplit"/>),
/// so a wider gap does not flood a figure's colour onto the paper either; a
/// part holding a hint is kept however small.</item>
/// <item>Hints win. A hint (a connected dot or stroke of one colour) belongs to
/// the region holding most of its pixels. Hints within <see cref="FlatsOptions.ObeyedDeltaE"/>
/// of each other count together, in the colour of their largest hint. A region
/// still holding hints of different colours after the cuts above is divided
/// between them along the model's colour edges (<see cref="RivalHintSplit"/>,
/// <see cref="FlatsOptions.SplitRivalHints"/>); with that off, the colour with
/// the most hint pixels wins and the others are reported not obeyed.</item>
/// <item>A region no hint claims takes the colour a reference page gives it,
/// when one does (issue 17: <see cref="Matching.RegionMatches.ColoursAtLeast"/>;
/// paper where its counterpart is paper).</item>
/// <item>Any other region is paper when it holds a good share of the
/// canvas border (<see cref="FlatsOptions.PaperBorderShare"/>: the background)
/// or when the model leaves it near white; a part cut from the background is
/// paper too when it touches the page mostly without a line between them
/// (haze on the page: <see cref="FlatsOptions.OpenPartLineShare"/>); otherwise it takes the per-channel
/// median of the model's colour over its interior.</item>
/// <item>A model colour within <see cref="FlatsOptions.SnapToHintDeltaE"/> of a
/// hint's colour becomes that colour, so the flats keep to the user's palette.</item>
/// <item>Every pixel of a region, the lines it took included, gets its colour,
/// so the flats run under the lines without gaps or halos; paper is transparent.</item>
/// <item>Shading is the model's own darkening inside a coloured region relative
/// to its median there, as black with alpha (multiply-ready); nothing on paper,
/// on the lines or in the band next to them, where the model's lines bleed.</item>
/// </list>
/// </summary>
public static class FlatPainter
{
    /// <param name="regions">The line art's regions.</param>
    /// <param name="hintLayer">The user's hints at canvas size (alpha &gt; 0 = hint), or null for none.</param>
    /// <param name="modelColour">The model's colour at canvas size (alpha ignored).</param>
    /// <param name="steered">Per region, the colour a reference page gives it (null where it gives none), or null for no reference page.</param>
    /// <exception cref="ArgumentException">An image is not the regions' size, or <paramref name="steered"/> does not have one entry per region.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static FlatsResult Paint(RegionMap regions, RgbaImage? hintLayer, RgbaImage modelColour, FlatsOptions? options = null,
        IReadOnlyList<RegionColour?>? steered = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(modelColour);
        options ??= FlatsOptions.Default;
        options.Validate();
        RequireSize(regions, modelColour.Width, modelColour.Height, nameof(modelColour));
        if (hintLayer is not null)
        {
            RequireSize(regions, hintLayer.Width, hintLayer.Height, nameof(hintLayer));
        }

        if (steered is not null && steered.Count != regions.Count)
        {
            throw new ArgumentException($"{steered.Count} steered colours for {regions.Count} regions.", nameof(steered));
        }

        List<HintBlob> blobs = hintLayer is null ? [] : HintBlobFinder.Find(hintLayer, regions.Labels, options.HintColourTolerance);
        bool[]? background = null;
        RegionMap? beforeSplit = null;
        if (options.SplitByModelColour)
        {
            RegionMap lines = regions;
            bool[] suspects = GapSuspects(regions, blobs, options, out background);
            bool[]? hintPixels = HintPixels(hintLayer);
            RegionMap cut = options.WideGapSize > 0 && hintPixels is not null
                ? WideGapSplit.Split(regions, suspects, options.WideGapSize, pinned: hintPixels)
                : regions;
            if (!ReferenceEquals(cut, regions))
            {
                List<HintBlob> cutBlobs = hintLayer is null ? [] : HintBlobFinder.Find(hintLayer, cut.Labels, options.HintColourTolerance);
                suspects = GapSuspects(cut, cutBlobs, options, out _);
            }

            RegionMap split = ModelColourSplit.Split(cut, modelColour, suspects, pinned: hintPixels);
            if (!ReferenceEquals(split, regions))
            {
                steered = steered is null ? null : SteeredParts(lines, split, steered);
                (beforeSplit, regions) = (lines, split);
                blobs = hintLayer is null ? [] : HintBlobFinder.Find(hintLayer, regions.Labels, options.HintColourTolerance);
            }
        }

        if (options.SplitRivalHints && hintLayer is not null
            && RivalHintSeeds(regions, hintLayer, blobs, options.ObeyedDeltaE, out List<Rgb> groupColours) is { } seeds)
        {
            RegionMap divided = RivalHintSplit.Split(regions, modelColour, seeds, groupColours);
            if (!ReferenceEquals(divided, regions))
            {
                RegionMap lines = beforeSplit ?? regions;
                steered = steered is null ? null : SteeredParts(regions, divided, steered);
                (beforeSplit, regions) = (lines, divided);
                if (background is null)
                {
                    GapSuspects(lines, [], options, out background);
                }
                blobs = HintBlobFinder.Find(hintLayer, regions.Labels, options.HintColourTolerance);
            }
        }

        Rgb[] modelMedians = RegionMedians.Compute(regions, modelColour);
        bool[]? hazeOnPage = beforeSplit is null ? null : HazeOnPage(beforeSplit, regions, background!, blobs, steered, options);
        RegionColour[] colours = ChooseColours(regions, modelMedians, blobs, hazeOnPage, options, steered);

        var flats = new RgbaImage(regions.Width, regions.Height);
        var shading = new RgbaImage(regions.Width, regions.Height);
        PaintLayers(regions, modelColour, modelMedians, colours, options.ShadingFloor, flats, shading);

        var hints = new HintFidelity[blobs.Count];
        for (int i = 0; i < blobs.Count; i++)
        {
            HintBlob blob = blobs[i];
            Rgb delivered = colours[blob.Region].Colour;
            double deltaE = Ciede2000.Delta(blob.Colour, delivered);
            hints[i] = new HintFidelity(blob.X, blob.Y, blob.Colour, delivered, deltaE, deltaE < options.ObeyedDeltaE, blob.Region, blob.PixelCount);
        }

        return new FlatsResult(regions, flats, shading, colours, hints);
    }

    /// <summary>
    /// The regions a gap in the lines may have joined: the background (it holds
    /// the paper share of the border, so a leak floods the page) and every region
    /// holding hints of different colours (the user sees two areas there).
    /// </summary>
    private static bool[] GapSuspects(RegionMap regions, List<HintBlob> blobs, FlatsOptions options, out bool[] background)
    {
        var suspects = new bool[regions.Count];
        background = new bool[regions.Count];
        int borderLength = Math.Max(1, (2 * (regions.Width + regions.Height)) - 4);
        for (int i = 0; i < suspects.Length; i++)
        {
            suspects[i] = background[i] = regions.Stats[i].BorderPixels >= options.PaperBorderShare * borderLength;
        }

        var firstColour = new Rgb?[regions.Count];
        foreach (HintBlob blob in blobs)
        {
            if (firstColour[blob.Region] is not Rgb first)
            {
                firstColour[blob.Region] = blob.Colour;
            }
            else if (Ciede2000.Delta(first, blob.Colour) >= options.ObeyedDeltaE)
            {
                suspects[blob.Region] = true;
            }
        }

        return suspects;
    }

    /// <summary>
    /// Per pixel, the hint group for <see cref="RivalHintSplit"/>: in a region
    /// where hints of different colours fell (grouped as <see cref="HintColours"/>
    /// groups them), each hint pixel inside the region gets the number of the
    /// group whose colour is nearest its own; -1 elsewhere. Null when no region
    /// holds rival hints.
    /// </summary>
    private static int[]? RivalHintSeeds(RegionMap regions, RgbaImage hintLayer, List<HintBlob> blobs, double sameColourDeltaE,
        out List<Rgb> groupColours)
    {
        List<Rgb>?[] groups = HintGroups(regions.Count, blobs, sameColourDeltaE, out _);
        var firstSeed = new int[regions.Count];
        int next = 0;
        groupColours = [];
        for (int i = 0; i < groups.Length; i++)
        {
            firstSeed[i] = -1;
            if (groups[i] is { Count: > 1 } rivals)
            {
                firstSeed[i] = next;
                next += rivals.Count;
                groupColours.AddRange(rivals);
            }
        }

        if (next == 0)
        {
            return null;
        }

        var seeds = new int[regions.Labels.Length];
        byte[] pixels = hintLayer.Pixels;
        for (int p = 0; p < seeds.Length; p++)
        {
            int region = regions.Labels[p];
            seeds[p] = -1;
            if (firstSeed[region] < 0 || pixels[(p * 4) + 3] == 0)
            {
                continue;
            }

            var colour = new Rgb(pixels[p * 4], pixels[(p * 4) + 1], pixels[(p * 4) + 2]);
            List<Rgb> leaders = groups[region]!;
            int nearest = 0;
            double nearestDelta = double.MaxValue;
            for (int g = 0; g < leaders.Count; g++)
            {
                double delta = Ciede2000.Delta(leaders[g], colour);
                if (delta < nearestDelta)
                {
                    (nearest, nearestDelta) = (g, delta);
                }
            }

            seeds[p] = firstSeed[region] + nearest;
        }

        return seeds;
    }

    /// <summary>Per pixel, whether the user put a hint there (alpha above 0), or null without a hint layer.</summary>
    private static bool[]? HintPixels(RgbaImage? hintLayer)
    {
        if (hintLayer is null)
        {
            return null;
        }

        var hinted = new bool[hintLayer.Width * hintLayer.Height];
        byte[] pixels = hintLayer.Pixels;
        for (int p = 0; p < hinted.Length; p++)
        {
            hinted[p] = pixels[(p * 4) + 3] != 0;
        }

        return hinted;
    }

    /// <summary>
    /// Per part of the split map: whether it is the model's haze on the page
    /// rather than a figure a gap joined to it. The page starts as the parts
    /// holding the paper share of the canvas border; a part cut from the
    /// background that no hint or reference page claims joins it when it touches
    /// the page mostly away from the lines (<see cref="FlatsOptions.OpenPartLineShare"/>:
    /// a figure meets the page along its outline, haze in the open); the page
    /// grows until no part joins, so a dark core inside a halo goes with the halo.
    /// </summary>
    private static bool[] HazeOnPage(RegionMap before, RegionMap after, bool[] background, List<HintBlob> blobs,
        IReadOnlyList<RegionColour?>? steered, FlatsOptions options)
    {
        int count = after.Count;
        var fromBackground = new bool[count];
        var page = new bool[count];
        int borderLength = Math.Max(1, (2 * (after.Width + after.Height)) - 4);
        for (int i = 0; i < count; i++)
        {
            page[i] = after.Stats[i].BorderPixels >= options.PaperBorderShare * borderLength;
        }

        // Contacts between parts: pixel pairs across their border, and how many of them touch the lines.
        var contacts = new Dictionary<long, (int All, int AlongLines)>();
        int[] labels = after.Labels;
        PixelRole[] roles = after.Roles;
        int width = after.Width;
        for (int p = 0; p < labels.Length; p++)
        {
            if (roles[p] == PixelRole.Interior && background[before.Labels[p]])
            {
                fromBackground[labels[p]] = true;
            }

            if ((p + 1) % width != 0)
            {
                Touch(p, p + 1);
            }

            if (p + width < labels.Length)
            {
                Touch(p, p + width);
            }
        }

        var claimed = new bool[count];
        foreach (HintBlob blob in blobs)
        {
            claimed[blob.Region] = true;
        }

        var haze = new bool[count];
        for (int i = 0; i < count; i++)
        {
            claimed[i] |= steered?[i] is not null;
        }

        var neighbours = new List<(int Other, int All, int AlongLines)>[count];
        foreach ((long key, (int all, int along)) in contacts)
        {
            int a = (int)(key >> 32), b = (int)(key & 0xFFFFFFFF);
            (neighbours[a] ??= []).Add((b, all, along));
            (neighbours[b] ??= []).Add((a, all, along));
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < count; i++)
            {
                if (page[i] || !fromBackground[i] || claimed[i])
                {
                    continue;
                }

                int all = 0, along = 0;
                foreach ((int other, int a, int l) in neighbours[i] ?? [])
                {
                    if (page[other])
                    {
                        all += a;
                        along += l;
                    }
                }

                if (all > 0 && along < options.OpenPartLineShare * all)
                {
                    page[i] = haze[i] = changed = true;
                }
            }
        }

        return haze;

        void Touch(int a, int b)
        {
            int la = labels[a], lb = labels[b];
            if (la == lb)
            {
                return;
            }

            long key = la < lb ? ((long)la << 32) | (uint)lb : ((long)lb << 32) | (uint)la;
            (int all, int along) = contacts.GetValueOrDefault(key);
            contacts[key] = (all + 1, along + (roles[a] != PixelRole.Interior || roles[b] != PixelRole.Interior ? 1 : 0));
        }
    }

    /// <summary>The steered colour of every part of a split map: its region's before the split (the region its interior came from).</summary>
    private static RegionColour?[] SteeredParts(RegionMap before, RegionMap after, IReadOnlyList<RegionColour?> steered)
    {
        var parts = new RegionColour?[after.Count];
        var seen = new bool[after.Count];
        for (int p = 0; p < after.Labels.Length; p++)
        {
            int part = after.Labels[p];
            if (!seen[part] || after.Roles[p] == PixelRole.Interior)
            {
                parts[part] = steered[before.Labels[p]];
                seen[part] = after.Roles[p] == PixelRole.Interior;
            }
        }

        return parts;
    }

    private static RegionColour[] ChooseColours(RegionMap regions, Rgb[] modelMedians, List<HintBlob> blobs, bool[]? hazeOnPage, FlatsOptions options,
        IReadOnlyList<RegionColour?>? steered)
    {
        Rgb?[] hinted = HintColours(regions.Count, blobs, options.ObeyedDeltaE);
        var colours = new RegionColour[regions.Count];
        var white = CieLab.FromSrgb(Rgb.White);
        int borderLength = Math.Max(1, (2 * (regions.Width + regions.Height)) - 4);
        for (int i = 0; i < colours.Length; i++)
        {
            if (hinted[i] is Rgb hint)
            {
                colours[i] = new RegionColour(hint, RegionColourSource.Hint);
            }
            else if (steered?[i] is RegionColour fromReference)
            {
                colours[i] = fromReference;
            }
            else if (regions.Stats[i].BorderPixels >= options.PaperBorderShare * borderLength
                || hazeOnPage?[i] == true
                || Ciede2000.Delta(CieLab.FromSrgb(modelMedians[i]), white) < options.PaperDeltaE)
            {
                colours[i] = new RegionColour(Rgb.White, RegionColourSource.Paper);
            }
            else
            {
                colours[i] = new RegionColour(SnapToHints(modelMedians[i], blobs, options.SnapToHintDeltaE), RegionColourSource.Model);
            }
        }

        return colours;
    }

    /// <summary>
    /// The hint colour nearest to the model's colour when it is within
    /// <paramref name="snapDeltaE"/> (the model meant that hint's colour and
    /// bled it a little), else the model's colour: the flats keep to the
    /// user's palette.
    /// </summary>
    private static Rgb SnapToHints(Rgb model, List<HintBlob> blobs, double snapDeltaE)
    {
        Rgb best = model;
        double bestDelta = snapDeltaE;
        foreach (HintBlob blob in blobs)
        {
            double delta = Ciede2000.Delta(model, blob.Colour);
            if (delta < bestDelta)
            {
                bestDelta = delta;
                best = blob.Colour;
            }
        }

        return best;
    }

    /// <summary>Per region, the winning hint colour (see the class summary), or null where no hint fell.</summary>
    private static Rgb?[] HintColours(int regionCount, List<HintBlob> blobs, double sameColourDeltaE)
    {
        List<Rgb>?[] groups = HintGroups(regionCount, blobs, sameColourDeltaE, out List<int>?[] pixels);
        var winners = new Rgb?[regionCount];
        for (int i = 0; i < regionCount; i++)
        {
            if (groups[i] is { } leaders)
            {
                // The first of equals wins: the group holding the largest hint.
                int best = 0;
                for (int g = 1; g < leaders.Count; g++)
                {
                    best = pixels[i]![g] > pixels[i]![best] ? g : best;
                }

                winners[i] = leaders[best];
            }
        }

        return winners;
    }

    /// <summary>
    /// Per region (null where no hint fell), its hints grouped by colour: hints
    /// within <paramref name="sameColourDeltaE"/> of a group's leader (its
    /// largest hint, taken first) join that group. <paramref name="pixels"/>
    /// holds each group's hint pixels.
    /// </summary>
    private static List<Rgb>?[] HintGroups(int regionCount, List<HintBlob> blobs, double sameColourDeltaE, out List<int>?[] pixels)
    {
        var leaders = new List<Rgb>?[regionCount];
        pixels = new List<int>?[regionCount];
        foreach (HintBlob blob in blobs.OrderByDescending(b => b.PixelCount))
        {
            List<Rgb> regionLeaders = leaders[blob.Region] ??= [];
            List<int> regionPixels = pixels[blob.Region] ??= [];
            int match = regionLeaders.FindIndex(leader => Ciede2000.Delta(leader, blob.Colour) < sameColourDeltaE);
            if (match < 0)
            {
                regionLeaders.Add(blob.Colour);
                regionPixels.Add(blob.PixelCount);
            }
            else
            {
                regionPixels[match] += blob.PixelCount;
            }
        }

        return leaders;
    }

    private static void PaintLayers(
        RegionMap regions, RgbaImage modelColour, Rgb[] modelMedians, RegionColour[] colours, double shadingFloor, RgbaImage flats, RgbaImage shading)
    {
        int[] labels = regions.Labels;
        PixelRole[] roles = regions.Roles;
        byte[] model = modelColour.Pixels, flat = flats.Pixels, shade = shading.Pixels;
        var medianLuma = new int[modelMedians.Length];
        for (int i = 0; i < medianLuma.Length; i++)
        {
            medianLuma[i] = Luminance.Of(modelMedians[i].R, modelMedians[i].G, modelMedians[i].B);
        }

        for (int p = 0, o = 0; p < labels.Length; p++, o += 4)
        {
            int label = labels[p];
            RegionColour colour = colours[label];
            if (colour.IsPaper)
            {
                // Transparent, white underneath so resampling never pulls in a dark fringe.
                flat[o] = flat[o + 1] = flat[o + 2] = 255;
                continue;
            }

            flat[o] = colour.Colour.R;
            flat[o + 1] = colour.Colour.G;
            flat[o + 2] = colour.Colour.B;
            flat[o + 3] = 255;
            if (roles[p] != PixelRole.Interior || medianLuma[label] == 0)
            {
                continue;
            }

            double darkening = 1.0 - (Luminance.Of(model[o], model[o + 1], model[o + 2]) / (double)medianLuma[label]);
            if (darkening > shadingFloor)
            {
                shade[o + 3] = (byte)Math.Round(Math.Min(darkening, 1.0) * 255.0);
            }
        }
    }

    private static void RequireSize(RegionMap regions, int width, int height, string name)
    {
        if (width != regions.Width || height != regions.Height)
        {
            throw new ArgumentException($"The {name} is {width}x{height} but the line art is {regions.Width}x{regions.Height}.", name);
        }
    }
}
