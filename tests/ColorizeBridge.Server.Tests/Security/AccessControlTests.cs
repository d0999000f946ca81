using System.Net;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Security;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Builder;

namespace ColorizeBridge.Server.Tests.Security;

/// <summary>A server started with an access token: only callers that present it get in; health stays open.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccessControlTests(ServerFixture models) : IAsyncLifetime
{
    private const string Token = "studio-token-0123456789abcdef";
    private WebApplication _app = null!;
    private string[] _addresses = [];

    public async Task InitializeAsync()
    {
        (_app, _addresses) = await models.StartServerAsync(new ServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            WebListen = new IPEndPoint(IPAddress.Loopback, 0),
            AccessTokens = new AccessTokens([Token]),
        });
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(null, "needs an access token")]
    [InlineData("Bearer wrong-token-0123456789", "was not accepted")]
    [InlineData("Basic " + Token, "was not accepted")]
    public async Task Call_WithoutTheToken_IsUnauthenticated(string? authorization, string expected)
    {
        using var channel = GrpcChannel.ForAddress(_addresses[0]);

        var error = await Assert.ThrowsAsync<RpcException>(() => ListModelsAsync(channel, authorization));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
    }

    [Fact]
    public async Task Call_WithTheToken_IsServed()
    {
        using var channel = GrpcChannel.ForAddress(_addresses[0]);

        ListModelsResponse response = await ListModelsAsync(channel, "Bearer " + Token);

        Assert.Contains(response.Models, m => m.Name == ServerFixture.ModelName);
    }

    [Fact]
    public async Task GrpcWebCall_WithoutTheToken_IsUnauthenticated()
    {
        using var channel = GrpcChannel.ForAddress(_addresses[1], new GrpcChannelOptions { HttpHandler = new GrpcWebHandler(new HttpClientHandler()), HttpVersion = System.Net.HttpVersion.Version11 });

        var error = await Assert.ThrowsAsync<RpcException>(() => ListModelsAsync(channel, authorization: null));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_WithoutToken_IsAnswered()
    {
        using var channel = GrpcChannel.ForAddress(_addresses[0]);
        var check = GrpcMethods.From<HealthCheckRequest, HealthCheckResponse>(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

        HealthCheckResponse response = await channel.CreateCallInvoker().AsyncUnaryCall(check, new HealthCheckRequest()).ResponseAsync;

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private static Task<ListModelsResponse> ListModelsAsync(GrpcChannel channel, string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add("authorization", authorization);
        }

        return channel.CreateCallInvoker().AsyncUnaryCall(ServerFixture.MethodOf<ListModelsRequest, ListModelsResponse>("ListModels"),
            new ListModelsRequest(), new CallOptions(headers: headers)).ResponseAsync;
    }
}
