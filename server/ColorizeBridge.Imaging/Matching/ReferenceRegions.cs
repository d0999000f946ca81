using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Matching;

/// <summary>
/// A finished page ready to steer others (issue 17): its line art's regions,
/// each region's colour (the per-channel median of the coloured page over the
/// region's interior, as <see cref="FlatPainter"/> reads the model) and
/// whether it is paper. Measured once and reused for every page it steers.
/// </summary>
public sealed class ReferenceRegions
{
    private ReferenceRegions(RegionMap regions, Rgb[] colours, bool[] paper, RegionShapes shapes, double paperBorderShare)
    {
        Regions = regions;
        Colours = colours;
        Paper = paper;
        Shapes = shapes;
        PaperBorderShare = paperBorderShare;
    }

    public RegionMap Regions { get; }

    /// <summary>By region index: the region's colour on the coloured page (white for paper).</summary>
    public IReadOnlyList<Rgb> Colours { get; }

    /// <summary>
    /// By region index: the background (at least the paper share of the canvas
    /// border) or a region the coloured page leaves near white or transparent.
    /// </summary>
    public IReadOnlyList<bool> Paper { get; }

    internal RegionShapes Shapes { get; }

    internal double PaperBorderShare { get; }

    /// <param name="regions">The reference line art's regions.</param>
    /// <param name="colours">The coloured page, or its flats layer (transparent = paper), at the line art's size; composited over white.</param>
    /// <exception cref="ArgumentException">The colours are not the regions' size.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ReferenceRegions Create(RegionMap regions, RgbaImage colours, FlatsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(colours);
        options ??= FlatsOptions.Default;
        options.Validate();
        if (colours.Width != regions.Width || colours.Height != regions.Height)
        {
            throw new ArgumentException(
                $"The coloured page is {colours.Width}x{colours.Height} but its line art is {regions.Width}x{regions.Height}.", nameof(colours));
        }

        Rgb[] medians = RegionMedians.Compute(regions, OverWhite(colours));
        RegionShapes shapes = RegionShapes.Measure(regions, options.PaperBorderShare);
        var white = CieLab.FromSrgb(Rgb.White);
        var paper = new bool[regions.Count];
        for (int i = 0; i < paper.Length; i++)
        {
            paper[i] = shapes.Background[i] || Ciede2000.Delta(CieLab.FromSrgb(medians[i]), white) < options.PaperDeltaE;
            if (paper[i])
            {
                medians[i] = Rgb.White;
            }
        }

        return new ReferenceRegions(regions, medians, paper, shapes, options.PaperBorderShare);
    }

    /// <summary>The coloured page as it looks on white paper: a flats layer's transparent paper becomes white.</summary>
    private static RgbaImage OverWhite(RgbaImage colours)
    {
        if (colours.IsOpaque())
        {
            return colours;
        }

        var flat = new RgbaImage(colours.Width, colours.Height);
        byte[] source = colours.Pixels, target = flat.Pixels;
        for (int o = 0; o < source.Length; o += 4)
        {
            int alpha = source[o + 3];
            target[o] = Blend.OverWhite(source[o], alpha);
            target[o + 1] = Blend.OverWhite(source[o + 1], alpha);
            target[o + 2] = Blend.OverWhite(source[o + 2], alpha);
            target[o + 3] = 255;
        }

        return flat;
    }
}
