using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>
/// Line art from a colour illustration by XDoG on its luminance: the same
/// operator that made the training line art, so extracted lines look like
/// what the model learned from. Output: black lines on white, GRAY8.
/// </summary>
public static class XDoGLineExtractor
{
    public static GrayImage Extract(RgbaImage image, XDoGOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= XDoGOptions.Default;
        options.Validate();
        FloatPlane luminance = LuminancePlane.Of(image);
        FloatPlane narrow = GaussianBlur.Apply(luminance, options.Sigma);
        FloatPlane wide = GaussianBlur.Apply(luminance, options.K * options.Sigma);
        var output = new GrayImage(image.Width, image.Height);
        ReadOnlySpan<float> g1 = narrow.Values, g2 = wide.Values;
        Span<byte> pixels = output.Pixels;
        for (int i = 0; i < pixels.Length; i++)
        {
            float difference = g1[i] - (options.Tau * g2[i]);
            float tone = difference >= options.Epsilon ? 1f : 1f + MathF.Tanh(options.Phi * (difference - options.Epsilon));
            pixels[i] = (byte)Math.Clamp((int)((tone * 255f) + 0.5f), 0, 255);
        }

        return output;
    }
}
