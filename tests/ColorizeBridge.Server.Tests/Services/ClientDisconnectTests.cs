using System.Net;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Tests.Services;

/// <summary>A client that goes away frees what it held: its place in the queue, its open-call count.</summary>
public sealed class ClientDisconnectTests : IAsyncLifetime
{
    private const string QueueDepth = "colorizebridge_queue_depth{device=\"cpu\"}";

    // Forwards at 2048 px take about a second here, long enough for others to queue behind.
    private readonly ModelFolder _models = new(maxSide: 2048);
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;
    private Uri _web = null!;

    public async Task InitializeAsync()
    {
        _app = ServerHost.Build(new ServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            WebListen = new IPEndPoint(IPAddress.Loopback, 0),
            ModelsDirectory = _models.Path,
            Device = "cpu",
        }, logging => logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        string[] addresses = [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        _channel = GrpcChannel.ForAddress(addresses[0]);
        _web = new Uri(addresses[1]);
        await ServerFixture.WaitForModelsAsync(_channel.CreateCallInvoker());
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _models.Dispose();
    }

    [Fact]
    public async Task Colorize_CancelledWhileQueued_LeavesTheQueueAtOnce()
    {
        using var running = await StartSlowColorizeAsync();
        await WaitForDepthAsync(0, "the first call to reach the device");
        using var cancelled = new CancellationTokenSource();
        using var abandoned = await StartSlowColorizeAsync(cancelled.Token);
        using var waiting = await StartSlowColorizeAsync();
        await WaitForDepthAsync(2, "both later calls to queue behind the first");

        await cancelled.CancelAsync();

        await WaitForDepthAsync(1, "the cancelled call to leave the queue");
        Assert.False(IsFinished(running), "the first call ended before the check: the forward was too fast to queue behind");
        Assert.Equal(StatusCode.OK, (await DrainAsync(waiting)).StatusCode);
        Assert.Equal(StatusCode.OK, (await DrainAsync(running)).StatusCode);
        Assert.Equal(StatusCode.Cancelled, (await DrainAsync(abandoned)).StatusCode);
    }

    private async Task<AsyncServerStreamingCall<ColorizeUpdate>> StartSlowColorizeAsync(CancellationToken cancellationToken = default)
    {
        var call = _channel.CreateCallInvoker().AsyncServerStreamingCall(ServerFixture.MethodOf<ColorizeRequest, ColorizeUpdate>("Colorize"),
            new ColorizeRequest
            {
                LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(64, 48)) },
                Options = new ColorizeOptions { WorkSide = 2048 },
            },
            new CallOptions(cancellationToken: cancellationToken));

        // The "model" stage begins when the call goes to the device queue.
        while (await call.ResponseStream.MoveNext())
        {
            if (call.ResponseStream.Current.Progress is { Stage: "model" })
            {
                return call;
            }
        }

        throw new InvalidOperationException("Colorize ended before reaching the model stage.");
    }

    private static bool IsFinished(AsyncServerStreamingCall<ColorizeUpdate> call)
    {
        try
        {
            call.GetStatus();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<Status> DrainAsync(AsyncServerStreamingCall<ColorizeUpdate> call)
    {
        try
        {
            while (await call.ResponseStream.MoveNext())
            {
            }

            return call.GetStatus();
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    private async Task WaitForDepthAsync(double depth, string what)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (await MetricsScrape.ValueAsync(_web, QueueDepth) == depth)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"Queue depth did not reach {depth} (waiting for {what}).");
    }
}
