using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>
/// Line art in the three forms the pipeline needs, made from any input: black
/// lines on white, coloured lines, grey pencil, or lines on a transparent layer.
/// <list type="bullet">
/// <item><see cref="Layer"/>: the lines as a straight-alpha RGBA layer such that
/// compositing it over white gives back the input. Opaque input is turned into
/// a layer by "colour to alpha" against white: alpha = max over channels of
/// (255 - c) / 255 and c' = (c - 255(1 - alpha)) / alpha. Input with any alpha
/// below 255 is already a layer on transparent and is kept as given.</item>
/// <item><see cref="Ink"/>: coverage in [0, 1], the layer's alpha (1 = full ink).</item>
/// <item><see cref="ModelGrey"/>: the model's <c>line</c> input, the layer over white
/// as BT.601 grey / 127.5 - 1 (white paper +1, black ink -1).</item>
/// </list>
/// Inverted art (white lines on black) is detected on opaque input and, by
/// default, inverted first; <see cref="WasInverted"/> says so, and the layer
/// then reproduces the inverted (dark-on-white) art.
/// </summary>
public sealed class LineArtLayer
{
    /// <summary>More than this share of dark pixels, overall and on the border, reads as inverted art.</summary>
    private const double InvertedDarkShare = 0.5;

    private LineArtLayer(RgbaImage layer, FloatPlane ink, FloatPlane modelGrey, bool wasInverted, bool hadTransparency)
    {
        Layer = layer;
        Ink = ink;
        ModelGrey = modelGrey;
        WasInverted = wasInverted;
        HadTransparency = hadTransparency;
    }

    public int Width => Layer.Width;

    public int Height => Layer.Height;

    public RgbaImage Layer { get; }

    public FloatPlane Ink { get; }

    public FloatPlane ModelGrey { get; }

    /// <summary>The input looked inverted (or inversion was forced) and was inverted before use.</summary>
    public bool WasInverted { get; }

    /// <summary>The input had alpha below 255 and was taken as a layer on transparent.</summary>
    public bool HadTransparency { get; }

    public static LineArtLayer FromImage(RgbaImage image, InvertedArtHandling inversion = InvertedArtHandling.Auto)
    {
        ArgumentNullException.ThrowIfNull(image);
        var ink = new FloatPlane(image.Width, image.Height);
        var grey = new FloatPlane(image.Width, image.Height);
        if (!image.IsOpaque())
        {
            RgbaImage layer = image.Clone();
            FillFromLayer(layer.Pixels, ink.Values, grey.Values);
            return new LineArtLayer(layer, ink, grey, wasInverted: false, hadTransparency: true);
        }

        bool invert = inversion switch
        {
            InvertedArtHandling.Always => true,
            InvertedArtHandling.Never => false,
            _ => LooksInverted(image),
        };
        var opaqueLayer = new RgbaImage(image.Width, image.Height);
        ColourToAlpha(image.Pixels, invert, opaqueLayer.Pixels, ink.Values, grey.Values);
        return new LineArtLayer(opaqueLayer, ink, grey, invert, hadTransparency: false);
    }

    private static void ColourToAlpha(ReadOnlySpan<byte> source, bool invert, Span<byte> layer, Span<float> ink, Span<float> grey)
    {
        byte flip = invert ? (byte)255 : (byte)0;
        for (int i = 0, p = 0; i < source.Length; i += 4, p++)
        {
            byte r = (byte)(source[i] ^ flip), g = (byte)(source[i + 1] ^ flip), b = (byte)(source[i + 2] ^ flip);
            int paper = Math.Min(r, Math.Min(g, b));
            int alpha = 255 - paper;
            grey[p] = (Luminance.Of(r, g, b) / 127.5f) - 1f;
            ink[p] = alpha / 255f;
            if (alpha == 0)
            {
                continue;
            }

            // c' = (c - paper) * 255 / alpha, rounded: compositing back over white then rounds to c exactly.
            int half = alpha >> 1;
            layer[i] = (byte)((((r - paper) * 255) + half) / alpha);
            layer[i + 1] = (byte)((((g - paper) * 255) + half) / alpha);
            layer[i + 2] = (byte)((((b - paper) * 255) + half) / alpha);
            layer[i + 3] = (byte)alpha;
        }
    }

    private static void FillFromLayer(ReadOnlySpan<byte> layer, Span<float> ink, Span<float> grey)
    {
        for (int i = 0, p = 0; i < layer.Length; i += 4, p++)
        {
            int alpha = layer[i + 3];
            ink[p] = alpha / 255f;
            grey[p] = (LuminancePlane.OverWhite(layer[i], layer[i + 1], layer[i + 2], alpha) / 127.5f) - 1f;
        }
    }

    private static bool LooksInverted(RgbaImage image)
    {
        ReadOnlySpan<byte> pixels = image.Pixels;
        long dark = 0;
        for (int i = 0; i < pixels.Length; i += 4)
        {
            if (Luminance.Of(pixels[i], pixels[i + 1], pixels[i + 2]) < 128)
            {
                dark++;
            }
        }

        if (dark <= image.PixelCount * InvertedDarkShare)
        {
            return false;
        }

        // A large dark figure on white paper is not inverted art: the paper shows at the border.
        long border = 0, borderDark = 0;
        for (int y = 0; y < image.Height; y++)
        {
            int step = y == 0 || y == image.Height - 1 ? 1 : Math.Max(1, image.Width - 1);
            for (int x = 0; x < image.Width; x += step)
            {
                int o = ((y * image.Width) + x) * 4;
                border++;
                if (Luminance.Of(pixels[o], pixels[o + 1], pixels[o + 2]) < 128)
                {
                    borderDark++;
                }
            }
        }

        return borderDark > border * InvertedDarkShare;
    }
}
