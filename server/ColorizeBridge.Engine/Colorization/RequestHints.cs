using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// What steers the colours of one request, checked against the model's kind
/// and turned into what the model takes (docs/MODELS.md): colour dots and
/// strokes for the rasterizer, and the palette histogram, reference image or
/// tag vector as the model's extra input.
/// </summary>
internal sealed record RequestHints(RgbaImage? HintLayer, IReadOnlyList<HintStroke> Strokes)
{
    /// <summary>Most entries a palette may have.</summary>
    public const int MaxPaletteEntries = 32;

    public static readonly RequestHints None = new(null, []);

    /// <summary>The <c>palette</c> input, [1,512], for models of kind "palette".</summary>
    public TensorData? Palette { get; init; }

    /// <summary>The <c>reference</c> input, [1,3,128,128], for models of kind "reference".</summary>
    public TensorData? Reference { get; init; }

    /// <summary>The <c>tags</c> input, [1,T], for models of kind "tags".</summary>
    public TensorData? Tags { get; init; }

    /// <summary>
    /// Reads the request's hints for <paramref name="manifest"/>'s model: a
    /// field the model cannot use, or a missing one it needs, is
    /// INVALID_ARGUMENT naming the field.
    /// </summary>
    /// <param name="field">The request field holding the hints, for error messages ("hints").</param>
    /// <param name="references">Remembers the last reference image decoded (live previews resend it with every change); null = decode every time.</param>
    public static RequestHints Read(Hints? hints, string field, int lineArtWidth, int lineArtHeight, ModelManifest manifest, EngineLimits limits,
        ReferenceCache? references = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        hints ??= new Hints();
        bool hasLayer = hints.HintLayer is not null && hints.HintLayer.DataCase != Image.DataOneofCase.None;
        bool hasReference = hints.Reference is not null && hints.Reference.DataCase != Image.DataOneofCase.None;
        string model = $"model '{manifest.Name}' is of kind \"{manifest.Kind}\"";

        // A field the model cannot use would be silently ignored: say so instead.
        void RefuseUnless(bool present, string input, string subfield, string what)
        {
            if (present && !manifest.HasInput(input))
            {
                throw new InvalidRequestException($"{field}.{subfield}",
                    $"{field}.{subfield}: {model} and takes no {what}; only models of kind \"{input}\" do (see ListModels)");
            }
        }

        if (!manifest.HasInput(InputNames.Hints) && (hasLayer || hints.Strokes.Count > 0))
        {
            throw new InvalidRequestException($"{field}.{(hasLayer ? "hint_layer" : "strokes")}",
                $"{field}.{(hasLayer ? "hint_layer" : "strokes")}: {model} and takes no colour dots or strokes (it colours from the line art alone); send no hint_layer or strokes, or pick a model of another kind (see ListModels)");
        }

        RefuseUnless(hints.Palette.Count > 0, InputNames.Palette, "palette", "palette");
        RefuseUnless(hasReference, InputNames.Reference, "reference", "reference image");
        RefuseUnless(hints.Tags.Count > 0, InputNames.Tags, "tags", "tags");

        RgbaImage? layer = null;
        if (hasLayer)
        {
            layer = ApiImages.Decode(hints.HintLayer, $"{field}.hint_layer", limits);
            if (layer.Width != lineArtWidth || layer.Height != lineArtHeight)
            {
                throw new InvalidRequestException($"{field}.hint_layer",
                    $"{field}.hint_layer is {layer.Width}x{layer.Height} but line_art is {lineArtWidth}x{lineArtHeight}: send a hint layer the size of the line art");
            }
        }

        TensorData? palette = null;
        if (manifest.HasInput(InputNames.Palette))
        {
            if (hints.Palette.Count == 0)
            {
                throw new InvalidRequestException($"{field}.palette",
                    $"{field}.palette is empty: {model} and needs a palette of 1..{MaxPaletteEntries} colours");
            }

            palette = new TensorData(PaletteHistogram(hints.Palette, $"{field}.palette"), [1, ModelManifest.PaletteBins]);
        }

        TensorData? reference = null;
        if (manifest.HasInput(InputNames.Reference))
        {
            if (!hasReference)
            {
                throw new InvalidRequestException($"{field}.reference",
                    $"{field}.reference is empty: {model} and needs a reference image to follow (a PNG in {field}.reference.png or pixels in {field}.reference.raw)");
            }

            reference = references is null
                ? ReferenceTensor(ApiImages.Decode(hints.Reference, $"{field}.reference", limits))
                : references.Get(hints.Reference!, $"{field}.reference", limits);
        }

        TensorData? tags = null;
        if (manifest.HasInput(InputNames.Tags))
        {
            if (hints.Tags.Count == 0)
            {
                throw new InvalidRequestException($"{field}.tags",
                    $"{field}.tags is empty: {model} and needs at least one of its tags: {string.Join(", ", manifest.Tags)}");
            }

            tags = new TensorData(TagVector(hints.Tags, manifest, $"{field}.tags"), [1, manifest.Tags.Count]);
        }

        return new RequestHints(layer, ReadStrokes(hints, field, limits)) { Palette = palette, Reference = reference, Tags = tags };
    }

