using ColorizeBridge.Api.V1;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Google.Protobuf;
using Grpc.Core;

namespace ColorizeBridge.Server.Tests.Services;

[Collection(ServerCollection.Name)]
public sealed class ColorizerServiceTests(ServerFixture server)
{
    [Fact]
    public async Task ListModels_ListsReadyDefaultAndFailedModelWithReason()
    {
        ListModelsResponse response = await server.ListModelsAsync();

        Assert.Equal(ServerFixture.ModelName, response.DefaultModel);
        ModelInfo tiny = response.Models.Single(m => m.Name == "tiny");
        Assert.Equal(ModelState.Ready, tiny.State);
        Assert.Equal("cpu", tiny.Device);
        Assert.Equal("hints", tiny.Kind);
        Assert.Equal(16u, tiny.SizeRules.MultipleOf);
        ModelInfo broken = response.Models.Single(m => m.Name == "broken");
        Assert.Equal(ModelState.Failed, broken.State);
        Assert.Contains("sha256", broken.Error);
    }

    [Fact]
    public async Task Colorize_StreamsProgressThenResultAtTheLineArtsSize()
    {
        RgbaImage lineArt = TestImages.LineArt(150, 90);
        var request = new ColorizeRequest
        {
            LineArt = new Image { Png = TestImages.Png(lineArt) },
            Hints = new Hints { HintLayer = new Image { Png = TestImages.Png(TestImages.HintDot(150, 90, 20, 20, (255, 0, 0))) } },
        };

        List<ColorizeUpdate> updates = await server.ColorizeAsync(request);

        Assert.Equal(ColorizeUpdate.UpdateOneofCase.Progress, updates[0].UpdateCase);
        ColorizeResult result = Assert.Single(updates, u => u.UpdateCase == ColorizeUpdate.UpdateOneofCase.Result).Result;
        Assert.Same(result, updates[^1].Result);
        RgbaImage image = ImageDecoder.Decode(result.Image.Png.Span);
        Assert.Equal((150, 90), (image.Width, image.Height));
        Assert.Equal("tiny", result.Recipe.Model);
        Assert.Equal(0u, result.Recipe.WorkWidth % 16);
    }

    [Fact]
    public async Task Colorize_FullInkPixelsComeBackExactlyAsDrawn()
    {
        RgbaImage lineArt = TestImages.LineArt(96, 64);
        var request = new ColorizeRequest { LineArt = new Image { Png = TestImages.Png(lineArt) } };

        ColorizeResult result = (await server.ColorizeAsync(request))[^1].Result;

        RgbaImage image = ImageDecoder.Decode(result.Image.Png.Span);
        for (int i = 0; i < lineArt.Pixels.Length; i += 4)
        {
            if (lineArt.Pixels[i] == 0)
            {
                Assert.Equal(lineArt.Pixels.AsSpan(i, 4).ToArray(), image.Pixels.AsSpan(i, 4).ToArray());
            }
        }
    }

    [Fact]
    public async Task Colorize_RawInRawOut_WithLayers()
    {
        RgbaImage lineArt = TestImages.LineArt(64, 48);
        var request = new ColorizeRequest
        {
            LineArt = new Image
            {
                Raw = new RawImage { Width = 64, Height = 48, Format = PixelFormat.Rgba8, Pixels = ByteString.CopyFrom(lineArt.Pixels) },
            },
            Options = new ColorizeOptions { OutputFormat = OutputFormat.RawRgba8, ReturnLayers = true },
        };

        ColorizeResult result = (await server.ColorizeAsync(request))[^1].Result;

        Assert.Equal(64u * 48 * 4, (uint)result.Image.Raw.Pixels.Length);
        Assert.Equal(["lines", "shading", "flats", "regions"], result.Layers.Select(l => l.Name));
        Assert.All(result.Layers, l => Assert.Equal(PixelFormat.Rgba8, l.Image.Raw.Format));
    }

