using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference;
using Google.Protobuf;

namespace ColorizeBridge.Engine.Tests.Colorization.Conditions;

/// <summary>The hints of a request against the model's kind: the palette, reference and tags tensors of docs/MODELS.md, and the errors.</summary>
public sealed class RequestConditionsTests : IDisposable
{
    private const int Width = 64;
    private const int Height = 48;
    private readonly ModelFolder _folder = new();
    private readonly EngineLimits _limits = new();

    public void Dispose() => _folder.Dispose();

    private readonly Dictionary<string, ModelManifest> _manifests = [];

    private ModelManifest Manifest(string kind)
    {
        if (!_manifests.TryGetValue(kind, out ModelManifest? manifest))
        {
            string folder = kind == "hints" ? _folder.Add("hints-model") : _folder.AddKind(kind);
            manifest = _manifests[kind] = ModelManifest.Load(Path.Combine(folder, "model.json"));
        }

        return manifest;
    }

    private RequestConditions Read(string kind, Hints? hints) => RequestConditions.Read(hints, "hints", Width, Height, Manifest(kind), _limits);

    private static PaletteEntry Entry(uint r, uint g, uint b, float weight = 0) => new() { Color = new Color { R = r, G = g, B = b }, Weight = weight };

    private static Stroke Dot() => new() { Points = { new Point { X = 5, Y = 5 } }, Color = new Color { R = 1, G = 2, B = 3 }, Width = 4 };