    /// <summary>
    /// The palette as a 512-bin colour histogram: bin = (r&gt;&gt;5)*64 +
    /// (g&gt;&gt;5)*8 + (b&gt;&gt;5), each entry's weight in its colour's bin,
    /// normalised to sum to 1; weight 0 on every entry = equal shares.
    /// </summary>
    /// <param name="field">The request field, for error messages ("hints.palette").</param>
    public static float[] PaletteHistogram(IReadOnlyList<PaletteEntry> palette, string field)
    {
        if (palette.Count is 0 or > MaxPaletteEntries)
        {
            throw new InvalidRequestException(field, $"{field} has {palette.Count} entries; send 1..{MaxPaletteEntries} colours");
        }

        var bins = new int[palette.Count];
        var weights = new double[palette.Count];
        double total = 0;
        for (int i = 0; i < palette.Count; i++)
        {
            PaletteEntry entry = palette[i];
            if (entry.Color is not { } color || color.R > 255 || color.G > 255 || color.B > 255)
            {
                throw new InvalidRequestException($"{field}[{i}].color", $"{field}[{i}].color must be set, with r, g and b in 0..255");
            }

            if (!float.IsFinite(entry.Weight) || entry.Weight < 0)
            {
                throw new InvalidRequestException($"{field}[{i}].weight", $"{field}[{i}].weight must be a finite number >= 0 (0 on every entry = equal shares), got {entry.Weight}");
            }

            bins[i] = PaletteBin((int)color.R, (int)color.G, (int)color.B);
            weights[i] = entry.Weight;
            total += entry.Weight;
        }

        var histogram = new float[ModelManifest.PaletteBins];
        for (int i = 0; i < bins.Length; i++)
        {
            histogram[bins[i]] += (float)(total == 0 ? 1.0 / bins.Length : weights[i] / total);
        }

        return histogram;
    }

    /// <summary>The histogram bin of an 8-bit sRGB colour: 8 levels each of r, g, b.</summary>
    public static int PaletteBin(int r, int g, int b) => ((r >> 5) * 64) + ((g >> 5) * 8) + (b >> 5);

    /// <summary>
    /// The reference image as the model's <c>reference</c> input: composited
    /// over white, resized to 128x128 (aspect not kept), RGB in [-1,1], [1,3,128,128].
    /// </summary>
    /// <param name="image">Decoded for this request; composited in place.</param>
    public static TensorData ReferenceTensor(RgbaImage image)
    {
        Span<byte> pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i += 4)
        {
            int alpha = pixels[i + 3];
            if (alpha != 255)
            {
                int paper = 255 * (255 - alpha);
                pixels[i] = (byte)(((pixels[i] * alpha) + paper + 127) / 255);
                pixels[i + 1] = (byte)(((pixels[i + 1] * alpha) + paper + 127) / 255);
                pixels[i + 2] = (byte)(((pixels[i + 2] * alpha) + paper + 127) / 255);
                pixels[i + 3] = 255;
            }
        }

