using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Matching;

/// <summary>
/// Per region of a new page, its counterpart on the reference page (or -1)
/// and how sure the match is, from 0 to 1 (<see cref="RegionMatcher"/>).
/// </summary>
public sealed class RegionMatches
{
    internal RegionMatches(ReferenceRegions reference, RegionMap page, int[] counterparts, double[] confidence)
    {
        Reference = reference;
        Page = page;
        Counterparts = counterparts;
        Confidence = confidence;
    }

    public ReferenceRegions Reference { get; }

    public RegionMap Page { get; }

    /// <summary>By new region index: the reference region it matches, -1 for the background and regions with no counterpart.</summary>
    public IReadOnlyList<int> Counterparts { get; }

    /// <summary>By new region index: 0 (no idea) to 1 (sure); 0 wherever there is no counterpart.</summary>
    public IReadOnlyList<double> Confidence { get; }

    /// <summary>
    /// The colour each new region takes from the reference where its match is
    /// at least <paramref name="minConfidence"/> sure: the counterpart's colour,
    /// or paper where the counterpart is paper; null elsewhere (the model decides).
    /// </summary>
    public RegionColour?[] ColoursAtLeast(double minConfidence)
    {
        var colours = new RegionColour?[Counterparts.Count];
        for (int i = 0; i < colours.Length; i++)
        {
            int counterpart = Counterparts[i];
            if (counterpart >= 0 && Confidence[i] >= minConfidence)
            {
                colours[i] = Reference.Paper[counterpart]
                    ? new RegionColour(Rgb.White, RegionColourSource.Paper)
                    : new RegionColour(Reference.Colours[counterpart], RegionColourSource.Reference);
            }
        }

        return colours;
    }

    /// <summary>
    /// The "match" layer (docs/LAYERS.md): opaque grey, each region at
    /// 255 x its confidence, black on the background and where no counterpart was found.
    /// </summary>
    public RgbaImage ConfidenceLayer()
    {
        var levels = new byte[Confidence.Count];
        for (int i = 0; i < levels.Length; i++)
        {
            levels[i] = (byte)Math.Round(Math.Clamp(Confidence[i], 0, 1) * 255);
        }

        var image = new RgbaImage(Page.Width, Page.Height);
        byte[] pixels = image.Pixels;
        int[] labels = Page.Labels;
        for (int p = 0, o = 0; p < labels.Length; p++, o += 4)
        {
            byte level = levels[labels[p]];
            pixels[o] = pixels[o + 1] = pixels[o + 2] = level;
            pixels[o + 3] = 255;
        }

        return image;
    }
}
