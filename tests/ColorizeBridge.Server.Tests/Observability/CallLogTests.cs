using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Tests.Support;
using Grpc.Net.Client;

namespace ColorizeBridge.Server.Tests.Observability;

/// <summary>Issue 20: at Information the server writes one line per call, its own, not ASP.NET Core's or grpc-dotnet's.</summary>
public sealed class CallLogTests
{
    private const int Calls = 3;

    [Fact]
    public async Task AtInformation_EachCall_WritesExactlyOneLine()
    {
        using var models = new ModelFolder();
        await using ServerProcess server = await ServerProcess.StartWithLogLevelAsync(models.Path, "Information");
        using GrpcChannel channel = GrpcChannel.ForAddress(server.Address);
        var client = new Colorizer.ColorizerClient(channel);
        await client.ListModelsAsync(new ListModelsRequest());
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        int before = server.OutputLines.Count;

        for (int i = 0; i < Calls; i++)
        {
            await client.ListModelsAsync(new ListModelsRequest());
        }

        string[] written = await LinesAfterAsync(server, before, Calls);
        Assert.True(written.Length == Calls, $"expected {Calls} lines, got:\n{string.Join('\n', written)}");
        Assert.All(written, line => Assert.Contains("Call /colorizebridge.v1.Colorizer/ListModels from", line));
    }

    /// <summary>The lines written after the first <paramref name="skip"/>, once <paramref name="expected"/> have come and a little longer (so extra lines show too).</summary>
    private static async Task<string[]> LinesAfterAsync(ServerProcess server, int skip, int expected)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.OutputLines.Count - skip < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return [.. server.OutputLines.Skip(skip)];
    }
}
