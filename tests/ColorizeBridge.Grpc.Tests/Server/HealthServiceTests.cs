using ColorizeBridge.Grpc.AspNetCore;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Grpc.Tests.Server;

public sealed class HealthServiceTests : IAsyncLifetime
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(HealthReflection.Descriptor.Services[0].FindMethodByName("Watch"));

    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Check_WholeServer_IsServing()
    {
        using var channel = _host.CreateChannel();

        var response = await channel.CreateCallInvoker().AsyncUnaryCall(Check, new HealthCheckRequest());

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_IsNotFound()
    {
        using var channel = _host.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.CreateCallInvoker().AsyncUnaryCall(Check, new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_StartsWithServiceUnknown_ThenStreamsEachChange()
    {
        using var channel = _host.CreateChannel();
        var statuses = _host.Services.GetRequiredService<HealthStatusService>();
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(Watch, new HealthCheckRequest { Service = "colorizer" });
        var stream = call.ResponseStream;

        Assert.True(await stream.MoveNext());
        Assert.Equal(ServingStatus.ServiceUnknown, stream.Current.Status);
        statuses.SetStatus("colorizer", ServingStatus.NotServing);
        Assert.True(await stream.MoveNext());
        Assert.Equal(ServingStatus.NotServing, stream.Current.Status);
        statuses.SetStatus("colorizer", ServingStatus.Serving);
        Assert.True(await stream.MoveNext());
        Assert.Equal(ServingStatus.Serving, stream.Current.Status);
    }
}
