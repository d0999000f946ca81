using System.Net.Http.Headers;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Tests.Support;
using ColorizeBridge.Client;
using ColorizeBridge.Imaging.Codecs;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Cli.Tests.Client;

/// <summary>The client library against a real server.</summary>
[Collection(ServerCollection.Name)]
public sealed class ColorizerClientTests(ServerFixture server) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ListModelsAsync_ServerWithTinyModel_ListsItReadyAsTheDefault()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address);

        ListModelsResponse response = await client.ListModelsAsync();

        ModelInfo model = Assert.Single(response.Models, m => m.Name == "tiny");
        Assert.Equal(("tiny", ModelState.Ready, "hints"), (model.Name, model.State, model.Kind));
        Assert.Equal("tiny", response.DefaultModel);
        Assert.Equal(["red", "green", "blue", "yellow", "white"], response.Models.Single(m => m.Name == "fixture-tags").Tags);
    }

    [Fact]
    public async Task ColorizeAsync_LineArt_StreamsProgressThenAResultOfTheSameSize()
    {
        using ColorizerClient client = ColorizerClient.Create($"http://{server.Address}");

        List<ColorizeUpdate> updates = await client.ColorizeAsync(new ColorizeRequest { LineArt = LineArt(48, 40) }).ToListAsync();

        Assert.Contains(updates, update => update.UpdateCase == ColorizeUpdate.UpdateOneofCase.Progress);
        ColorizeUpdate last = updates[^1];
        Assert.Equal(ColorizeUpdate.UpdateOneofCase.Result, last.UpdateCase);
        Assert.Equal(48, ImageDecoder.Decode(last.Result.Image.Png.Span).Width);
        Assert.Equal("tiny", last.Result.Recipe.Model);
    }

    [Fact]
    public async Task PreviewHints_StartThenHints_AnswersEachRevisionWithAFrame()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address);
        using var call = client.PreviewHints();

        await call.RequestStream.WriteAsync(new PreviewRequest
        {
            Revision = 1,
            Start = new PreviewStart { LineArt = LineArt(64, 64), Options = new PreviewOptions { MaxSide = 64 } },
        });
        Assert.True(await call.ResponseStream.MoveNext());
        PreviewFrame first = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();

        Assert.Equal(1UL, first.Revision);
        Assert.Equal((64u, 64u), (first.Width, first.Height));
    }

    [Fact]
    public async Task ExtractLineArtAsync_Drawing_ReturnsLineArtOfTheSameSize()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address);

        ExtractLineArtResponse response = await client.ExtractLineArtAsync(new ExtractLineArtRequest { Image = LineArt(30, 20) });

        Assert.Equal((30, 20), (ImageDecoder.Decode(response.LineArt.Png.Span).Width, ImageDecoder.Decode(response.LineArt.Png.Span).Height));
    }

    [Fact]
    public async Task CheckHealthAsync_WholeServer_IsServing()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address);

        HealthCheckResponse response = await client.CheckHealthAsync();

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_UnknownService_ThrowsNotFound()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address);

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.CheckHealthAsync("no.such.Service"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Calls_WithAccessToken_SendItAsBearerAuthorization()
    {
        var recorder = new HeaderRecorder();
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { AccessToken = "s3cret", HttpHandler = recorder });

        await client.ListModelsAsync();
        await client.CheckHealthAsync();

        Assert.Equal(2, recorder.Authorization.Count);
        Assert.All(recorder.Authorization, header => Assert.Equal("Bearer s3cret", header));
    }

    [Fact]
    public async Task Calls_WithoutAccessToken_SendNoAuthorization()
    {
        var recorder = new HeaderRecorder();
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { HttpHandler = recorder });

        await client.ListModelsAsync();

        Assert.Equal([null], recorder.Authorization);
    }

    [Fact]
    public async Task Deadline_AlreadyPassed_ThrowsDeadlineExceeded()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address);

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.ListModelsAsync(DateTime.UtcNow.AddSeconds(-1)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task CallTimeout_TooShortForTheCall_ThrowsDeadlineExceeded()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { CallTimeout = TimeSpan.FromTicks(1) });

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.CheckHealthAsync());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Cancellation_BeforeTheCall_ThrowsCancelled()
    {
        using ColorizerClient client = ColorizerClient.Create(server.Address);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.ListModelsAsync(cancellationToken: cancellation.Token));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task ListModelsAsync_ProxyClosedTheConnectionAsTheCallStarted_SendsItAgain()
    {
        // What nginx does to an idle client connection on reload (seen in NginxScaleOutTests): GOAWAY, then close.
        var flaky = new FailingFirstSends(2, () => new HttpRequestException(HttpRequestError.HttpProtocolError, GoAway,
            new HttpProtocolException(0, GoAway, null)));
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { HttpHandler = flaky });

        ListModelsResponse response = await client.ListModelsAsync();

        Assert.Equal("tiny", response.DefaultModel);
        Assert.Equal(3, flaky.Sends);
    }

    [Fact]
    public async Task ColorizeAsync_ConnectionResetBeforeTheAnswer_SendsItAgainAndStreamsTheResult()
    {
        var flaky = new FailingFirstSends(1, () => new HttpRequestException("Connection reset by peer", new IOException("reset")));
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { HttpHandler = flaky });

        List<ColorizeUpdate> updates = await client.ColorizeAsync(new ColorizeRequest { LineArt = LineArt(40, 32) }).ToListAsync();

        Assert.Equal(ColorizeUpdate.UpdateOneofCase.Result, updates[^1].UpdateCase);
        Assert.Equal(2, flaky.Sends);
    }

    [Fact]
    public async Task ListModelsAsync_ConnectionFailsEveryTime_GivesUpAfterTheRetriesWithUnavailable()
    {
        var flaky = new FailingFirstSends(int.MaxValue, () => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { HttpHandler = flaky, ConnectionRetries = 3 });

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.ListModelsAsync());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(4, flaky.Sends);
    }

    [Fact]
    public async Task ListModelsAsync_RetriesOff_FailsOnTheFirstConnectionError()
    {
        var flaky = new FailingFirstSends(1, () => new HttpRequestException("Connection refused"));
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { HttpHandler = flaky, ConnectionRetries = 0 });

        await Assert.ThrowsAsync<RpcException>(() => client.ListModelsAsync());

        Assert.Equal(1, flaky.Sends);
    }

    [Fact]
    public async Task CheckHealthAsync_ServerAnsweredWithAnError_IsNotSentAgain()
    {
        var counter = new FailingFirstSends(0, () => new HttpRequestException("unused"));
        using ColorizerClient client = ColorizerClient.Create(server.Address, new ColorizerClientOptions { HttpHandler = counter });

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.CheckHealthAsync("no.such.Service"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, counter.Sends);
    }

    [Fact]
    public void Create_AddressWithoutPort_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => ColorizerClient.Create("localhost"));
    }

    private const string GoAway = "The HTTP/2 server closed the connection. HTTP/2 error code 'NO_ERROR' (0x0).";

    private Image LineArt(int width, int height) =>
        new() { Png = ByteString.CopyFrom(File.ReadAllBytes(TestImages.WriteLineArt(_temp.PathOf($"{width}x{height}.png"), width, height))) };

    /// <summary>Fails the first <c>failures</c> requests in the connection, before the server sees them; counts every send.</summary>
    private sealed class FailingFirstSends(int failures, Func<HttpRequestException> failure) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sends;

        public int Sends => Volatile.Read(ref _sends);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _sends) <= failures ? Task.FromException<HttpResponseMessage>(failure()) : base.SendAsync(request, cancellationToken);
    }

    /// <summary>Records the authorization header of each request on its way to the server.</summary>
    private sealed class HeaderRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<string?> Authorization { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            AuthenticationHeaderValue? header = request.Headers.Authorization;
            Authorization.Add(header?.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
