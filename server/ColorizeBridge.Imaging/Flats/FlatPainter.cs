using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// Gives every region exactly one colour and separates the model's shading
/// from it (issue 16):
/// <list type="number">
/// <item>Hints win. A hint (a connected dot or stroke of one colour) belongs to
/// the region holding most of its pixels. When hints of different colours
/// fall in one region, hints within <see cref="FlatsOptions.ObeyedDeltaE"/> of
/// each other count together and the colour with the most hint pixels wins,
/// taking the colour of its largest hint; the others are reported not obeyed,
/// which tells the user a line is missing between them.</item>
/// <item>A region no hint claims is paper when it holds a good share of the
/// canvas border (<see cref="FlatsOptions.PaperBorderShare"/>: the background)
/// or when the model leaves it near white; otherwise it takes the per-channel
/// median of the model's colour over its interior.</item>
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
    /// <exception cref="ArgumentException">An image is not the regions' size.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static FlatsResult Paint(RegionMap regions, RgbaImage? hintLayer, RgbaImage modelColour, FlatsOptions? options = null)
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

        Rgb[] modelMedians = RegionMedians.Compute(regions, modelColour);
        List<HintBlob> blobs = hintLayer is null ? [] : HintBlobFinder.Find(hintLayer, regions.Labels, options.HintColourTolerance);
        RegionColour[] colours = ChooseColours(regions, modelMedians, blobs, options);

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

    private static RegionColour[] ChooseColours(RegionMap regions, Rgb[] modelMedians, List<HintBlob> blobs, FlatsOptions options)
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
            else if (regions.Stats[i].BorderPixels >= options.PaperBorderShare * borderLength || Ciede2000.Delta(CieLab.FromSrgb(modelMedians[i]), white) < options.PaperDeltaE)
            {
                colours[i] = new RegionColour(Rgb.White, RegionColourSource.Paper);
            }
            else
            {
                colours[i] = new RegionColour(modelMedians[i], RegionColourSource.Model);
            }
        }

        return colours;
    }

    /// <summary>Per region, the winning hint colour (see the class summary), or null where no hint fell.</summary>
    private static Rgb?[] HintColours(int regionCount, List<HintBlob> blobs, double sameColourDeltaE)
    {
        var groups = new List<(Rgb Leader, int Pixels)>?[regionCount];
        foreach (HintBlob blob in blobs.OrderByDescending(b => b.PixelCount))
        {
            List<(Rgb Leader, int Pixels)> regionGroups = groups[blob.Region] ??= [];
            int match = regionGroups.FindIndex(g => Ciede2000.Delta(g.Leader, blob.Colour) < sameColourDeltaE);
            if (match < 0)
            {
                regionGroups.Add((blob.Colour, blob.PixelCount));
            }
            else
            {
                regionGroups[match] = (regionGroups[match].Leader, regionGroups[match].Pixels + blob.PixelCount);
            }
        }

        var winners = new Rgb?[regionCount];
        for (int i = 0; i < regionCount; i++)
        {
            if (groups[i] is { } regionGroups)
            {
                // MaxBy keeps the first of equals: the group holding the largest hint.
                winners[i] = regionGroups.MaxBy(g => g.Pixels).Leader;
            }
        }

        return winners;
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
