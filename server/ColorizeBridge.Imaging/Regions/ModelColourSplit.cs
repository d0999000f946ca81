using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Cuts the large regions of a <see cref="RegionMap"/> where the model's own
/// colour changes, so a gap in the lines wider than the gap size no longer
/// floods the figure's colour onto the background (issue 16): the model
/// paints the bison brown and leaves the paper white even where the belly's
/// fur strokes leave the outline open, and the flats follow it.
/// <list type="number">
/// <item>The model's colours are quantised to a few classes: k-means in CIELAB
/// (lightness at half weight, so the model's shading does not count as a new
/// colour) over a histogram of 5-bit-per-channel bins, so it costs the same
/// for any canvas size.</item>
/// <item>Each candidate region (the caller says which: <see cref="Flats.FlatPainter"/>
/// cuts the background and regions holding hints of different colours, the
/// two signs of a gap) of at least <see cref="MinSplitShare"/> of the canvas
/// is cut into the 4-connected parts of one class; the other regions stay whole.</item>
/// <item>Parts smaller than <see cref="MinPartShare"/> of the canvas join the
/// neighbour they share most border with (<see cref="SpeckMerger"/>), so the
/// model's blotches and the soft edges between its colours leave no crumbs;
/// a part only ever joins another part of its own region, so regions that
/// were not cut stay exactly as they were, however small.</item>
/// </list>
/// Linear in the number of pixels.
/// </summary>
public static class ModelColourSplit
{
    /// <summary>Regions at least this share of the canvas are cut by the model's colour.</summary>
    public const double MinSplitShare = 0.01;

    /// <summary>Parts under this share of the canvas (and never under the region finder's speck size) are merged away.</summary>
    public const double MinPartShare = 0.002;

    private const int Classes = 10;
    private const double SeedSpacing = 10.0;  // in CIELAB with lightness at half weight
    private const int Iterations = 8;
    private const double LightnessWeight = 0.5;
    private const int BinBits = 5;
    private const int Bins = 1 << (3 * BinBits);

    /// <param name="regions">The line art's regions.</param>
    /// <param name="modelColour">The model's colour at canvas size.</param>
    /// <param name="candidates">Per region, whether it may be cut (and it is, when large enough); the rest stay whole.</param>
    /// <param name="minSpeckArea">The region finder's speck size: no part is left smaller.</param>
    /// <param name="pinned">Per pixel, whether a part holding it is kept however small (the user's hints: a hint
    /// on a small patch the model painted its own colour keeps to that patch), or null.</param>
    /// <exception cref="ArgumentException">The model colour is not the regions' size, or the candidates not one per region.</exception>
    public static RegionMap Split(RegionMap regions, RgbaImage modelColour, IReadOnlyList<bool> candidates, int minSpeckArea = 24,
        IReadOnlyList<bool>? pinned = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(modelColour);
        ArgumentNullException.ThrowIfNull(candidates);
        if (modelColour.Width != regions.Width || modelColour.Height != regions.Height)
        {
            throw new ArgumentException($"The model colour is {modelColour.Width}x{modelColour.Height} but the line art is {regions.Width}x{regions.Height}.", nameof(modelColour));
        }

        if (candidates.Count != regions.Count)
        {
            throw new ArgumentException($"There are {candidates.Count} candidate flags for {regions.Count} regions.", nameof(candidates));
        }

        int pixelCount = regions.Labels.Length;
        int splitArea = (int)Math.Ceiling(MinSplitShare * pixelCount);
        var split = new bool[regions.Count];
        bool any = false;
        for (int i = 0; i < split.Length; i++)
        {
            split[i] = candidates[i] && regions.Stats[i].Area >= splitArea;
            any |= split[i];
        }

        if (!any)
        {
            return regions;
        }

        byte[] classOfBin = ClassifyBins(regions, modelColour, split);
        byte[] pixels = modelColour.Pixels;
        int[] old = regions.Labels;
        PixelRole[] roles = regions.Roles;
        var key = new int[old.Length];
        for (int p = 0; p < old.Length; p++)
        {
            key[p] = !split[old[p]] ? RegionParts.Whole : roles[p] == PixelRole.Interior ? classOfBin[BinOf(pixels, p * 4)] : RegionParts.GrowBack;
        }

        int[] labels = RegionParts.Label(regions, key, out int count, out int[] origin);
        int minPartArea = Math.Max(minSpeckArea, (int)Math.Ceiling(MinPartShare * pixelCount));
        count = SpeckMerger.Merge(labels, regions.Width, count, minPartArea, origin, PinnedLabels(labels, count, pinned));
        if (count == regions.Count)
        {
            // Nothing was cut (every part is a whole region): keep the map and its numbering.
            return regions;
        }

        return new RegionMap(regions.Width, regions.Height, labels, regions.Roles, RegionFinder.MeasureRegions(labels, regions.Roles, regions.Width, regions.Height, count));
    }