        const int side = ModelManifest.ReferenceSide;
        RgbaImage small = Resampler.Resize(image, side, side);
        const int plane = side * side;
        var values = new float[3 * plane];
        ReadOnlySpan<byte> resized = small.Pixels;
        for (int p = 0; p < plane; p++)
        {
            values[p] = (resized[p * 4] / 127.5f) - 1f;
            values[plane + p] = (resized[(p * 4) + 1] / 127.5f) - 1f;
            values[(2 * plane) + p] = (resized[(p * 4) + 2] / 127.5f) - 1f;
        }

        return new TensorData(values, [1, 3, side, side]);
    }

    /// <summary>1 for each requested tag in the order of the model's vocabulary, 0 else; tags match ignoring case and surrounding blanks.</summary>
    /// <param name="field">The request field, for error messages ("hints.tags").</param>
    public static float[] TagVector(IReadOnlyList<string> tags, ModelManifest manifest, string field)
    {
        var vector = new float[manifest.Tags.Count];
        for (int i = 0; i < tags.Count; i++)
        {
            string wanted = tags[i].Trim();
            int index = -1;
            for (int t = 0; t < manifest.Tags.Count && index < 0; t++)
            {
                if (string.Equals(manifest.Tags[t], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    index = t;
                }
            }

            if (index < 0)
            {
                throw new InvalidRequestException($"{field}[{i}]",
                    $"{field}[{i}] \"{tags[i]}\" is not a tag of model '{manifest.Name}'; its tags: {string.Join(", ", manifest.Tags)}");
            }

            vector[index] = 1;
        }

        return vector;
    }

    private static List<HintStroke> ReadStrokes(Hints hints, string field, EngineLimits limits)
    {
        var strokes = new List<HintStroke>(hints.Strokes.Count);
        long points = 0;
        for (int i = 0; i < hints.Strokes.Count; i++)
        {
            Stroke stroke = hints.Strokes[i];
            string name = $"{field}.strokes[{i}]";
            points += stroke.Points.Count;
            if (points > limits.MaxStrokePoints)
            {
                throw new InvalidRequestException($"{field}.strokes", $"{field}.strokes hold more than {limits.MaxStrokePoints} points; simplify the strokes or send them as a hint_layer");
            }

            if (stroke.Points.Count == 0)
            {
                throw new InvalidRequestException(name, $"{name} has no points; a dot is a stroke of one point");
            }

            if (stroke.Color is not { } color || color.R > 255 || color.G > 255 || color.B > 255)
            {
                throw new InvalidRequestException($"{name}.color", $"{name}.color must be set, with r, g and b in 0..255");
            }

            if (!float.IsFinite(stroke.Width) || stroke.Width < 0 || stroke.Width > 4096)
            {
                throw new InvalidRequestException($"{name}.width", $"{name}.width must be 0..4096 pixels, got {stroke.Width}");
            }

            var strokePoints = new HintPoint[stroke.Points.Count];
            for (int p = 0; p < strokePoints.Length; p++)
            {
                Point point = stroke.Points[p];
                if (!float.IsFinite(point.X) || !float.IsFinite(point.Y))
                {
                    throw new InvalidRequestException($"{name}.points[{p}]", $"{name}.points[{p}] is not a finite coordinate");
                }

                strokePoints[p] = new HintPoint(point.X, point.Y);
            }

            strokes.Add(new HintStroke(strokePoints, new HintColor((byte)color.R, (byte)color.G, (byte)color.B), stroke.Width));
        }

        return strokes;
    }
}

/// <summary>
/// The last reference image of a live preview and its tensor: every hint
/// change resends the whole hints, reference included, and decoding it again
/// would cost more than the small forward.
/// </summary>
internal sealed class ReferenceCache
{
    private readonly object _gate = new();
    private Image? _image;
    private TensorData? _tensor;

    public TensorData Get(Image image, string field, EngineLimits limits)
    {
        lock (_gate)
        {
            if (_tensor is not null && image.Equals(_image))
            {
                return _tensor;
            }
        }

        TensorData tensor = RequestHints.ReferenceTensor(ApiImages.Decode(image, field, limits));
        lock (_gate)
        {
            (_image, _tensor) = (image, tensor);
        }

        return tensor;
    }
}
