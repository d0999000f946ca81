using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Net.Client;

namespace ColorizeBridge.Server.Tests.Limits;

/// <summary>SIGTERM, as systemd or Kubernetes send it: in-flight calls finish, new ones are refused, the process exits 0.</summary>
public sealed class DrainingMiddlewareTests
{
    private static readonly Method<ListModelsRequest, ListModelsResponse> ListModels = ServerFixture.MethodOf<ListModelsRequest, ListModelsResponse>("ListModels");

    [Fact]
    public async Task Sigterm_DuringColorize_CallFinishesNewCallsUnavailableProcessExitsZero()
    {
        using var models = new ModelFolder();
        await using ServerProcess server = await ServerProcess.StartAsync(models.Path, "--shutdown-grace-seconds", "20");
        using GrpcChannel channel = GrpcChannel.ForAddress(server.Address);
        // A server-streaming call whose request stream the client holds open:
        // the server has the call in hand but waits for the end of the
        // request, so the call is in flight for exactly as long as the test wants.
        var colorize = GrpcMethods.From<ColorizeRequest, ColorizeUpdate>(ColorizerReflection.Descriptor.Services[0].FindMethodByName("Colorize"));
        using var inFlight = channel.CreateCallInvoker().AsyncDuplexStreamingCall(
            GrpcMethods.Of<ColorizeRequest, ColorizeUpdate>(MethodType.DuplexStreaming, colorize.ServiceName, colorize.Name));
        await inFlight.RequestStream.WriteAsync(new ColorizeRequest { LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(64, 48)) } });
        await WaitUntilAsync(async () => await MetricsScrape.ValueAsync(server.WebAddress,
            "colorizebridge_rpc_active{method=\"/colorizebridge.v1.Colorizer/Colorize\"}") == 1, server);

        server.Signal(ServerProcess.SigTerm);
        RpcException refused = await NewCallRefusedAsync(server);
        await inFlight.RequestStream.CompleteAsync();
        var updates = new List<ColorizeUpdate>();
        while (await inFlight.ResponseStream.MoveNext())
        {
            updates.Add(inFlight.ResponseStream.Current);
        }

        int? exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal(ColorizeUpdate.UpdateOneofCase.Result, updates[^1].UpdateCase);
        Assert.Equal(StatusCode.OK, inFlight.GetStatus().StatusCode);
        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString() ?? "none (still running)"}\n{server.Output}");
    }

    /// <summary>A new call on a new connection, retried until the drain has begun (the signal arrives asynchronously).</summary>
    private static async Task<RpcException> NewCallRefusedAsync(ServerProcess server)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            using GrpcChannel fresh = GrpcChannel.ForAddress(server.Address);
            try
            {
                await fresh.CreateCallInvoker().AsyncUnaryCall(ListModels, new ListModelsRequest()).ResponseAsync;
            }
            catch (RpcException raced) when (raced.StatusCode == StatusCode.Internal)
            {
                // A connection accepted just as the listener closed is cut under
                // its request, which Grpc.Net.Client reports as INTERNAL: try again.
            }
            catch (RpcException refused)
            {
                return refused;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("New calls were still served 5 s after SIGTERM.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, ServerProcess server)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The server did not report the Colorize call as active within 5 s:\n"
            + await MetricsScrape.TextAsync(server.WebAddress) + server.Output);
    }
}
