using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Tests.Shared;
using Google.Protobuf;

namespace ColorizeBridge.Engine.Tests.Colorization;

/// <summary>
/// A reference page steers the flats of Colorize and of a live preview region
/// by region (issue 17); its bad input is refused naming the field.
/// </summary>
public sealed class ReferencePagesTests : IDisposable
{
    private const int Side = 200;
    private static readonly FigurePose ReferencePose = new(95, 100, Scale: 0.9);
    private static readonly FigurePose MovedPose = new(110, 95, Scale: 0.8, TurnDegrees: 12);

    // The auto fixture paints (255, 191, 0) wherever there is no ink.
    private static readonly (int, int, int) ModelOrange = (255, 191, 0);

    private readonly ModelFolder _folder = new();

    public ReferencePagesTests() => _folder.AddKind("auto");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Colorize_ReferencePage_ColoursAMovedCopyPartByPartLikeTheReference()
    {
        // Arrange
        ColorizeRequest request = Request(FigurePages.LineArt(Side, Side, MovedPose), ReferencePage());

        // Act
        ColorizeResult result = await ColorizeAsync(request);

        // Assert
        foreach (FigurePart part in FigurePages.Parts)
        {
            (int x, int y) = FigurePages.Pixel(part, MovedPose);
            Assert.True((part.R, part.G, part.B) == PixelOf(result.Image, x, y), $"the {part.Name} is {PixelOf(result.Image, x, y)}, not its reference colour");
        }

        Assert.Equal((255, 255, 255), PixelOf(result.Image, 2, 2));
    }

    [Fact]
    public async Task Colorize_ReferencePageWithLayers_ReturnsTheMatchLayerLast()
    {
        ColorizeRequest request = Request(FigurePages.LineArt(Side, Side, MovedPose), ReferencePage());
        request.Options.ReturnLayers = true;

        ColorizeResult result = await ColorizeAsync(request);

        Assert.Equal(["lines", "shading", "flats", "regions", "match"], result.Layers.Select(l => l.Name));
        Image match = result.Layers[4].Image;
        (int x, int y) = FigurePages.Pixel(FigurePages.Part("skirt"), MovedPose);
        Assert.True(PixelOf(match, x, y).Item1 >= 128, $"the skirt's match confidence is only {PixelOf(match, x, y).Item1}/255");
        Assert.Equal((0, 0, 0), PixelOf(match, 2, 2));
    }

    [Fact]
    public async Task Colorize_NoReferencePage_ReturnsNoMatchLayer()
    {
        ColorizeRequest request = Request(FigurePages.LineArt(Side, Side, MovedPose), referencePage: null);
        request.Options.ReturnLayers = true;

        ColorizeResult result = await ColorizeAsync(request);

        Assert.DoesNotContain(result.Layers, l => l.Name == "match");
        (int x, int y) = FigurePages.Pixel(FigurePages.Part("torso"), MovedPose);
        Assert.Equal(ModelOrange, PixelOf(result.Image, x, y));
    }

    [Fact]
    public async Task Colorize_HintAndReferencePage_HintWins()
    {
        (int x, int y) = FigurePages.Pixel(FigurePages.Part("torso"), MovedPose);
        _folder.Add("tiny");
        ColorizeRequest request = Request(FigurePages.LineArt(Side, Side, MovedPose), ReferencePage());
        request.Model = "tiny";
        request.Hints = new Hints { Strokes = { new Stroke { Points = { new Point { X = x, Y = y } }, Color = new Color { R = 10, G = 200, B = 220 }, Width = 4 } } };

        request.Options.ReturnLayers = true;

        ColorizeResult result = await ColorizeAsync(request);

        // The tiny model shades: the flats carry the colours themselves.
        Image flats = result.Layers.Single(l => l.Name == "flats").Image;
        Assert.Equal((10, 200, 220), PixelOf(flats, x, y));
        (int sx, int sy) = FigurePages.Pixel(FigurePages.Part("skirt"), MovedPose);
        FigurePart skirt = FigurePages.Part("skirt");
        Assert.Equal((skirt.R, skirt.G, skirt.B), PixelOf(flats, sx, sy));
    }

    [Fact]
    public async Task Colorize_PartTheReferenceLacks_FallsBackToTheModel()
    {
        var pose = new FigurePose(100, 110, Scale: 0.85);
        ColorizeRequest request = Request(FigurePages.LineArt(Side, Side, pose, FigureEdits.HatAdded), ReferencePage());

        ColorizeResult result = await ColorizeAsync(request);

        (int x, int y) = FigurePages.Pixel(FigurePages.Hat, pose);
        Assert.Equal(ModelOrange, PixelOf(result.Image, x, y));
    }

