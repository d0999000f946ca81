using System.Globalization;
using System.Net;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Limits;
using ColorizeBridge.Server.Security;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace ColorizeBridge.Server.Tests.Limits;

/// <summary>One client cannot crowd out the others: open calls and call rate are capped per client.</summary>
[Collection(ServerCollection.Name)]
public sealed class ClientLimitsMiddlewareTests(ServerFixture models)
{
    private const string TokenA = "artist-a-token-0123456789";
    private const string TokenB = "artist-b-token-0123456789";
    private static readonly Method<ListModelsRequest, ListModelsResponse> ListModels = ServerFixture.MethodOf<ListModelsRequest, ListModelsResponse>("ListModels");

    [Fact]
    public async Task OpenCalls_OverTheLimit_ResourceExhaustedUntilOneEnds()
    {
        await using var server = await StartAsync(new ClientLimits { MaxStreams = 2 });
        CallInvoker invoker = server.Channel.CreateCallInvoker();
        var first = await OpenPreviewAsync(invoker);
        using var second = await OpenPreviewAsync(invoker);

        var refused = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(ListModels, new ListModelsRequest()).ResponseAsync);
        await first.RequestStream.CompleteAsync();
        while (await first.ResponseStream.MoveNext())
        {
        }

        first.Dispose();
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("already has 2 calls open", refused.Status.Detail);
        Assert.NotNull(await invoker.AsyncUnaryCall(ListModels, new ListModelsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task HealthCheck_WhileAtTheStreamLimit_StillAnswers()
    {
        await using var server = await StartAsync(new ClientLimits { MaxStreams = 1 });
        CallInvoker invoker = server.Channel.CreateCallInvoker();
        using var open = await OpenPreviewAsync(invoker);
        var check = GrpcMethods.From<HealthCheckRequest, HealthCheckResponse>(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

        HealthCheckResponse health = await invoker.AsyncUnaryCall(check, new HealthCheckRequest()).ResponseAsync;

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Calls_OverTheRate_ResourceExhaustedWithRetryPushback()
    {
        await using var server = await StartAsync(new ClientLimits { Rate = new RateLimit(3, TimeSpan.FromMinutes(1)) });
        CallInvoker invoker = server.Channel.CreateCallInvoker();
        for (int i = 0; i < 3; i++)
        {
            await invoker.AsyncUnaryCall(ListModels, new ListModelsRequest()).ResponseAsync;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(ListModels, new ListModelsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("3/m per client", refused.Status.Detail);
        long pushbackMs = long.Parse(refused.Trailers.GetValue(GrpcRefusal.RetryPushbackHeader)!, CultureInfo.InvariantCulture);
        Assert.InRange(pushbackMs, 1, 60_000);
    }

    [Fact]
    public async Task Rate_WithTokens_CountedPerTokenNotPerAddress()
    {
        await using var server = await StartAsync(new ClientLimits { Rate = new RateLimit(1, TimeSpan.FromMinutes(1)) }, new AccessTokens([TokenA, TokenB]));
        CallInvoker invoker = server.Channel.CreateCallInvoker();
        CallOptions As(string token) => new(headers: new Metadata { { "authorization", "Bearer " + token } });

        await invoker.AsyncUnaryCall(ListModels, new ListModelsRequest(), As(TokenA)).ResponseAsync;
        await invoker.AsyncUnaryCall(ListModels, new ListModelsRequest(), As(TokenB)).ResponseAsync;
        var refused = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(ListModels, new ListModelsRequest(), As(TokenA)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    [Theory]
    [InlineData(true, StatusCode.OK)]
    [InlineData(false, StatusCode.ResourceExhausted)]
    public async Task Rate_ForwardedFor_CountsTheClientOnlyBehindATrustedProxy(bool proxyTrusted, StatusCode secondClient)
    {
        await using var server = await StartAsync(new ClientLimits { Rate = new RateLimit(1, TimeSpan.FromMinutes(1)) },
            trustedProxies: proxyTrusted ? [IPAddress.Loopback] : []);
        Task<Status> CallAs(string client) => RawGrpc.PostAsync(server.Address, ListModels.FullName, RawGrpc.Frame(new ListModelsRequest()),
            headers: new Dictionary<string, string> { ["x-forwarded-for"] = client });

        Status first = await CallAs("10.0.0.1");
        Status second = await CallAs("10.0.0.2");

        Assert.Equal(StatusCode.OK, first.StatusCode);
        Assert.Equal(secondClient, second.StatusCode);
    }

    private async Task<InProcessServer> StartAsync(ClientLimits limits, AccessTokens? tokens = null, IPAddress[]? trustedProxies = null)
    {
        (WebApplication app, string[] addresses) = await models.StartServerAsync(new ServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            ClientLimits = limits,
            AccessTokens = tokens ?? new AccessTokens([]),
            TrustedProxies = trustedProxies ?? [],
        });
        var address = new Uri(addresses[0]);
        var channel = GrpcChannel.ForAddress(address);
        await ServerFixture.WaitForModelsAsync(channel.CreateCallInvoker());
        return new InProcessServer(app, address, channel);
    }

    private static async Task<AsyncDuplexStreamingCall<PreviewRequest, PreviewFrame>> OpenPreviewAsync(CallInvoker invoker)
    {
        var call = invoker.AsyncDuplexStreamingCall(ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints"));
        await call.RequestStream.WriteAsync(new PreviewRequest
        {
            Revision = 1,
            Start = new PreviewStart { LineArt = new Image { Png = TestImages.Png(TestImages.LineArt(32, 32)) } },
        });
        Assert.True(await call.ResponseStream.MoveNext());
        return call;
    }

    private sealed class InProcessServer(WebApplication app, Uri address, GrpcChannel channel) : IAsyncDisposable
    {
        public Uri Address => address;

        public GrpcChannel Channel => channel;

        public async ValueTask DisposeAsync()
        {
            channel.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
