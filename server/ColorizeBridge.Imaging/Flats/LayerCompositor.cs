using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// Stacks the layers as docs/LAYERS.md tells a paint program to: white paper,
/// the flats over it, the shading multiplied (black with alpha a darkens by
/// 1 - a), the user's lines over everything (unless left out). Opaque output.
/// </summary>
public static class LayerCompositor
{
    /// <param name="lineArt">The lines to put on top; null leaves them out (paper, flats and shading only).</param>
    /// <exception cref="ArgumentException">The line art is not the flats' size.</exception>
    public static RgbaImage Composite(FlatsResult layers, LineArtLayer? lineArt)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (lineArt is not null && (lineArt.Width != layers.Flats.Width || lineArt.Height != layers.Flats.Height))
        {
            throw new ArgumentException(
                $"The line art is {lineArt.Width}x{lineArt.Height} but the flats are {layers.Flats.Width}x{layers.Flats.Height}.", nameof(lineArt));
        }

        var output = new RgbaImage(layers.Flats.Width, layers.Flats.Height);
        byte[] flats = layers.Flats.Pixels, shading = layers.Shading.Pixels, target = output.Pixels;

        // No lines: a transparent layer of the same size blends to nothing.
        byte[] lines = lineArt?.Layer.Pixels ?? new byte[target.Length];
        for (int i = 0; i < target.Length; i += 4)
        {
            int flatAlpha = flats[i + 3], keep = 255 - shading[i + 3], lineAlpha = lines[i + 3];
            for (int c = 0; c < 3; c++)
            {
                byte paper = Blend.OverWhite(flats[i + c], flatAlpha);
                byte shaded = Blend.Over(paper, 0, keep);
                target[i + c] = Blend.Over(lines[i + c], shaded, lineAlpha);
            }

            target[i + 3] = 255;
        }

        return output;
    }
}