    [Fact]
    public async Task PreviewHints_AnswersTheNewestRevision()
    {
        RgbaImage lineArt = TestImages.LineArt(400, 300);
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));
        await call.RequestStream.WriteAsync(new PreviewRequest
        {
            Revision = 1,
            Start = new PreviewStart { LineArt = new Image { Png = TestImages.Png(lineArt) }, Options = new PreviewOptions { MaxSide = 128 } },
        });
        for (ulong revision = 2; revision <= 6; revision++)
        {
            await call.RequestStream.WriteAsync(new PreviewRequest
            {
                Revision = revision,
                Hints = new Hints { Strokes = { new Stroke { Points = { new Point { X = 50, Y = 50 } }, Color = new Color { R = 0, G = 0, B = 255 }, Width = 12 } } },
            });
        }

        await call.RequestStream.CompleteAsync();
        var frames = new List<PreviewFrame>();
        while (await call.ResponseStream.MoveNext())
        {
            frames.Add(call.ResponseStream.Current);
        }

        Assert.NotEmpty(frames);
        Assert.Equal(6ul, frames[^1].Revision);
        Assert.True(frames.Select(f => f.Revision).SequenceEqual(frames.Select(f => f.Revision).Order()), "revisions never go back");
        RgbaImage preview = ImageDecoder.Decode(frames[^1].Image.Png.Span);
        Assert.Equal((128, 96), (preview.Width, preview.Height));
        Assert.Equal((128u, 96u), (frames[^1].Width, frames[^1].Height));
    }

    [Fact]
    public async Task PreviewHints_ReferencePageLater_RendersTheCurrentHintsAgainSteeredByIt()
    {
        // Arrange: the session starts without a reference page; one comes as revision 2.
        var pose = new FigurePose(100, 100, Scale: 0.9);
        var referencePose = new FigurePose(95, 105, Scale: 0.85, TurnDegrees: 8);
        RgbaImage referenceLines = FigurePages.LineArt(200, 200, referencePose);
        var reference = new ReferencePage
        {
            LineArt = new Image { Png = TestImages.Png(referenceLines) },
            Colours = new Image { Png = TestImages.Png(FigurePages.Coloured(referenceLines, referencePose, FigurePages.Parts)) },
        };
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));

        // Act
        await call.RequestStream.WriteAsync(new PreviewRequest
        {
            Revision = 1,
            Start = new PreviewStart { LineArt = new Image { Png = TestImages.Png(FigurePages.LineArt(200, 200, pose)) }, Options = new PreviewOptions { MaxSide = 200 } },
        });
        await call.RequestStream.WriteAsync(new PreviewRequest { Revision = 2, ReferencePage = reference });
        await call.RequestStream.CompleteAsync();
        var frames = new List<PreviewFrame>();
        while (await call.ResponseStream.MoveNext())
        {
            frames.Add(call.ResponseStream.Current);
        }

        // Assert: the tiny model shades, so the skirt's hue, not its exact colour, is the reference's (green-dominant).
        Assert.Equal(2ul, frames[^1].Revision);
        RgbaImage preview = ImageDecoder.Decode(frames[^1].Image.Png.Span);
        (int x, int y) = FigurePages.Pixel(FigurePages.Part("skirt"), pose);
        int o = ((y * preview.Width) + x) * 4;
        (byte r, byte g, byte b) = (preview.Pixels[o], preview.Pixels[o + 1], preview.Pixels[o + 2]);
        Assert.True(g > r + 40 && g > b + 40, $"the skirt is ({r}, {g}, {b}), not the reference's green");
    }

    [Fact]
    public async Task ExtractLineArt_ReturnsBlackOnWhiteOfTheSameSize()
    {
        RgbaImage drawing = TestImages.LineArt(80, 60);
        var request = new ExtractLineArtRequest { Image = new Image { Png = TestImages.Png(drawing) }, Method = LineArtMethod.Threshold };

        ExtractLineArtResponse response = await server.Invoker.AsyncUnaryCall(
            ServerFixture.MethodOf<ExtractLineArtRequest, ExtractLineArtResponse>("ExtractLineArt"), request).ResponseAsync;

        RgbaImage lines = ImageDecoder.Decode(response.LineArt.Png.Span);
        Assert.Equal((80, 60), (lines.Width, lines.Height));
        Assert.Equal(0, lines.Pixels[((30 * 80) + 40) * 4]);
        Assert.Equal(255, lines.Pixels[((15 * 80) + 15) * 4]);
    }
}