    private static Image Png(RgbaImage image) => new() { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(image)) };

    private static RgbaImage Solid(int width, int height, byte r, byte g, byte b, byte a = 255)
    {
        var image = new RgbaImage(width, height);
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = (r, g, b, a);
        }

        return image;
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(255, 255, 255, 511)]
    [InlineData(255, 0, 0, 448)]
    [InlineData(0, 255, 0, 56)]
    [InlineData(0, 0, 255, 7)]
    [InlineData(31, 32, 95, (0 * 64) + (1 * 8) + 2)]
    public void PaletteBin_IsTopThreeBitsOfRThenGThenB(int r, int g, int b, int bin) =>
        Assert.Equal(bin, PaletteCondition.Bin(r, g, b));

    [Fact]
    public void PaletteHistogram_WeightZeroOnEveryEntry_GivesEqualShares()
    {
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0), Entry(0, 0, 255), Entry(0, 255, 0), Entry(255, 255, 255)], "hints.palette");

        Assert.Equal(512, histogram.Length);
        Assert.Equal(0.25f, histogram[448]);
        Assert.Equal(0.25f, histogram[7]);
        Assert.Equal(0.25f, histogram[56]);
        Assert.Equal(0.25f, histogram[511]);
        Assert.Equal(4, histogram.Count(v => v != 0));
    }

    [Fact]
    public void PaletteHistogram_Weights_AreNormalisedToSumToOne()
    {
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0, 3), Entry(0, 0, 255, 1)], "hints.palette");

        Assert.Equal(0.75f, histogram[448]);
        Assert.Equal(0.25f, histogram[7]);
        Assert.Equal(1f, histogram.Sum(), 5);
    }

    [Fact]
    public void PaletteHistogram_TwoEntriesInOneBin_Add()
    {
        // #ff0000 and #e01010 both fall in bin (7, 0, 0).
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0), Entry(224, 16, 16), Entry(0, 0, 255)], "hints.palette");

        Assert.Equal(2f / 3, histogram[448], 6);
        Assert.Equal(1f / 3, histogram[7], 6);
        Assert.Equal(2, histogram.Count(v => v != 0));
    }

    [Fact]
    public void PaletteHistogram_ZeroWeightAmongWeighted_AddsNothing()
    {
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0, 2), Entry(0, 0, 255, 0)], "hints.palette");

        Assert.Equal(1f, histogram[448]);
        Assert.Equal(0f, histogram[7]);
    }

    [Fact]
    public void PaletteHistogram_ThirtyThreeEntries_IsInvalidArgumentSayingTheLimit()
    {
        PaletteEntry[] entries = [.. Enumerable.Range(0, 33).Select(i => Entry((uint)i * 7, 0, 0))];

        var error = Assert.Throws<InvalidRequestException>(() => PaletteCondition.Histogram(entries, "hints.palette"));

        Assert.Equal("hints.palette", error.Field);
        Assert.Equal("hints.palette has 33 entries; send 1..32 colours", error.Message);
    }

    [Fact]
    public void PaletteHistogram_ThirtyTwoEntries_IsAccepted() =>
        Assert.Equal(1f, PaletteCondition.Histogram([.. Enumerable.Range(0, 32).Select(i => Entry((uint)i * 8, 0, 0))], "hints.palette").Sum(), 5);

    [Theory]
    [InlineData("no colour", "hints.palette[1].color must be set, with r, g and b in 0..255")]
    [InlineData("colour over 255", "hints.palette[1].color must be set, with r, g and b in 0..255")]
    [InlineData("negative weight", "hints.palette[1].weight must be a finite number >= 0")]
    [InlineData("NaN weight", "hints.palette[1].weight must be a finite number >= 0")]
    public void PaletteHistogram_BadEntry_NamesTheEntry(string problem, string expected)
    {
        PaletteEntry bad = problem switch
        {
            "no colour" => new PaletteEntry { Weight = 1 },
            "colour over 255" => Entry(256, 0, 0),
            "negative weight" => Entry(1, 2, 3, -1),
            _ => Entry(1, 2, 3, float.NaN),
        };

        var error = Assert.Throws<InvalidRequestException>(() => PaletteCondition.Histogram([Entry(9, 9, 9), bad], "hints.palette"));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Read_PaletteModel_GivesTheHistogramAsA1x512Input()
    {
        RequestConditions hints = Read("palette", new Hints { Palette = { Entry(255, 0, 0) }, Strokes = { Dot() } });

        TensorData palette = hints.Palette!;
        Assert.Equal([1L, 512L], palette.Shape);
        Assert.Equal(1f, palette.Data.Span[448]);
        Assert.Single(hints.Strokes);
        Assert.Null(hints.Reference);
        Assert.Null(hints.Tags);
    }

    [Fact]
    public void ReferenceTensor_SolidColour_IsThatColourInMinusOneToOne()
    {
        TensorData tensor = ReferenceCondition.Tensor(Solid(300, 200, 255, 0, 51));

        Assert.Equal([1L, 3L, 128L, 128L], tensor.Shape);
        ReadOnlySpan<float> values = tensor.Data.Span;
        const int plane = 128 * 128;
        Assert.All(values[..plane].ToArray(), v => Assert.Equal(1f, v, 5));
        Assert.All(values[plane..(2 * plane)].ToArray(), v => Assert.Equal(-1f, v, 5));
        Assert.All(values[(2 * plane)..].ToArray(), v => Assert.Equal((51 / 127.5f) - 1, v, 5));
    }

    [Fact]
    public void ReferenceTensor_Transparency_IsCompositedOverWhite()
    {
        TensorData clear = ReferenceCondition.Tensor(Solid(16, 16, 0, 0, 0, a: 0));
        TensorData half = ReferenceCondition.Tensor(Solid(16, 16, 0, 0, 0, a: 128));

        Assert.All(clear.Data.ToArray(), v => Assert.Equal(1f, v));
        // Black at alpha 128/255 over white: 255 - 128 = 127.
        Assert.All(half.Data.ToArray(), v => Assert.Equal((127 / 127.5f) - 1, v, 5));
    }

    [Fact]
    public void ReferenceTensor_KeepsTheRoughLayout_AspectNotKept()
    {
        // A wide image, left half red, right half blue, squeezed to 128x128.
        var image = Solid(400, 100, 255, 0, 0);
        for (int y = 0; y < 100; y++)
        {
            for (int x = 200; x < 400; x++)
            {
                int i = ((y * 400) + x) * 4;
                (image.Pixels[i], image.Pixels[i + 2]) = (0, 255);
            }
        }

        ReadOnlySpan<float> values = ReferenceCondition.Tensor(image).Data.Span;

        const int plane = 128 * 128;
        int leftPixel = (64 * 128) + 10, rightPixel = (64 * 128) + 117;
        Assert.Equal((1f, -1f), (values[leftPixel], values[(2 * plane) + leftPixel]));
        Assert.Equal((-1f, 1f), (values[rightPixel], values[(2 * plane) + rightPixel]));
    }

    [Fact]
    public void Read_ReferenceModel_DecodesTheReferenceOfAnySize()
    {
        RequestConditions hints = Read("reference", new Hints { Reference = Png(Solid(7, 300, 0, 255, 0)) });

        Assert.Equal([1L, 3L, 128L, 128L], hints.Reference!.Shape);
        Assert.Equal(1f, hints.Reference.Data.Span[128 * 128]);
    }

    [Fact]
    public void Read_ReferenceNotAPng_IsInvalidArgumentNamingTheField()
    {
        var error = Assert.Throws<InvalidRequestException>(() => Read("reference", new Hints { Reference = new Image { Png = ByteString.CopyFromUtf8("GIF89a") } }));

        Assert.StartsWith("hints.reference.png:", error.Message);
    }

    [Fact]
    public void Read_ReferenceOverTheSizeLimit_IsRefused()
    {
        var raw = new RawImage { Width = 100_000, Height = 100_000, Format = PixelFormat.Gray8, Pixels = ByteString.CopyFrom(new byte[4]) };

        var error = Assert.Throws<ResourceExhaustedException>(() => Read("reference", new Hints { Reference = new Image { Raw = raw } }));

        Assert.Contains("hints.reference.raw", error.Message);
    }

    [Fact]
    public void ReferenceCache_SameImageAgain_GivesTheSameTensorWithoutDecoding()
    {
        var cache = new ReferenceCache();
        Image first = Png(Solid(8, 8, 10, 20, 30));

        TensorData a = cache.Get(first, "hints.reference", _limits);
        TensorData again = cache.Get(first.Clone(), "hints.reference", _limits);
        TensorData other = cache.Get(Png(Solid(8, 8, 200, 20, 30)), "hints.reference", _limits);

        Assert.Same(a, again);
        Assert.NotSame(a, other);
        Assert.NotEqual(a.Data.Span[0], other.Data.Span[0]);
    }

    [Fact]
    public void Read_Tags_MatchIgnoringCaseAndBlanks_InTheVocabularysOrder()
    {
        RequestConditions hints = Read("tags", new Hints { Tags = { " Blue", "RED ", "red" } });

        Assert.Equal([1L, 5L], hints.Tags!.Shape);
        Assert.Equal([1f, 0f, 1f, 0f, 0f], hints.Tags.Data.ToArray());
    }

    [Fact]
    public void Read_UnknownTag_IsInvalidArgumentListingTheVocabulary()
    {
        var error = Assert.Throws<InvalidRequestException>(() => Read("tags", new Hints { Tags = { "red", "purple" } }));

        Assert.Equal("hints.tags[1]", error.Field);
        Assert.Equal("hints.tags[1] \"purple\" is not a tag of model 'fixture-tags'; its tags: red, green, blue, yellow, white", error.Message);
    }

    public static TheoryData<string, string, string> WrongFields() => new()
    {
        { "hints", "palette", "hints.palette: model 'hints-model' is of kind \"hints\" and takes no palette; only models of kind \"palette\" do" },
        { "hints", "reference", "hints.reference: model 'hints-model' is of kind \"hints\" and takes no reference image; only models of kind \"reference\" do" },
        { "hints", "tags", "hints.tags: model 'hints-model' is of kind \"hints\" and takes no tags; only models of kind \"tags\" do" },
        { "auto", "hint_layer", "hints.hint_layer: model 'fixture-auto' is of kind \"auto\" and takes no colour dots or strokes" },
        { "auto", "strokes", "hints.strokes: model 'fixture-auto' is of kind \"auto\" and takes no colour dots or strokes" },
        { "auto", "palette", "hints.palette: model 'fixture-auto' is of kind \"auto\" and takes no palette" },
        { "palette", "tags", "hints.tags: model 'fixture-palette' is of kind \"palette\" and takes no tags" },
        { "palette", "reference", "hints.reference: model 'fixture-palette' is of kind \"palette\" and takes no reference image" },
        { "reference", "palette", "hints.palette: model 'fixture-reference' is of kind \"reference\" and takes no palette" },
        { "tags", "reference", "hints.reference: model 'fixture-tags' is of kind \"tags\" and takes no reference image" },
    };

    [Theory]
    [MemberData(nameof(WrongFields))]
    public void Read_FieldTheKindCannotUse_IsInvalidArgumentNamingIt(string kind, string field, string expected)
    {
        // Each request also carries what its model needs, so only the extra field is wrong.
        var hints = new Hints();
        switch (kind)
        {
            case "palette": hints.Palette.Add(Entry(1, 2, 3)); break;
            case "reference": hints.Reference = Png(Solid(4, 4, 1, 2, 3)); break;
            case "tags": hints.Tags.Add("red"); break;
        }

        switch (field)
        {
            case "palette": hints.Palette.Add(Entry(1, 2, 3)); break;
            case "reference": hints.Reference = Png(Solid(4, 4, 1, 2, 3)); break;
            case "tags": hints.Tags.Add("red"); break;
            case "hint_layer": hints.HintLayer = Png(Solid(Width, Height, 255, 0, 0)); break;
            case "strokes": hints.Strokes.Add(Dot()); break;
        }

        var error = Assert.Throws<InvalidRequestException>(() => Read(kind, hints));

        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("palette", "hints.palette is empty: model 'fixture-palette' is of kind \"palette\" and needs a palette of 1..32 colours")]
    [InlineData("reference", "hints.reference is empty: model 'fixture-reference' is of kind \"reference\" and needs a reference image")]
    [InlineData("tags", "hints.tags is empty: model 'fixture-tags' is of kind \"tags\" and needs at least one of its tags: red, green, blue, yellow, white")]
    public void Read_MissingTheKindsField_IsInvalidArgumentNamingIt(string kind, string expected)
    {
        foreach (Hints? hints in new[] { null, new Hints(), new Hints { Strokes = { Dot() } }, new Hints { Reference = new Image() } })
        {
            var error = Assert.Throws<InvalidRequestException>(() => Read(kind, hints));

            Assert.StartsWith(expected, error.Message);
        }
    }

    [Theory]
    [InlineData("hints")]
    [InlineData("auto")]
    public void Read_NoHints_IsFineForKindsThatNeedNone(string kind)
    {
        RequestConditions hints = Read(kind, null);

        Assert.Null(hints.HintLayer);
        Assert.Empty(hints.Strokes);
        Assert.Null(hints.Palette);
    }
}
