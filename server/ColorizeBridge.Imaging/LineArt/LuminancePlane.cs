using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>BT.601 grey of an image seen over white paper (transparent = white).</summary>
internal static class LuminancePlane
{
    public static byte OverWhite(byte r, byte g, byte b, int alpha) =>
        Luminance.Of(Blend.OverWhite(r, alpha), Blend.OverWhite(g, alpha), Blend.OverWhite(b, alpha));

    /// <summary>Grey in [0, 1].</summary>
    public static FloatPlane Of(RgbaImage image)
    {
        var plane = new FloatPlane(image.Width, image.Height);
        ReadOnlySpan<byte> pixels = image.Pixels;
        Span<float> values = plane.Values;
        for (int i = 0, p = 0; i < pixels.Length; i += 4, p++)
        {
            values[p] = OverWhite(pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) / 255f;
        }

        return plane;
    }

    /// <summary>Grey as 8-bit values.</summary>
    public static GrayImage GreyOf(RgbaImage image)
    {
        var grey = new GrayImage(image.Width, image.Height);
        ReadOnlySpan<byte> pixels = image.Pixels;
        Span<byte> target = grey.Pixels;
        for (int i = 0, p = 0; i < pixels.Length; i += 4, p++)
        {
            target[p] = OverWhite(pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]);
        }

        return grey;
    }
}
