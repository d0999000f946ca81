using ColorizeBridge.Api.V1;
using ColorizeBridge.Grpc;
using ColorizeBridge.Server.Tests.Support;
using Google.Protobuf;

namespace ColorizeBridge.Server.Tests.Services;

/// <summary>
/// Every bad request gets a status that says what to change, and the server
/// goes on serving (each case ends with a good call).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture server)
{
    private static readonly ByteString GoodPng = TestImages.Png(TestImages.LineArt(64, 48));

    public static TheoryData<string, StatusCode, string> Cases() => new()
    {
        { "not a PNG", StatusCode.InvalidArgument, "line_art.png" },
        { "truncated PNG", StatusCode.InvalidArgument, "line_art.png" },
        { "PNG declaring 100000x100000", StatusCode.InvalidArgument, "100000" },
        { "empty line art", StatusCode.InvalidArgument, "line_art is empty" },
        { "raw length mismatch", StatusCode.InvalidArgument, "needs 12288" },
        { "raw zero size", StatusCode.InvalidArgument, "at least 1" },
        { "raw unspecified format", StatusCode.InvalidArgument, "format" },
        { "raw huge declared size", StatusCode.ResourceExhausted, "smaller image" },
        { "hint layer of another size", StatusCode.InvalidArgument, "the size of the line art" },
        { "hint layer not a PNG", StatusCode.InvalidArgument, "hints.hint_layer.png" },
        { "stroke without points", StatusCode.InvalidArgument, "strokes[0] has no points" },
        { "stroke colour out of range", StatusCode.InvalidArgument, "strokes[0].color" },
        { "stroke with NaN point", StatusCode.InvalidArgument, "finite" },
        { "palette for a hints model", StatusCode.InvalidArgument, "palette, reference and tags" },
        { "unknown model", StatusCode.NotFound, "Unknown model 'nope'" },
        { "failed model", StatusCode.FailedPrecondition, "failed to load" },
        { "work side too large", StatusCode.InvalidArgument, "options.work_side" },
        { "message over the limit", StatusCode.ResourceExhausted, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Colorize_BadInput_ClearStatusAndServerStillServes(string name, StatusCode expectedCode, string expectedText)
    {
        ColorizeRequest request = BadRequest(name);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.ColorizeAsync(request));

        Assert.Equal(expectedCode, error.StatusCode);
        Assert.Contains(expectedText, error.Status.Detail);
        List<ColorizeUpdate> good = await server.ColorizeAsync(new ColorizeRequest { LineArt = new Image { Png = GoodPng } });
        Assert.Equal(ColorizeUpdate.UpdateOneofCase.Result, good[^1].UpdateCase);
    }

    [Fact]
    public async Task PreviewHints_FirstRequestWithoutStart_IsInvalidArgument()
    {
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));
        await call.RequestStream.WriteAsync(new PreviewRequest { Revision = 1, Hints = new Hints() });

        // The server may end the call before the client half-closes, and then
        // CompleteAsync reports the call's status itself (as Grpc.Net.Client does).
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("first PreviewRequest must carry start", error.Status.Detail);
    }

    [Fact]
    public async Task PreviewHints_MaxSideOverLimit_IsInvalidArgument()
    {
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));
        await call.RequestStream.WriteAsync(new PreviewRequest
        {
            Revision = 1,
            Start = new PreviewStart { LineArt = new Image { Png = GoodPng }, Options = new PreviewOptions { MaxSide = 100_000 } },
        });

        // The server may end the call before the client half-closes, and then
        // CompleteAsync reports the call's status itself (as Grpc.Net.Client does).
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("max_side", error.Status.Detail);
    }

    [Theory]
    [InlineData(-1f, 0f, "sigma")]
    [InlineData(0f, 1.5f, "threshold")]
    public async Task ExtractLineArt_BadParameters_NameTheParameter(float sigma, float threshold, string expected)
    {
        var request = new ExtractLineArtRequest { Image = new Image { Png = GoodPng }, Sigma = sigma, Threshold = threshold };

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Invoker.AsyncUnaryCall(
            ServerFixture.MethodOf<ExtractLineArtRequest, ExtractLineArtResponse>("ExtractLineArt"), request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
    }

    private static ColorizeRequest BadRequest(string name)
    {
        var request = new ColorizeRequest { LineArt = new Image { Png = GoodPng } };
        Stroke Dot() => new() { Points = { new Point { X = 5, Y = 5 } }, Color = new Color { R = 1, G = 2, B = 3 }, Width = 4 };
        switch (name)
        {
            case "not a PNG": request.LineArt.Png = ByteString.CopyFromUtf8("GIF89a this is not a png at all"); break;
            case "truncated PNG": request.LineArt.Png = ByteString.CopyFrom(GoodPng.Span[..(GoodPng.Length / 2)]); break;
            case "PNG declaring 100000x100000": request.LineArt.Png = ByteString.CopyFrom(PngForgery.DeclaringSize(100_000, 100_000)); break;
            case "empty line art": request.LineArt = null; break;
            case "raw length mismatch":
                request.LineArt = new Image { Raw = new RawImage { Width = 64, Height = 48, Format = PixelFormat.Rgba8, Pixels = ByteString.CopyFrom(new byte[100]) } };
                break;
            case "raw zero size":
                request.LineArt = new Image { Raw = new RawImage { Width = 0, Height = 48, Format = PixelFormat.Gray8 } };
                break;
            case "raw unspecified format":
                request.LineArt = new Image { Raw = new RawImage { Width = 2, Height = 2, Pixels = ByteString.CopyFrom(new byte[4]) } };
                break;
            case "raw huge declared size":
                request.LineArt = new Image { Raw = new RawImage { Width = 1_000_000, Height = 1_000_000, Format = PixelFormat.Gray8, Pixels = ByteString.CopyFrom(new byte[4]) } };
                break;
            case "hint layer of another size":
                request.Hints = new Hints { HintLayer = new Image { Png = TestImages.Png(TestImages.HintDot(32, 32, 1, 1, (255, 0, 0))) } };
                break;
            case "hint layer not a PNG": request.Hints = new Hints { HintLayer = new Image { Png = ByteString.CopyFromUtf8("nope") } }; break;
            case "stroke without points": request.Hints = new Hints { Strokes = { new Stroke { Color = new Color(), Width = 3 } } }; break;
            case "stroke colour out of range":
                request.Hints = new Hints { Strokes = { Dot() } };
                request.Hints.Strokes[0].Color.R = 999;
                break;
            case "stroke with NaN point":
                request.Hints = new Hints { Strokes = { Dot() } };
                request.Hints.Strokes[0].Points[0].X = float.NaN;
                break;
            case "palette for a hints model":
                request.Hints = new Hints { Palette = { new PaletteEntry { Color = new Color { R = 255 } } } };
                break;
            case "unknown model": request.Model = "nope"; break;
            case "failed model": request.Model = "broken"; break;
            case "work side too large": request.Options = new ColorizeOptions { WorkSide = 100_000 }; break;
            case "message over the limit":
                request.LineArt.Png = ByteString.CopyFrom(new byte[ServerFixture.MaxMessageSize + 1024]);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "no such case");
        }

        return request;
    }
}
