using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Google.Protobuf;
using Grpc.Core;

namespace ColorizeBridge.Server.Tests.Services;

/// <summary>
/// Every bad request gets a status that says what to change, and the server
/// goes on serving (each case ends with a good call): 59 cases across
/// Colorize, PreviewHints, ExtractLineArt and the wire protocol itself.
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
        { "palette for a hints model", StatusCode.InvalidArgument, "hints.palette: model 'tiny' is of kind \"hints\" and takes no palette" },
        { "unknown model", StatusCode.NotFound, "Unknown model 'nope'" },
        { "failed model", StatusCode.FailedPrecondition, "failed to load" },
        { "work side too large", StatusCode.InvalidArgument, "options.work_side" },
        { "message over the limit", StatusCode.ResourceExhausted, "" },
        { "reference page without colours", StatusCode.InvalidArgument, "reference_page.colours is missing" },
        { "reference page without line art", StatusCode.InvalidArgument, "reference_page.line_art is missing" },
        { "reference page colours of another size", StatusCode.InvalidArgument, "reference_page.colours is 32x32 but reference_page.line_art is 64x48" },
        { "reference page line art not a PNG", StatusCode.InvalidArgument, "reference_page.line_art.png" },
        { "reference page raw huge declared size", StatusCode.ResourceExhausted, "reference_page.colours.raw" },
        { "reference page with model_colour_only", StatusCode.InvalidArgument, "options.model_colour_only turns them off" },
        { "min_match_confidence over 1", StatusCode.InvalidArgument, "options.min_match_confidence" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Colorize_BadInput_ClearStatusAndServerStillServes(string name, StatusCode expectedCode, string expectedText)
    {
        ColorizeRequest request = BadRequest(name);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.ColorizeAsync(request));

        Assert.Equal(expectedCode, error.StatusCode);
        Assert.Contains(expectedText, error.Status.Detail);
        await AssertStillServesAsync();
    }

    public static TheoryData<string, StatusCode, string> PreviewCases() => new()
    {
        { "first request without start", StatusCode.InvalidArgument, "first PreviewRequest must carry start" },
        { "first request empty", StatusCode.InvalidArgument, "first PreviewRequest must carry start" },
        { "max_side over the limit", StatusCode.InvalidArgument, "max_side" },
        { "start line art not a PNG", StatusCode.InvalidArgument, "start.line_art.png" },
        { "start with an unknown model", StatusCode.NotFound, "Unknown model 'nope'" },
        { "start with a failed model", StatusCode.FailedPrecondition, "failed to load" },
        { "start raw huge declared size", StatusCode.ResourceExhausted, "smaller image" },
        { "start sent twice", StatusCode.InvalidArgument, "only the first request carries start" },
        { "hint layer of another size later", StatusCode.InvalidArgument, "the size of the line art" },
        { "stroke with NaN point later", StatusCode.InvalidArgument, "finite" },
        { "start reference page without colours", StatusCode.InvalidArgument, "start.reference_page.colours is missing" },
        { "reference page of another size later", StatusCode.InvalidArgument, "reference_page.colours is 32x32" },
    };

    [Theory]
    [MemberData(nameof(PreviewCases))]
    public async Task PreviewHints_BadSession_ClearStatusAndServerStillServes(string name, StatusCode expectedCode, string expectedText)
    {
        PreviewRequest[] requests = BadPreview(name);
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));

        // The server may end the call before the client half-closes, and then
        // a write or CompleteAsync reports the call's status itself (as Grpc.Net.Client does).
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            foreach (PreviewRequest request in requests)
            {
                await call.RequestStream.WriteAsync(request);
            }

            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext())
            {
            }
        });

        Assert.Equal(expectedCode, error.StatusCode);
        Assert.Contains(expectedText, error.Status.Detail);
        await AssertStillServesAsync();
    }

    public static TheoryData<string, StatusCode, string> ExtractLineArtCases() => new()
    {
        { "negative sigma", StatusCode.InvalidArgument, "sigma" },
        { "threshold over 1", StatusCode.InvalidArgument, "threshold" },
        { "not a PNG", StatusCode.InvalidArgument, "image.png" },
        { "empty image", StatusCode.InvalidArgument, "image is empty" },
        { "PNG declaring 100000x100000", StatusCode.InvalidArgument, "100000" },
        { "raw length mismatch", StatusCode.InvalidArgument, "needs 12288" },
    };

    [Theory]
    [MemberData(nameof(ExtractLineArtCases))]
    public async Task ExtractLineArt_BadInput_ClearStatusAndServerStillServes(string name, StatusCode expectedCode, string expectedText)
    {
        ExtractLineArtRequest request = BadExtraction(name);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Invoker.AsyncUnaryCall(
            ServerFixture.MethodOf<ExtractLineArtRequest, ExtractLineArtResponse>("ExtractLineArt"), request).ResponseAsync);

        Assert.Equal(expectedCode, error.StatusCode);
        Assert.Contains(expectedText, error.Status.Detail);
        await AssertStillServesAsync();
    }

    public static TheoryData<string, StatusCode> ProtocolCases() => new()
    {
        { "unknown service", StatusCode.Unimplemented },
        { "unknown method of a known service", StatusCode.Unimplemented },
        { "content-type not gRPC", StatusCode.Internal },
        { "gRPC over HTTP/1.1 without gRPC-Web", StatusCode.Internal },
        { "ListModels without a message", StatusCode.Internal },
        { "ListModels with two messages", StatusCode.Internal },
        { "Colorize with two messages", StatusCode.Internal },
        { "message not protobuf", StatusCode.Internal },
        { "frame cut short", StatusCode.Internal },
        { "frame declaring 2 GiB", StatusCode.ResourceExhausted },
        { "compressed flag 2", StatusCode.Internal },
        { "compressed without grpc-encoding", StatusCode.Internal },
        { "gzip that is not gzip", StatusCode.Internal },
        { "unsupported grpc-encoding", StatusCode.Unimplemented },
        { "grpc-timeout already expired", StatusCode.DeadlineExceeded },
        // Like grpc-dotnet, a malformed grpc-timeout is logged and the call runs without a deadline.
        { "grpc-timeout malformed", StatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(ProtocolCases))]
    public async Task Protocol_BadRequest_ClearStatusAndServerStillServes(string name, StatusCode expectedCode)
    {
        const string listModels = "/colorizebridge.v1.Colorizer/ListModels";
        byte[] empty = RawGrpc.Frame(new ListModelsRequest());
        var gzip = new Dictionary<string, string> { ["grpc-encoding"] = "gzip" };
        Task<Status> call = name switch
        {
            "unknown service" => RawGrpc.PostAsync(server.Address, "/no.such.Service/ListModels", empty),
            "unknown method of a known service" => RawGrpc.PostAsync(server.Address, "/colorizebridge.v1.Colorizer/Paint", empty),
            "content-type not gRPC" => RawGrpc.PostAsync(server.Address, listModels, empty, contentType: "text/plain"),
            "gRPC over HTTP/1.1 without gRPC-Web" => RawGrpc.PostAsync(server.WebAddress, listModels, empty, httpVersion: System.Net.HttpVersion.Version11),
            "ListModels without a message" => RawGrpc.PostAsync(server.Address, listModels, []),
            "ListModels with two messages" => RawGrpc.PostAsync(server.Address, listModels, [.. empty, .. empty]),
            "Colorize with two messages" => RawGrpc.PostAsync(server.Address, "/colorizebridge.v1.Colorizer/Colorize",
                [.. RawGrpc.Frame(new ColorizeRequest { LineArt = new Image { Png = GoodPng } }), .. empty]),
            "message not protobuf" => RawGrpc.PostAsync(server.Address, listModels, RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF])),
            "frame cut short" => RawGrpc.PostAsync(server.Address, listModels, RawGrpc.Frame([8, 1], declaredLength: 100)),
            "frame declaring 2 GiB" => RawGrpc.PostAsync(server.Address, listModels, RawGrpc.Frame([], declaredLength: int.MaxValue)),
            "compressed flag 2" => RawGrpc.PostAsync(server.Address, listModels, RawGrpc.Frame([], flag: 2)),
            "compressed without grpc-encoding" => RawGrpc.PostAsync(server.Address, listModels, RawGrpc.Frame([1, 2, 3], flag: 1)),
            "gzip that is not gzip" => RawGrpc.PostAsync(server.Address, listModels, RawGrpc.Frame([1, 2, 3], flag: 1), headers: gzip),
            "unsupported grpc-encoding" => RawGrpc.PostAsync(server.Address, listModels, empty,
                headers: new Dictionary<string, string> { ["grpc-encoding"] = "snappy" }),
            "grpc-timeout already expired" => RawGrpc.PostAsync(server.Address, "/colorizebridge.v1.Colorizer/Colorize",
                RawGrpc.Frame(new ColorizeRequest { LineArt = new Image { Png = GoodPng }, Options = new ColorizeOptions { WorkSide = 512 } }),
                headers: new Dictionary<string, string> { ["grpc-timeout"] = "1n" }),
            "grpc-timeout malformed" => RawGrpc.PostAsync(server.Address, listModels, empty,
                headers: new Dictionary<string, string> { ["grpc-timeout"] = "soon" }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        Status status = await call;

        Assert.Equal(expectedCode, status.StatusCode);
        await AssertStillServesAsync();
    }

    private async Task AssertStillServesAsync()
    {
        List<ColorizeUpdate> good = await server.ColorizeAsync(new ColorizeRequest { LineArt = new Image { Png = GoodPng } });
        Assert.Equal(ColorizeUpdate.UpdateOneofCase.Result, good[^1].UpdateCase);
    }

    private static PreviewRequest[] BadPreview(string name)
    {
        PreviewRequest Start(Action<PreviewStart>? change = null)
        {
            var start = new PreviewStart { LineArt = new Image { Png = GoodPng } };
            change?.Invoke(start);
            return new PreviewRequest { Revision = 1, Start = start };
        }

        PreviewRequest Later(Hints hints) => new() { Revision = 2, Hints = hints };
        return name switch
        {
            "first request without start" => [Later(new Hints())],
            "first request empty" => [new PreviewRequest { Revision = 1 }],
            "max_side over the limit" => [Start(s => s.Options = new PreviewOptions { MaxSide = 100_000 })],
            "start line art not a PNG" => [Start(s => s.LineArt.Png = ByteString.CopyFromUtf8("not a png"))],
            "start with an unknown model" => [Start(s => s.Model = "nope")],
            "start with a failed model" => [Start(s => s.Model = "broken")],
            "start raw huge declared size" => [Start(s => s.LineArt = new Image
            {
                Raw = new RawImage { Width = 1_000_000, Height = 1_000_000, Format = PixelFormat.Gray8, Pixels = ByteString.CopyFrom(new byte[4]) },
            })],
            "start sent twice" => [Start(), Start()],
            "hint layer of another size later" => [Start(), Later(new Hints { HintLayer = new Image { Png = TestImages.Png(TestImages.HintDot(32, 32, 1, 1, (255, 0, 0))) } })],
            "start reference page without colours" => [Start(s => s.ReferencePage = new ReferencePage { LineArt = new Image { Png = GoodPng } })],
            "reference page of another size later" => [Start(), new PreviewRequest { Revision = 2, ReferencePage = GoodReferencePage(32) }],
            "stroke with NaN point later" => [Start(), Later(new Hints
            {
                Strokes = { new Stroke { Points = { new Point { X = float.NaN, Y = 5 } }, Color = new Color { R = 9 }, Width = 3 } },
            })],
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
    }

    /// <summary>The good line art as its own reference page; colours of <paramref name="coloursSide"/> x <paramref name="coloursSide"/> when given (a size mismatch).</summary>
    private static ReferencePage GoodReferencePage(int? coloursSide = null) => new()
    {
        LineArt = new Image { Png = GoodPng },
        Colours = new Image { Png = coloursSide is int side ? TestImages.Png(TestImages.LineArt(side, side)) : GoodPng },
    };

    private static ExtractLineArtRequest BadExtraction(string name)
    {
        var request = new ExtractLineArtRequest { Image = new Image { Png = GoodPng } };
        switch (name)
        {
            case "negative sigma": request.Sigma = -1f; break;
            case "threshold over 1": request.Threshold = 1.5f; break;
            case "not a PNG": request.Image.Png = ByteString.CopyFromUtf8("GIF89a this is not a png at all"); break;
            case "empty image": request.Image = null; break;
            case "PNG declaring 100000x100000": request.Image.Png = ByteString.CopyFrom(PngForgery.DeclaringSize(100_000, 100_000)); break;
            case "raw length mismatch":
                request.Image = new Image { Raw = new RawImage { Width = 64, Height = 48, Format = PixelFormat.Rgba8, Pixels = ByteString.CopyFrom(new byte[100]) } };
                break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "no such case");
        }

        return request;
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
            case "reference page without colours": request.ReferencePage = new ReferencePage { LineArt = new Image { Png = GoodPng } }; break;
            case "reference page without line art": request.ReferencePage = new ReferencePage { Colours = new Image { Png = GoodPng } }; break;
            case "reference page colours of another size": request.ReferencePage = GoodReferencePage(32); break;
            case "reference page line art not a PNG":
                request.ReferencePage = GoodReferencePage();
                request.ReferencePage.LineArt.Png = ByteString.CopyFromUtf8("not a png");
                break;
            case "reference page raw huge declared size":
                request.ReferencePage = GoodReferencePage();
                request.ReferencePage.Colours = new Image { Raw = new RawImage { Width = 1_000_000, Height = 1_000_000, Format = PixelFormat.Gray8, Pixels = ByteString.CopyFrom(new byte[4]) } };
                break;
            case "reference page with model_colour_only":
                request.ReferencePage = GoodReferencePage();
                request.Options = new ColorizeOptions { ModelColourOnly = true };
                break;
            case "min_match_confidence over 1":
                request.ReferencePage = GoodReferencePage();
                request.Options = new ColorizeOptions { MinMatchConfidence = 1.5f };
                break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "no such case");
        }

        return request;
    }
}
