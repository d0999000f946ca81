using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>BT.601 grey of an image seen over white paper, in [0, 1] (transparent = white).</summary>
internal static class LuminancePlane
{
    public static FloatPlane Of(RgbaImage image)
    {
        var plane = new FloatPlane(image.Width, image.Height);
        ReadOnlySpan<byte> pixels = image.Pixels;
        Span<float> values = plane.Values;
        for (int i = 0, p = 0; i < pixels.Length; i += 4, p++)
        {
            int alpha = pixels[i + 3];
            byte grey = Luminance.Of(
                Blend.OverWhite(pixels[i], alpha), Blend.OverWhite(pixels[i + 1], alpha), Blend.OverWhite(pixels[i + 2], alpha));
            values[p] = grey / 255f;
        }

        return plane;
    }
}
