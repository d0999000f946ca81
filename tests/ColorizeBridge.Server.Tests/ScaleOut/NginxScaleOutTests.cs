using System.Collections.Concurrent;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Client;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Net.Client;

namespace ColorizeBridge.Server.Tests.ScaleOut;

/// <summary>
/// deploy/nginx/colorizebridge.conf in a real nginx in front of two real
/// server processes on loopback: calls are spread over both, and when one
/// instance is stopped mid-test as docs/SCALE-OUT.md says (taken out of the
/// upstream with a reload, then SIGTERM) no new call fails.
/// The clients are the project's client library (what the CLI, the
/// Paint.NET effect and scripts use): nginx's reload closes the clients'
/// idle connections, and a call starting on one just then never reaches an
/// instance; the library sends such a call again (ColorizerClientOptions.ConnectionRetries).
/// </summary>
public sealed class NginxScaleOutTests
{
    private const string ListModelsOk = "colorizebridge_rpc_calls_total{code=\"OK\",method=\"/colorizebridge.v1.Colorizer/ListModels\"}";
    private static readonly Method<ListModelsRequest, ListModelsResponse> ListModels = ServerFixture.MethodOf<ListModelsRequest, ListModelsResponse>("ListModels");
    private static readonly Google.Protobuf.ByteString LineArt = TestImages.Png(TestImages.LineArt(64, 48));

    [NginxFact]
    public async Task OneInstanceStoppedMidTest_NoNewCallFails()
    {
        using var models = new ModelFolder();
        Task<ServerProcess> startingFirst = ServerProcess.StartAsync(models.Path, "--shutdown-grace-seconds", "5");
        Task<ServerProcess> startingSecond = ServerProcess.StartAsync(models.Path, "--shutdown-grace-seconds", "5");
        await using ServerProcess first = await startingFirst;
        await using ServerProcess second = await startingSecond;
        await using NginxProxy nginx = await NginxProxy.StartAsync([first.Address, second.Address]);
        using GrpcChannel channel = GrpcChannel.ForAddress(nginx.Address);
        CallInvoker invoker = channel.CreateCallInvoker();
        for (int i = 0; i < 10; i++)
        {
            await invoker.AsyncUnaryCall(ListModels, new ListModelsRequest()).ResponseAsync;
        }

        double firstServed = await MetricsScrape.ValueAsync(first.WebAddress, ListModelsOk);
        double secondServed = await MetricsScrape.ValueAsync(second.WebAddress, ListModelsOk);
        var failures = new ConcurrentQueue<string>();
        int calls = 0;
        using var stop = new CancellationTokenSource();
        Task[] clients = [.. Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            using ColorizerClient own = ColorizerClient.Create(nginx.Address.ToString());
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await CallOnceAsync(own, client);
                    Interlocked.Increment(ref calls);
                }
                catch (RpcException e)
                {
                    failures.Enqueue(e.Status.ToString());
                }
            }
        }))];

        await Task.Delay(TimeSpan.FromSeconds(1));
        await nginx.TakeOutAsync(first.Address);
        first.Signal(ServerProcess.SigTerm);
        int? firstExit = await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        int callsWhenStopped = Volatile.Read(ref calls);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.True(firstServed > 0 && secondServed > 0, $"calls spread over both instances ({firstServed} and {secondServed})");
        Assert.Equal(0, firstExit);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls + failures.Count} calls failed:\n" + string.Join('\n', failures.Take(10)) + "\n" + nginx.ErrorLog);
        Assert.True(calls > callsWhenStopped + 10, $"calls went on after the stop ({callsWhenStopped} then {calls})");
    }

    private static async Task CallOnceAsync(ColorizerClient client, int number)
    {
        if (number % 2 == 0)
        {
            await client.ListModelsAsync();
            return;
        }

        await foreach (ColorizeUpdate update in client.ColorizeAsync(new ColorizeRequest { LineArt = new Image { Png = LineArt } }))
        {
        }
    }
}
