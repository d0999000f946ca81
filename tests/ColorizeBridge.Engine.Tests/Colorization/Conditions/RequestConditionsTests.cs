using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Inference;
using Google.Protobuf;
using static ColorizeBridge.Engine.Tests.Support.ConditionFixtures;

namespace ColorizeBridge.Engine.Tests.Colorization.Conditions;

/// <summary>The hints of a request against the model's kind (docs/MODELS.md): which fields each kind takes or needs, and the errors.</summary>
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