    [Fact]
    public async Task Colorize_ReferencePageWithModelColourOnly_IsRefused()
    {
        ColorizeRequest request = Request(FigurePages.LineArt(Side, Side, MovedPose), ReferencePage());
        request.Options.ModelColourOnly = true;

        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(() => ColorizeAsync(request));

        Assert.Equal("reference_page", error.Field);
        Assert.Contains("model_colour_only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no line art", "reference_page.line_art")]
    [InlineData("no colours", "reference_page.colours")]
    [InlineData("colours of another size", "reference_page.colours")]
    [InlineData("undecodable line art", "reference_page.line_art.png")]
    [InlineData("empty colours", "reference_page.colours")]
    public async Task Colorize_BadReferencePage_IsRefusedNamingTheField(string fault, string field)
    {
        ReferencePage page = ReferencePage();
        switch (fault)
        {
            case "no line art": page.LineArt = null; break;
            case "no colours": page.Colours = null; break;
            case "colours of another size": page.Colours = Png(new RgbaImage(Side, Side - 1)); break;
            case "undecodable line art": page.LineArt = new Image { Png = ByteString.CopyFromUtf8("not an image") }; break;
            case "empty colours": page.Colours = new Image(); break;
        }

        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(
            () => ColorizeAsync(Request(FigurePages.LineArt(Side, Side, MovedPose), page)));

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colorize_ReferencePageOverTheLimits_IsResourceExhausted()
    {
        ReferencePage page = ReferencePage();
        page.Colours = new Image { Raw = new RawImage { Width = 20_000, Height = 10, Format = PixelFormat.Rgba8 } };

        ResourceExhaustedException error = await Assert.ThrowsAsync<ResourceExhaustedException>(
            () => ColorizeAsync(Request(FigurePages.LineArt(Side, Side, MovedPose), page)));

        Assert.Contains("reference_page.colours", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public async Task Colorize_MinMatchConfidenceOutOfRange_IsRefused(float value)
    {
        ColorizeRequest request = Request(FigurePages.LineArt(Side, Side, MovedPose), ReferencePage());
        request.Options.MinMatchConfidence = value;

        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(() => ColorizeAsync(request));

        Assert.Equal("options.min_match_confidence", error.Field);
    }

    [Fact]
    public void MinConfidenceFor_Zero_IsTheDefault()
    {
        Assert.Equal(ReferencePages.DefaultMinMatchConfidence, ReferencePages.MinConfidenceFor(new ColorizeOptions()));
        Assert.Equal(0.8, ReferencePages.MinConfidenceFor(new ColorizeOptions { MinMatchConfidence = 0.8f }), 6);
    }

    [Fact]
    public async Task Preview_ReferencePage_FramesFollowItAndItsReplacement()
    {
        // Arrange
        using ModelRegistry registry = _folder.OpenRegistry();
        registry.LoadAll();
        using var engine = new ColorizerEngine(registry);
        PreviewSession session = engine.StartPreview(new PreviewStart
        {
            LineArt = Png(FigurePages.LineArt(Side, Side, MovedPose)),
            ReferencePage = ReferencePage(),
            Options = new PreviewOptions { MaxSide = 160, OutputFormat = OutputFormat.RawRgba8 },
        });
        FigurePart torso = FigurePages.Part("torso");
        (int x, int y) = FigurePages.Pixel(torso, MovedPose);
        (int px, int py) = (x * 160 / Side, y * 160 / Side);

        // Act
        PreviewFrame first = await session.RenderAsync(1, null);
        var recoloured = FigurePages.Parts.Select(p => p.Name == "torso" ? p with { R = 20, G = 60, B = 220 } : p).ToList();
        RgbaImage referenceLines = FigurePages.LineArt(Side, Side, ReferencePose);
        session.ReplaceReferencePage(new ReferencePage
        {
            LineArt = Png(referenceLines),
            Colours = Png(FigurePages.Coloured(referenceLines, ReferencePose, recoloured)),
        });
        PreviewFrame second = await session.RenderAsync(2, null);

        // Assert
        Assert.Equal(160u, first.Width);
        Assert.Equal((torso.R, torso.G, torso.B), PixelOf(first.Image, px, py));
        Assert.Equal((20, 60, 220), PixelOf(second.Image, px, py));
    }

    [Fact]
    public void Preview_BadReferencePage_IsRefusedNamingTheField()
    {
        using ModelRegistry registry = _folder.OpenRegistry();
        registry.LoadAll();
        using var engine = new ColorizerEngine(registry);
        ReferencePage page = ReferencePage();
        page.Colours = null;

        InvalidRequestException error = Assert.Throws<InvalidRequestException>(() => engine.StartPreview(new PreviewStart
        {
            LineArt = Png(FigurePages.LineArt(Side, Side, MovedPose)),
            ReferencePage = page,
        }));

        Assert.Equal("start.reference_page.colours", error.Field);
    }

    private static ReferencePage ReferencePage()
    {
        RgbaImage lines = FigurePages.LineArt(Side, Side, ReferencePose);
        return new ReferencePage { LineArt = Png(lines), Colours = Png(FigurePages.Coloured(lines, ReferencePose, FigurePages.Parts)) };
    }

    private static Image Png(RgbaImage image) => new() { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(image)) };

    private static ColorizeRequest Request(RgbaImage art, ReferencePage? referencePage) => new()
    {
        LineArt = Png(art),
        ReferencePage = referencePage,
        Options = new ColorizeOptions { OutputFormat = OutputFormat.RawRgba8, WorkSide = 96 },
    };

    private async Task<ColorizeResult> ColorizeAsync(ColorizeRequest request)
    {
        using ModelRegistry registry = _folder.OpenRegistry();
        registry.LoadAll();
        using var engine = new ColorizerEngine(registry);
        ColorizeResult? result = null;
        await foreach (ColorizeUpdate update in engine.ColorizeAsync(request))
        {
            result = update.Result ?? result;
        }

        return result ?? throw new InvalidOperationException("No result.");
    }

    private static (int R, int G, int B) PixelOf(Image image, int x, int y)
    {
        byte[] pixels = image.Raw.Pixels.ToByteArray();
        int o = ((y * (int)image.Raw.Width) + x) * 4;
        return (pixels[o], pixels[o + 1], pixels[o + 2]);
    }
}
