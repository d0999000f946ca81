using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using Google.Protobuf;

namespace ColorizeBridge.Engine.Tests.Colorization;

/// <summary>
/// Colorize returns flats by default (issue 16): one colour per region, paper
/// white, the user's lines on top, the layers and per-hint results; the
/// model's raw colour only when asked.
/// </summary>
public sealed class FlatsLayersTests : IDisposable
{
    private const int Width = 96;
    private const int Height = 64;

    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>White paper with a black box (20,12)-(75,51), its wall 2 px; a gap of <paramref name="gap"/> px cut into the top wall.</summary>
    private static RgbaImage BoxArt(int gap = 0)
    {
        var image = new RgbaImage(Width, Height);
        image.Pixels.AsSpan().Fill(255);
        for (int y = 12; y <= 51; y++)
        {
            for (int x = 20; x <= 75; x++)
            {
                bool wall = x < 22 || x > 73 || y < 14 || y > 49;
                bool inGap = y < 14 && x >= 48 - (gap / 2) && x < 48 - (gap / 2) + gap;
                if (wall && !inGap)
                {
                    image.Pixels.AsSpan(((y * Width) + x) * 4, 3).Clear();
                }
            }
        }

        return image;
    }

    private static ColorizeRequest Request(string model, RgbaImage art, ColorizeOptions options, Hints? hints = null)
    {
        options.OutputFormat = OutputFormat.RawRgba8;
        options.WorkSide = 96;
        return new ColorizeRequest { Model = model, LineArt = new Image { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(art)) }, Hints = hints, Options = options };
    }

    private async Task<ColorizeResult> ColorizeAsync(string kindOrModel, ColorizeRequest request)
    {
        using var registry = _folder.OpenRegistry();
        registry.LoadAll();
        using var engine = new ColorizerEngine(registry);
        ColorizeResult? result = null;
        await foreach (ColorizeUpdate update in engine.ColorizeAsync(request))
        {
            result = update.Result ?? result;
        }

        return result ?? throw new InvalidOperationException($"No result from {kindOrModel}.");
    }

    private static (int R, int G, int B) PixelOf(Image image, int x, int y)
    {
        byte[] pixels = image.Raw.Pixels.ToByteArray();
        int o = ((y * (int)image.Raw.Width) + x) * 4;
        return (pixels[o], pixels[o + 1], pixels[o + 2]);
    }

    [Fact]
    public async Task Colorize_Default_GivesTheBoxOneFlatColourTheLinesOnTopAndWhitePaper()
    {
        // Arrange: the auto fixture paints (line, line/2, -line): (255, 191, 0) where there is no ink.
        _folder.AddKind("auto");
        RgbaImage art = BoxArt();

        // Act
        ColorizeResult result = await ColorizeAsync("fixture-auto", Request("fixture-auto", art, new ColorizeOptions { ReturnLayers = true }));

        // Assert
        Assert.Equal(["lines", "shading", "flats", "regions"], result.Layers.Select(l => l.Name));
        Assert.Equal((255, 255, 255), PixelOf(result.Image, 2, 2));
        Assert.Equal((0, 0, 0), PixelOf(result.Image, 20, 30));
        (int R, int G, int B) inside = PixelOf(result.Image, 48, 32);
        Assert.Equal(inside, PixelOf(result.Image, 24, 16));
        Assert.Equal(inside, PixelOf(result.Image, 71, 47));
        Assert.True(Math.Abs(inside.R - 255) <= 2 && Math.Abs(inside.G - 191) <= 2 && inside.B <= 2, $"the box is {inside}");
        Assert.Equal((0, 0, 0), PixelOf(result.Layers.Single(l => l.Name == "regions").Image, 2, 2));
        Assert.NotEqual((0, 0, 0), PixelOf(result.Layers.Single(l => l.Name == "regions").Image, 48, 32));
        Assert.Empty(result.Hints);
    }

    [Fact]
    public async Task Colorize_ModelColourOnly_ReturnsTheModelsOwnColourAndItsLayers()
    {
        _folder.AddKind("auto");

        ColorizeResult result = await ColorizeAsync("fixture-auto",
            Request("fixture-auto", BoxArt(), new ColorizeOptions { ReturnLayers = true, ModelColourOnly = true }));

        Assert.Equal(["colour", "line art"], result.Layers.Select(l => l.Name));
        (int R, int G, int B) paper = PixelOf(result.Image, 2, 2);
        Assert.True(Math.Abs(paper.R - 255) <= 2 && Math.Abs(paper.G - 191) <= 2 && paper.B <= 2, $"the paper is {paper}");
    }

    [Fact]
    public async Task Colorize_HintDotInTheBox_ColoursTheBoxAndIsReportedObeyed()
    {
        // Arrange
        _folder.Add("tiny");
        var hints = new Hints { Strokes = { new Stroke { Points = { new Point { X = 40, Y = 30 } }, Color = new Color { R = 30, G = 90, B = 200 }, Width = 5 } } };

        // Act
        ColorizeResult result = await ColorizeAsync("tiny", Request("tiny", BoxArt(), new ColorizeOptions(), hints));

        // Assert
        HintResult hint = Assert.Single(result.Hints);
        Assert.Equal(new Color { R = 30, G = 90, B = 200 }, hint.Requested);
        Assert.Equal(hint.Requested, hint.Delivered);
        Assert.True(hint.Obeyed);
        Assert.Equal(0f, hint.DeltaE);
        Assert.InRange(hint.Position.X, 38, 42);
        Assert.Equal((30, 90, 200), PixelOf(result.Image, 70, 45));
        Assert.Equal((255, 255, 255), PixelOf(result.Image, 2, 2));
    }

    [Theory]
    [InlineData(0u, true)]
    [InlineData(1u, true)]
    [InlineData(8u, false)]
    public async Task Colorize_SixPixelGap_IsClosedOnlyWithAGapSizeThatCoversIt(uint gapSize, bool boxIsPaper)
    {
        // Arrange
        _folder.AddKind("auto");

        // Act
        ColorizeResult result = await ColorizeAsync("fixture-auto", Request("fixture-auto", BoxArt(gap: 6), new ColorizeOptions { GapSize = gapSize }));

        // Assert: through the gap the box is the background paper; closed, it keeps the model's colour.
        Assert.Equal(boxIsPaper, PixelOf(result.Image, 48, 32) == (255, 255, 255));
    }

    [Fact]
    public async Task Colorize_GapSizeAboveTheMaximum_IsRefusedNamingTheField()
    {
        _folder.AddKind("auto");

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            ColorizeAsync("fixture-auto", Request("fixture-auto", BoxArt(), new ColorizeOptions { GapSize = 65 })));

        Assert.Equal("options.gap_size", error.Field);
        Assert.Contains("65", error.Message);
    }
}