    private static bool[]? PinnedLabels(int[] labels, int count, IReadOnlyList<bool>? pinned)
    {
        if (pinned is null)
        {
            return null;
        }

        if (pinned.Count != labels.Length)
        {
            throw new ArgumentException($"There are {pinned.Count} pinned flags for {labels.Length} pixels.", nameof(pinned));
        }

        // Read as an array: an interface call per pixel costs more than the pass itself.
        bool[] pixels = pinned as bool[] ?? [.. pinned];
        var byLabel = new bool[count];
        for (int p = 0; p < labels.Length; p++)
        {
            if (pixels[p])
            {
                byLabel[labels[p]] = true;
            }
        }

        return byLabel;
    }

    private static int BinOf(byte[] pixels, int offset) =>
        ((pixels[offset] >> (8 - BinBits)) << (2 * BinBits)) | ((pixels[offset + 1] >> (8 - BinBits)) << BinBits) | (pixels[offset + 2] >> (8 - BinBits));

    /// <summary>The class of every colour bin, from k-means over the bins the split regions' interiors use (weighted by their counts).</summary>
    private static byte[] ClassifyBins(RegionMap regions, RgbaImage modelColour, bool[] split)
    {
        var histogram = new int[Bins];
        byte[] pixels = modelColour.Pixels;
        int[] labels = regions.Labels;
        PixelRole[] roles = regions.Roles;
        for (int p = 0; p < labels.Length; p++)
        {
            if (split[labels[p]] && roles[p] == PixelRole.Interior)
            {
                histogram[BinOf(pixels, p * 4)]++;
            }
        }

        var used = new List<int>();
        for (int bin = 0; bin < Bins; bin++)
        {
            if (histogram[bin] > 0)
            {
                used.Add(bin);
            }
        }

        var points = new (double L, double A, double B)[used.Count];
        for (int i = 0; i < used.Count; i++)
        {
            Lab lab = CieLab.FromSrgb(BinCentre(used[i]));
            points[i] = (lab.L * LightnessWeight, lab.A, lab.B);
        }

        var centres = InitialCentres(points, used, histogram);
        var assignment = new int[points.Length];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            var sums = new (double L, double A, double B, double W)[centres.Count];
            for (int i = 0; i < points.Length; i++)
            {
                int nearest = Nearest(centres, points[i]);
                assignment[i] = nearest;
                double w = histogram[used[i]];
                sums[nearest] = (sums[nearest].L + (w * points[i].L), sums[nearest].A + (w * points[i].A), sums[nearest].B + (w * points[i].B), sums[nearest].W + w);
            }

            for (int c = 0; c < centres.Count; c++)
            {
                if (sums[c].W > 0)
                {
                    centres[c] = (sums[c].L / sums[c].W, sums[c].A / sums[c].W, sums[c].B / sums[c].W);
                }
            }
        }

        // Bins no split region's interior uses (lines, bands) still get the nearest class, once each.
        var classOfBin = new byte[Bins];
        var known = new bool[Bins];
        for (int i = 0; i < used.Count; i++)
        {
            classOfBin[used[i]] = (byte)Nearest(centres, points[i]);
            known[used[i]] = true;
        }

        for (int p = 0; p < labels.Length; p++)
        {
            int bin = BinOf(pixels, p * 4);
            if (!known[bin] && split[labels[p]])
            {
                Lab lab = CieLab.FromSrgb(BinCentre(bin));
                classOfBin[bin] = (byte)Nearest(centres, (lab.L * LightnessWeight, lab.A, lab.B));
                known[bin] = true;
            }
        }

        return classOfBin;
    }

    /// <summary>Greedy, deterministic seeding: the most used bins, each more than <see cref="SeedSpacing"/> from the seeds before it, so one colour and its shade seed one class.</summary>
    private static List<(double L, double A, double B)> InitialCentres((double L, double A, double B)[] points, List<int> used, int[] histogram)
    {
        int[] order = Enumerable.Range(0, points.Length).OrderByDescending(i => histogram[used[i]]).ThenBy(i => used[i]).ToArray();
        var centres = new List<(double L, double A, double B)>(Classes);
        foreach (int i in order)
        {
            if (centres.Count == Classes)
            {
                break;
            }

            if (centres.TrueForAll(c => Distance2(c, points[i]) > SeedSpacing * SeedSpacing))
            {
                centres.Add(points[i]);
            }
        }

        return centres.Count > 0 ? centres : [(50.0, 0.0, 0.0)];
    }

    private static int Nearest(List<(double L, double A, double B)> centres, (double L, double A, double B) point)
    {
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int c = 0; c < centres.Count; c++)
        {
            double d = Distance2(centres[c], point);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best;
    }

    private static double Distance2((double L, double A, double B) a, (double L, double A, double B) b) =>
        ((a.L - b.L) * (a.L - b.L)) + ((a.A - b.A) * (a.A - b.A)) + ((a.B - b.B) * (a.B - b.B));

    private static Rgb BinCentre(int bin)
    {
        const int Mask = (1 << BinBits) - 1, Half = 1 << (7 - BinBits);
        return new Rgb(
            (byte)((((bin >> (2 * BinBits)) & Mask) << (8 - BinBits)) + Half),
            (byte)((((bin >> BinBits) & Mask) << (8 - BinBits)) + Half),
            (byte)(((bin & Mask) << (8 - BinBits)) + Half));
    }
}
