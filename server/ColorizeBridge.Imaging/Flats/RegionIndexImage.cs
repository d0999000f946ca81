using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// The region map as an opaque RGB image a client can read back: the index of
/// the region under a pixel is (R &lt;&lt; 16) | (G &lt;&lt; 8) | B, with 0 for
/// paper and region i (not paper) as i + 1, so a click finds its region in one
/// lookup (issue 16: recolour a region in one click).
/// </summary>
public static class RegionIndexImage
{
    /// <summary>16,777,215 regions fit in 24 bits.</summary>
    public const int MaxIndex = 0xFFFFFF;

    /// <exception cref="InvalidOperationException">More regions than 24 bits can number (not reachable below 16 M pixels).</exception>
    public static RgbaImage Encode(FlatsResult layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Regions.Count > MaxIndex)
        {
            throw new InvalidOperationException($"{layers.Regions.Count} regions do not fit a 24-bit index image.");
        }

        int[] labels = layers.Regions.Labels;
        var image = new RgbaImage(layers.Regions.Width, layers.Regions.Height);
        byte[] pixels = image.Pixels;
        for (int p = 0, o = 0; p < labels.Length; p++, o += 4)
        {
            int label = labels[p];
            int index = layers.Colours[label].IsPaper ? 0 : label + 1;
            pixels[o] = (byte)(index >> 16);
            pixels[o + 1] = (byte)(index >> 8);
            pixels[o + 2] = (byte)index;
            pixels[o + 3] = 255;
        }

        return image;
    }

    /// <summary>The region index of a pixel of the encoded image; -1 for paper.</summary>
    public static int RegionOf(byte r, byte g, byte b) => ((r << 16) | (g << 8) | b) - 1;
}
