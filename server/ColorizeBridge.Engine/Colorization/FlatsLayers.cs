using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Matching;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// The flats form of a Colorize result (issue 16, docs/LAYERS.md): the
/// composite image (white paper, flats, shading multiplied, the user's lines
/// on top), the layers "lines", "shading", "flats" and "regions" when asked
/// for ("match" too with a reference page, issue 17), and per hint what it got.
/// </summary>
internal static class FlatsLayers
{
    /// <summary>
    /// The region options a request asks for: <c>gap_size</c> 0 is the default
    /// gap (proto3 cannot tell unset from 0 without <c>optional</c>, which
    /// older protoc releases, Debian 12's among them, refuse).
    /// </summary>
    /// <exception cref="InvalidRequestException">gap_size is out of range.</exception>
    public static RegionOptions RegionOptionsFor(ColorizeOptions options)
    {
        if (options.GapSize == 0)
        {
            return RegionOptions.Default;
        }

        if (options.GapSize > RegionOptions.MaxGapSize)
        {
            throw new InvalidRequestException("options.gap_size",
                $"options.gap_size is {options.GapSize}; gaps of 1 to {RegionOptions.MaxGapSize} pixels can be closed (0 = the default, {RegionOptions.DefaultGapSize})");
        }

        return new RegionOptions { GapSize = (int)options.GapSize };
    }

    /// <summary>Sets the result's image, layers and hint results from <paramref name="flats"/>.</summary>
    /// <param name="matches">The regions' matches to a reference page, or null without one.</param>
    public static void Fill(ColorizeResult result, FlatsResult flats, LineArtLayer lineArt, ColorizeOptions options, RegionMatches? matches = null)
    {
        LineArtLayer? lines = options.LineComposite == LineComposite.None ? null : lineArt;
        result.Image = ApiImages.Encode(LayerCompositor.Composite(flats, lines), options.OutputFormat);
        foreach (HintFidelity hint in flats.Hints)
        {
            result.Hints.Add(new HintResult
            {
                Position = new Point { X = hint.X, Y = hint.Y },
                Requested = new Color { R = hint.Requested.R, G = hint.Requested.G, B = hint.Requested.B },
                Delivered = new Color { R = hint.Delivered.R, G = hint.Delivered.G, B = hint.Delivered.B },
                DeltaE = (float)hint.DeltaE,
                Obeyed = hint.Obeyed,
            });
        }

        if (options.ReturnLayers)
        {
            result.Layers.Add(new Layer { Name = "lines", Image = ApiImages.Encode(lineArt.Layer, options.OutputFormat) });
            result.Layers.Add(new Layer { Name = "shading", Image = ApiImages.Encode(flats.Shading, options.OutputFormat) });
            result.Layers.Add(new Layer { Name = "flats", Image = ApiImages.Encode(flats.Flats, options.OutputFormat) });
            result.Layers.Add(new Layer { Name = "regions", Image = ApiImages.Encode(RegionIndexImage.Encode(flats), options.OutputFormat) });
            if (matches is not null)
            {
                result.Layers.Add(new Layer { Name = "match", Image = ApiImages.Encode(matches.ConfidenceLayer(), options.OutputFormat) });
            }
        }
    }
}
