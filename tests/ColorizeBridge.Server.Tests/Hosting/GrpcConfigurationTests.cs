using System.Net;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Tests.Support;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace ColorizeBridge.Server.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class GrpcConfigurationTests(ServerFixture models)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Colorize_RequestOverKestrelsBodyLimitButUnderMaxMessage_Succeeds()
    {
        // 3200 x 3200 RGBA: 40 MB in one message, over Kestrel's default 30 MB
        // request body limit, under the server's default --max-message-mb 64.
        const int Side = 3200;
        var pixels = new byte[Side * Side * 4];
        Array.Fill(pixels, (byte)255);
        (WebApplication app, string[] addresses) = await models.StartServerAsync(new ServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            MaxMessageSize = 64 * 1024 * 1024,
        });
        await using (app)
        {
            using var channel = GrpcChannel.ForAddress(addresses[0], new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
            await ServerFixture.WaitForModelsAsync(channel.CreateCallInvoker());
            var client = new Colorizer.ColorizerClient(channel);
            var request = new ColorizeRequest
            {
                LineArt = new Image { Raw = new RawImage { Width = Side, Height = Side, Format = PixelFormat.Rgba8, Pixels = ByteString.CopyFrom(pixels) } },
            };

            using var call = client.Colorize(request, deadline: DateTime.UtcNow.AddMinutes(2));
            ColorizeUpdate? last = null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                last = call.ResponseStream.Current;
            }

            Assert.Equal(ColorizeUpdate.UpdateOneofCase.Result, last?.UpdateCase);
        }
    }

    [Fact]
    public async Task GrpcWebPreflight_FromAnotherOrigin_AllowedWithTheStatusHeadersExposed()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(models.WebAddress, "/colorizebridge.v1.Colorizer/ListModels"));
        preflight.Headers.Add("Origin", "http://paint.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web");

        using HttpResponseMessage response = await Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://paint.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-grpc-web", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Metrics_FromAnotherOrigin_NotShared()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(models.WebAddress, "/metrics"));
        request.Headers.Add("Origin", "http://paint.example");

        using HttpResponseMessage response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
