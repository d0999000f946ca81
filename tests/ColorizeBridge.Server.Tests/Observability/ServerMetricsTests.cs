using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;

namespace ColorizeBridge.Server.Tests.Observability;

/// <summary>The figures beyond call counts: models, preview frames.</summary>
[Collection(ServerCollection.Name)]
public sealed class ServerMetricsTests(ServerFixture server)
{
    [Fact]
    public async Task Scrape_ModelStateAndFileSize_PerModel()
    {
        Assert.Equal(1, await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_model_state{model=\"tiny\",state=\"ready\"}"));
        Assert.Equal(1, await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_model_state{model=\"broken\",state=\"failed\"}"));
        Assert.Equal(0, await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_model_state{model=\"tiny\",state=\"loading\"}"));
        Assert.True(await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_model_file_bytes{model=\"tiny\"}") > 1000);
    }

    [Fact]
    public async Task PreviewHints_EachFrame_TimedOnce()
    {
        const string frames = "colorizebridge_preview_frame_duration_seconds_count";
        double before = await MetricsScrape.ValueAsync(server.WebAddress, frames);
        using var call = server.Invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));
        await call.RequestStream.WriteAsync(new PreviewRequest
        {
            Revision = 1,
            Start = new PreviewStart { LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(64, 48)) } },
        });
        Assert.True(await call.ResponseStream.MoveNext());
        await call.RequestStream.WriteAsync(new PreviewRequest { Revision = 2, Hints = new Hints() });
        Assert.True(await call.ResponseStream.MoveNext());
        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext())
        {
        }

        double after = await MetricsScrape.ValueAsync(server.WebAddress, frames);

        Assert.Equal(before + 2, after);
    }

    [Fact]
    public async Task Colorize_CountsForwardsAndTheRequestsTheyCarried()
    {
        double forwards = await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_forwards_total{device=\"cpu\"}");
        double requests = await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_forward_requests_total{device=\"cpu\"}");

        await server.ColorizeAsync(new ColorizeRequest { LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(64, 48)) } });

        Assert.True(await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_forwards_total{device=\"cpu\"}") >= forwards + 1);
        Assert.True(await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_forward_requests_total{device=\"cpu\"}") >= requests + 1);
    }

    [Fact]
    public async Task Colorize_TimesItsForwardAndQueueWait_PerDevice()
    {
        const string forwards = "colorizebridge_forward_duration_seconds_count{device=\"cpu\"}";
        const string waits = "colorizebridge_queue_wait_seconds_count{device=\"cpu\"}";
        double forwardsBefore = await MetricsScrape.ValueAsync(server.WebAddress, forwards);
        double waitsBefore = await MetricsScrape.ValueAsync(server.WebAddress, waits);

        await server.ColorizeAsync(new ColorizeRequest { LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(64, 48)) } });

        Assert.True(await MetricsScrape.ValueAsync(server.WebAddress, forwards) >= forwardsBefore + 1);
        Assert.True(await MetricsScrape.ValueAsync(server.WebAddress, waits) >= waitsBefore + 1);
        Assert.True(await MetricsScrape.ValueAsync(server.WebAddress, "colorizebridge_forward_duration_seconds_sum{device=\"cpu\"}") > 0);
    }
}
