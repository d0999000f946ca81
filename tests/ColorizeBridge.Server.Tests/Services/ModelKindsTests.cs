using ColorizeBridge.Api.V1;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;

namespace ColorizeBridge.Server.Tests.Services;

/// <summary>
/// Models of kind auto, palette, reference and tags end to end over gRPC,
/// with the fixture models of tests/fixtures/kinds/ whose output colour shows
/// what steered them (make_fixtures.py): the condition reaches the model.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ModelKindsTests(ServerFixture server)
{
    private const int Width = 96;
    private const int Height = 64;

    private static ColorizeRequest Request(string model, Hints? hints) => new()
    {
        Model = model,
        LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(Width, Height)) },
        Hints = hints,
        // The model's own colour: these tests read what steered the model on the paper, which flats leave white.
        Options = new ColorizeOptions { WorkSide = Width, ModelColourOnly = true },
    };

    private static PaletteEntry Entry(uint r, uint g, uint b, float weight = 0) => new() { Color = new Color { R = r, G = g, B = b }, Weight = weight };

    private static RgbaImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbaImage(width, height);
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = (r, g, b, 255);
        }

        return image;
    }

    /// <summary>The result's colour on the paper, away from the line art's frame and cross.</summary>
    private async Task<(int R, int G, int B)> PaperColourAsync(string model, Hints? hints, int x = Width / 4, int y = Height / 4)
    {
        ColorizeResult result = (await server.ColorizeAsync(Request(model, hints)))[^1].Result;
        RgbaImage image = ImageDecoder.Decode(result.Image.Png.Span);
        Assert.Equal((Width, Height), (image.Width, image.Height));
        int i = ((y * Width) + x) * 4;
        return (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
    }

    private static void AssertNear((int R, int G, int B) expected, (int R, int G, int B) actual)
    {
        Assert.True(Math.Abs(expected.R - actual.R) <= 2 && Math.Abs(expected.G - actual.G) <= 2 && Math.Abs(expected.B - actual.B) <= 2,
            $"expected about {expected}, got {actual}");
    }

    [Fact]
    public async Task ListModels_GivesEachKindAndTheTagsModelsVocabulary()
    {
        ListModelsResponse response = await server.ListModelsAsync();

        foreach (string kind in new[] { "auto", "palette", "reference", "tags" })
        {
            ModelInfo model = response.Models.Single(m => m.Name == $"fixture-{kind}");
            Assert.Equal(ModelState.Ready, model.State);
            Assert.Equal(kind, model.Kind);
        }

        Assert.Equal(["red", "green", "blue", "yellow", "white"], response.Models.Single(m => m.Name == "fixture-tags").Tags);
        Assert.Empty(response.Models.Single(m => m.Name == "fixture-palette").Tags);
        Assert.Empty(response.Models.Single(m => m.Name == "tiny").Tags);
    }

    [Fact]
    public async Task Auto_ColoursFromTheLineArtAlone() =>
        // (line, line/2, -line) on white paper (+1): (255, 191, 0).
        AssertNear((255, 191, 0), await PaperColourAsync("fixture-auto", null));

    [Fact]
    public async Task Palette_ThePaletteSetsTheColour()
    {
        // The fixture gives the weighted mean of the bin centres: bin (7, 0, 0) is (240, 16, 16).
        AssertNear((240, 16, 16), await PaperColourAsync("fixture-palette", new Hints { Palette = { Entry(255, 0, 0) } }));
        AssertNear((16, 16, 240), await PaperColourAsync("fixture-palette", new Hints { Palette = { Entry(0, 0, 250) } }));
        // Equal shares of red and blue; then three parts red to one part blue.
        AssertNear((128, 16, 128), await PaperColourAsync("fixture-palette", new Hints { Palette = { Entry(255, 0, 0), Entry(0, 0, 255) } }));
        AssertNear((184, 16, 72), await PaperColourAsync("fixture-palette", new Hints { Palette = { Entry(255, 0, 0, 3), Entry(0, 0, 255, 1) } }));
    }

    [Fact]
    public async Task Palette_ColourDotsStillReachTheModel()
    {
        var hints = new Hints
        {
            Palette = { Entry(255, 0, 0) },
            HintLayer = new Image { Png = TestImages.Png(TestImages.HintDot(Width, Height, 8, 8, (0, 255, 0), size: 16)) },
        };

        AssertNear((0, 255, 0), await PaperColourAsync("fixture-palette", hints, x: 14, y: 14));
        AssertNear((240, 16, 16), await PaperColourAsync("fixture-palette", hints, x: 70, y: 50));
    }

    [Fact]
    public async Task Reference_TheReferencesColourSetsTheColour()
    {
        AssertNear((40, 160, 90), await PaperColourAsync("fixture-reference",
            new Hints { Reference = new Image { Png = TestImages.Png(Solid(300, 200, 40, 160, 90)) } }));
        AssertNear((200, 30, 220), await PaperColourAsync("fixture-reference",
            new Hints { Reference = new Image { Png = TestImages.Png(Solid(17, 500, 200, 30, 220)) } }));
    }

    [Fact]
    public async Task Tags_TheTagsSetTheColour_IgnoringCaseAndBlanks()
    {
        AssertNear((255, 0, 0), await PaperColourAsync("fixture-tags", new Hints { Tags = { "red" } }));
        AssertNear((0, 0, 255), await PaperColourAsync("fixture-tags", new Hints { Tags = { " Blue " } }));
        AssertNear((128, 0, 128), await PaperColourAsync("fixture-tags", new Hints { Tags = { "RED", "blue" } }));
    }

    public static TheoryData<string, string, string> BadCases() => new()
    {
        { "fixture-palette", "no palette", "hints.palette is empty: model 'fixture-palette' is of kind \"palette\" and needs a palette of 1..32 colours" },
        { "fixture-reference", "no reference", "hints.reference is empty: model 'fixture-reference' is of kind \"reference\"" },
        { "fixture-tags", "no tags", "hints.tags is empty: model 'fixture-tags' is of kind \"tags\" and needs at least one of its tags: red, green, blue, yellow, white" },
        { "fixture-tags", "unknown tag", "hints.tags[0] \"purple\" is not a tag of model 'fixture-tags'; its tags: red, green, blue, yellow, white" },
        { "fixture-auto", "a dot", "hints.strokes: model 'fixture-auto' is of kind \"auto\" and takes no colour dots or strokes" },
        { "fixture-palette", "tags", "hints.tags: model 'fixture-palette' is of kind \"palette\" and takes no tags" },
        { "fixture-reference", "palette", "hints.palette: model 'fixture-reference' is of kind \"reference\" and takes no palette" },
        { "fixture-tags", "reference", "hints.reference: model 'fixture-tags' is of kind \"tags\" and takes no reference image" },
        { "fixture-palette", "33 colours", "hints.palette has 33 entries; send 1..32 colours" },
        { "fixture-palette", "colour over 255", "hints.palette[0].color must be set, with r, g and b in 0..255" },
        { "fixture-reference", "reference not a PNG", "hints.reference.png:" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task Colorize_WrongOrMissingField_IsInvalidArgumentNamingIt(string model, string problem, string expected)
    {
        var hints = new Hints();
        switch (problem)
        {
            case "no palette" or "no reference" or "no tags": hints.Strokes.Add(Dot()); break;
            case "unknown tag": hints.Tags.Add("purple"); break;
            case "a dot": hints.Strokes.Add(Dot()); break;
            case "tags": hints.Palette.Add(Entry(1, 2, 3)); hints.Tags.Add("red"); break;
            case "palette": hints.Reference = new Image { Png = TestImages.Png(Solid(4, 4, 1, 2, 3)) }; hints.Palette.Add(Entry(1, 2, 3)); break;
            case "reference": hints.Tags.Add("red"); hints.Reference = new Image { Png = TestImages.Png(Solid(4, 4, 1, 2, 3)) }; break;
            case "33 colours": hints.Palette.AddRange(Enumerable.Range(0, 33).Select(i => Entry((uint)i, 0, 0))); break;
            case "colour over 255": hints.Palette.Add(Entry(300, 0, 0)); break;
            case "reference not a PNG": hints.Reference = new Image { Png = Google.Protobuf.ByteString.CopyFromUtf8("GIF89a") }; break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such case");
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => server.ColorizeAsync(Request(model, hints)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(expected, error.Status.Detail);
    }

    private static Stroke Dot() => new() { Points = { new Point { X = 20, Y = 20 } }, Color = new Color { G = 255 }, Width = 8 };

    [Fact]
    public async Task PreviewHints_PaletteModel_EachChangeOfPaletteChangesTheFrame_AndAWrongFieldEndsTheSession()
    {
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));
        await call.RequestStream.WriteAsync(RedPalettePreviewStart());
        Assert.True(await call.ResponseStream.MoveNext());
        PreviewFrame red = call.ResponseStream.Current;
        await call.RequestStream.WriteAsync(new PreviewRequest { Revision = 2, Hints = new Hints { Palette = { Entry(0, 0, 255) } } });
        Assert.True(await call.ResponseStream.MoveNext());
        PreviewFrame blue = call.ResponseStream.Current;
        await call.RequestStream.WriteAsync(new PreviewRequest { Revision = 3, Hints = new Hints { Tags = { "red" } } });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());

        Assert.Equal((1ul, 2ul), (red.Revision, blue.Revision));
        Assert.Equal(64u, red.Width);
        AssertNear((240, 16, 16), PixelAt(red, 16, 10));
        AssertNear((16, 16, 240), PixelAt(blue, 16, 10));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("hints.tags: model 'fixture-palette' is of kind \"palette\" and takes no tags", error.Status.Detail);
    }

    /// <summary>
    /// A session that fails while the client still has its request stream open
    /// must not leave a read pending on the request body: Kestrel reuses the
    /// HTTP/2 stream for the connection's next call, which then failed with
    /// "Reading is already in progress" (UNKNOWN) — seen as a flaky Colorize.
    /// </summary>
    [Fact]
    public async Task PreviewHints_FailingWhileTheClientStillSends_LeavesNothingBehindForTheNextCalls()
    {
        for (int round = 0; round < 8; round++)
        {
            using (var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints")))
            {
                await call.RequestStream.WriteAsync(RedPalettePreviewStart());
                Assert.True(await call.ResponseStream.MoveNext());
                await call.RequestStream.WriteAsync(new PreviewRequest { Revision = 2, Hints = new Hints { Tags = { "red" } } });
                await call.RequestStream.CompleteAsync();

                var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());

                Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
                for (int i = 0; i < 6; i++)
                {
                    AssertNear((255, 0, 0), await PaperColourAsync("fixture-tags", new Hints { Tags = { "red" } }));
                }
            }
        }
    }

    /// <summary>The first request of a 64-pixel preview of the fixture palette model with a red palette.</summary>
    private static PreviewRequest RedPalettePreviewStart() => new()
    {
        Revision = 1,
        Start = new PreviewStart
        {
            Model = "fixture-palette",
            LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(Width, Height)) },
            Hints = new Hints { Palette = { Entry(255, 0, 0) } },
            Options = new PreviewOptions { MaxSide = 64 },
        },
    };

    private static (int R, int G, int B) PixelAt(PreviewFrame frame, int x, int y)
    {
        RgbaImage image = ImageDecoder.Decode(frame.Image.Png.Span);
        int i = ((y * image.Width) + x) * 4;
        return (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
    }
}
