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
/// <item><see cref="Ink"/>: coverage in [0, 1], the layer's alpha (1 = full ink), made on first use.</item>
/// <item><see cref="ModelGrey"/>: the model's <c>line</c> input, the layer over white
/// as BT.601 grey / 127.5 - 1 (white paper +1, black ink -1), made on first use
/// or written straight into the model's input with <see cref="WriteModelGrey"/>.</item>
/// </list>
/// Inverted art (white lines on black) is detected on opaque input and, by
/// default, inverted first; <see cref="WasInverted"/> says so, and the layer
/// then reproduces the inverted (dark-on-white) art.
/// </summary>
public sealed class LineArtLayer
{
    /// <summary>More than this share of dark pixels, overall and on the border, reads as inverted art.</summary>
    private const double InvertedDarkShare = 0.5;

    private FloatPlane? _ink;
    private FloatPlane? _modelGrey;

    private LineArtLayer(RgbaImage layer, bool wasInverted, bool hadTransparency)
    {
        Layer = layer;
        WasInverted = wasInverted;
        HadTransparency = hadTransparency;
    }

    public int Width => Layer.Width;

    public int Height => Layer.Height;

    public RgbaImage Layer { get; }

    /// <summary>The layer's alpha as coverage, made on first use (the request path never needs it).</summary>
    public FloatPlane Ink => LazyInitializer.EnsureInitialized(ref _ink, () =>
    {
        var ink = new FloatPlane(Width, Height);
        ReadOnlySpan<byte> layer = Layer.Pixels;
        Span<float> values = ink.Values;
        for (int i = 3, p = 0; i < layer.Length; i += 4, p++)
        {
            values[p] = layer[i] / 255f;
        }

        return ink;
    });

    /// <summary>
    /// The grey plane at the line art's size, made on first use and kept. The
    /// request path writes it straight into the fit instead (<see cref="WriteModelGrey"/>).
    /// </summary>
    public FloatPlane ModelGrey => LazyInitializer.EnsureInitialized(ref _modelGrey, () =>
    {
        var grey = new FloatPlane(Width, Height);
        WriteModelGrey(grey.Values, Width);
        return grey;
    });

    /// <summary>The input looked inverted (or inversion was forced) and was inverted before use.</summary>
    public bool WasInverted { get; }

    /// <summary>The input had alpha below 255 and was taken as a layer on transparent.</summary>
    public bool HadTransparency { get; }

    /// <summary>Makes the layer in a new image; <paramref name="image"/> is left as it was.</summary>
    public static LineArtLayer FromImage(RgbaImage image, InvertedArtHandling inversion = InvertedArtHandling.Auto)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Create(image, inversion, new RgbaImage(image.Width, image.Height));
    }

    /// <summary>
    /// Like <see cref="FromImage"/>, but turns <paramref name="image"/> itself
    /// into the layer (no second image-sized buffer): for a decoded request
    /// image nobody reads afterwards. The caller must not use the image's
    /// pixels after this call; its size stays valid.
    /// </summary>
    public static LineArtLayer FromImageInPlace(RgbaImage image, InvertedArtHandling inversion = InvertedArtHandling.Auto)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Create(image, inversion, image);
    }

    /// <summary>
    /// Writes <see cref="ModelGrey"/> (the layer over white as BT.601 grey /
    /// 127.5 - 1) into <paramref name="target"/>, row y at y * <paramref name="stride"/>.
    /// The same values as the grey of the input, since the layer over white
    /// rounds back to the input exactly.
    /// </summary>
    /// <exception cref="ArgumentException">The target is too small for Height rows of <paramref name="stride"/>.</exception>
    public void WriteModelGrey(Span<float> target, int stride)
    {
        if (stride < Width || target.Length < ((long)(Height - 1) * stride) + Width)
        {
            throw new ArgumentException(
                $"A {Width}x{Height} grey plane needs a stride of at least {Width} and {((long)(Height - 1) * stride) + Width} floats; got stride {stride} and {target.Length}.",
                nameof(target));
        }

        ReadOnlySpan<byte> layer = Layer.Pixels;
        for (int y = 0; y < Height; y++)
        {
            ReadOnlySpan<byte> row = layer.Slice(y * Width * 4, Width * 4);
            Span<float> grey = target.Slice(y * stride, Width);
            for (int i = 0, p = 0; i < row.Length; i += 4, p++)
            {
                // Paper (alpha 0) and full ink (alpha 255), most pixels of line art, need no blend: the same values, cheaper.
                int alpha = row[i + 3];
                grey[p] = alpha switch
                {
                    0 => 1f,
                    255 => (Luminance.Of(row[i], row[i + 1], row[i + 2]) / 127.5f) - 1f,
                    _ => (LuminancePlane.OverWhite(row[i], row[i + 1], row[i + 2], alpha) / 127.5f) - 1f,
                };
            }
        }
    }

    private static LineArtLayer Create(RgbaImage image, InvertedArtHandling inversion, RgbaImage target)
    {
        if (!image.IsOpaque())
        {
            // Already a layer on transparent: kept as given.
            if (!ReferenceEquals(image, target))
            {
                image.Pixels.CopyTo(target.Pixels, 0);
            }

            return new LineArtLayer(target, wasInverted: false, hadTransparency: true);
        }

        bool invert = inversion switch
        {
            InvertedArtHandling.Always => true,
            InvertedArtHandling.Never => false,
            _ => LooksInverted(image),
        };
        ColourToAlpha(image.Pixels, invert, target.Pixels);
        return new LineArtLayer(target, invert, hadTransparency: false);
    }

    /// <summary>Each pixel is read before it is written, so <paramref name="layer"/> may be <paramref name="source"/>.</summary>
    private static void ColourToAlpha(ReadOnlySpan<byte> source, bool invert, Span<byte> layer)
    {
        byte flip = invert ? (byte)255 : (byte)0;
        for (int i = 0; i < source.Length; i += 4)
        {
            byte r = (byte)(source[i] ^ flip), g = (byte)(source[i + 1] ^ flip), b = (byte)(source[i + 2] ^ flip);
            int paper = Math.Min(r, Math.Min(g, b));
            int alpha = 255 - paper;
            if (alpha == 0)
            {
                layer.Slice(i, 4).Clear();
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
