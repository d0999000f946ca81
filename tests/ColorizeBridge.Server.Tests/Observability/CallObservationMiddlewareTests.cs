using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;

namespace ColorizeBridge.Server.Tests.Observability;

/// <summary>Every call is counted by method and status code and timed, Colorize per stage too.</summary>
[Collection(ServerCollection.Name)]
public sealed class CallObservationMiddlewareTests(ServerFixture server)
{
    private const string Colorize = "/colorizebridge.v1.Colorizer/Colorize";
    private static readonly Google.Protobuf.ByteString LineArt = TestImages.Png(TestImages.LineArt(64, 48));

    [Fact]
    public async Task Colorize_Succeeds_CountedAsOkAndEveryStageTimed()
    {
        string ok = $"colorizebridge_rpc_calls_total{{code=\"OK\",method=\"{Colorize}\"}}";
        double before = await MetricsScrape.ValueAsync(server.WebAddress, ok);
        double modelStagesBefore = await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_colorize_stage_duration_seconds_count{stage=\"model\"}");

        await server.ColorizeAsync(new ColorizeRequest { LineArt = new Image { Png = LineArt } });

        Assert.Equal(before + 1, await MetricsScrape.ValueAsync(server.WebAddress, ok));
        Assert.Equal(modelStagesBefore + 1, await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_colorize_stage_duration_seconds_count{stage=\"model\"}"));
        foreach (string stage in (string[])["decode", "prepare", "composite", "encode"])
        {
            Assert.True(await MetricsScrape.ValueAsync(server.WebAddress, $"colorizebridge_colorize_stage_duration_seconds_count{{stage=\"{stage}\"}}") >= 1, stage);
        }
    }

    [Fact]
    public async Task Colorize_UnknownModel_CountedWithItsStatusCode()
    {
        string notFound = $"colorizebridge_rpc_calls_total{{code=\"NOT_FOUND\",method=\"{Colorize}\"}}";
        double before = await MetricsScrape.ValueAsync(server.WebAddress, notFound);

        await Assert.ThrowsAsync<RpcException>(() => server.ColorizeAsync(new ColorizeRequest { Model = "nope", LineArt = new Image { Png = LineArt } }));

        Assert.Equal(before + 1, await MetricsScrape.ValueAsync(server.WebAddress, notFound));
    }

    [Fact]
    public async Task UnknownMethod_LabelledUnimplemented_NotByItsPath()
    {
        const string series = "colorizebridge_rpc_calls_total{code=\"UNIMPLEMENTED\",method=\"unimplemented\"}";
        double before = await MetricsScrape.ValueAsync(server.WebAddress, series);
        var madeUp = GrpcMethods.Of<ListModelsRequest, ListModelsResponse>(MethodType.Unary, "made.up.Service", "Random123");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Invoker.AsyncUnaryCall(madeUp, new ListModelsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal(before + 1, await MetricsScrape.ValueAsync(server.WebAddress, series));
        Assert.DoesNotContain("Random123", await MetricsScrape.TextAsync(server.WebAddress));
    }

    [Fact]
    public async Task PreviewHints_Open_CountedAsActiveUntilItEnds()
    {
        const string active = "colorizebridge_rpc_active{method=\"/colorizebridge.v1.Colorizer/PreviewHints\"}";
        double before = await MetricsScrape.ValueAsync(server.WebAddress, active);
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));
        await call.RequestStream.WriteAsync(new PreviewRequest { Revision = 1, Start = new PreviewStart { LineArt = new Image { Png = LineArt } } });
        Assert.True(await call.ResponseStream.MoveNext());

        double during = await MetricsScrape.ValueAsync(server.WebAddress, active);
        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext())
        {
        }

        Assert.Equal(before + 1, during);
        Assert.Equal(before, await MetricsScrape.ValueAsync(server.WebAddress, active));
    }
}
