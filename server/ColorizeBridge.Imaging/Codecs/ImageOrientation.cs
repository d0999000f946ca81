using System.Runtime.InteropServices;
using ColorizeBridge.Imaging.Pixels;
using SkiaSharp;

namespace ColorizeBridge.Imaging.Codecs;

/// <summary>
/// Turns decoded pixels upright by their EXIF orientation (camera and phone
/// JPEGs store rows as the sensor read them). Skia reports the orientation
/// but leaves applying it to the caller, and its canvas draws premultiplied
/// only, which would change the colour of part-transparent pixels; so the
/// eight cases are a pixel remap here.
/// </summary>
internal static class ImageOrientation
{
    /// <summary><paramref name="image"/> itself when already upright, else a new image (sides swapped for quarter turns).</summary>
    public static RgbaImage ToUpright(RgbaImage image, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return image;
        }

        int w = image.Width;
        int h = image.Height;
        bool swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var upright = swapsSides ? new RgbaImage(h, w) : new RgbaImage(w, h);
        ReadOnlySpan<uint> source = MemoryMarshal.Cast<byte, uint>(image.Pixels.AsSpan());
        Span<uint> target = MemoryMarshal.Cast<byte, uint>(upright.Pixels.AsSpan());
        int uw = upright.Width;
        for (int y = 0; y < upright.Height; y++)
        {
            for (int x = 0; x < uw; x++)
            {
                // (sx, sy): where upright pixel (x, y) is stored (EXIF 2.3, tag 0x0112).
                (int sx, int sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (y, h - 1 - x),
                    SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
                    _ => (w - 1 - y, x), // LeftBottom
                };
                target[(y * uw) + x] = source[(sy * w) + sx];
            }
        }

        return upright;
    }
}
