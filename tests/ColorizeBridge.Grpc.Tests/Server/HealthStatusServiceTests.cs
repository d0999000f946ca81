using ColorizeBridge.Grpc.AspNetCore;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Grpc.Tests.Server;

public sealed class HealthStatusServiceTests
{
    [Fact]
    public void WholeServer_StartsServing_AndOtherServicesAreUnknown()
    {
        var statuses = new HealthStatusService();

        Assert.True(statuses.TryGetStatus(string.Empty, out var server));
        Assert.Equal(ServingStatus.Serving, server);
        Assert.False(statuses.TryGetStatus("colorizer", out _));
    }

    [Fact]
    public async Task ClearStatus_ForgetsTheService_AndTellsWatchersServiceUnknown()
    {
        var statuses = new HealthStatusService();
        statuses.SetStatus("colorizer", ServingStatus.Serving);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watch = statuses.WatchAsync("colorizer", stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.Current);

        statuses.ClearStatus("colorizer");

        Assert.False(statuses.TryGetStatus("colorizer", out _));
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.ServiceUnknown, watch.Current);
    }

    [Fact]
    public async Task SlowWatcher_SeesTheNewestStatus()
    {
        var statuses = new HealthStatusService();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watch = statuses.WatchAsync("colorizer", stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());

        statuses.SetStatus("colorizer", ServingStatus.NotServing);
        statuses.SetStatus("colorizer", ServingStatus.Serving);

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.Current);
    }
}
