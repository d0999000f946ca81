using System.Buffers.Binary;
using System.Net;
using System.Text;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using Grpc.Testing;

namespace ColorizeBridge.Grpc.Tests.Server;

/// <summary>gRPC-Web over a real HTTP/1.1 connection (PROTOCOL-WEB.md).</summary>
public sealed class GrpcWebMiddlewareTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    private const string UnaryCallPath = "/grpc.testing.TestService/UnaryCall";

    [Fact]
    public async Task BinaryRequest_OverHttp11_ReturnsTheMessageThenATrailersFrame()
    {
        var request = new SimpleRequest { ResponseSize = 10 };

        var response = await RawGrpcClient.PostAsync(
            fixture.Host.Http1Address, UnaryCallPath, ProbeMethods.Frame(request), "application/grpc-web", HttpVersion.Version11);

        Assert.Equal("application/grpc-web", response.ContentHeaders.ContentType?.MediaType);
        var (message, trailers) = SplitFrames(response.Body);
        Assert.Equal(10, SimpleResponse.Parser.ParseFrom(message).Payload.Body.Length);
        Assert.Contains("grpc-status: 0\r\n", trailers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextRequest_OverHttp11_RoundTripsAsBase64()
    {
        var request = new SimpleRequest { ResponseSize = 10 };
        var body = Encoding.ASCII.GetBytes(Convert.ToBase64String(ProbeMethods.Frame(request)));

        var response = await RawGrpcClient.PostAsync(
            fixture.Host.Http1Address, UnaryCallPath, body, "application/grpc-web-text", HttpVersion.Version11);

        Assert.Equal("application/grpc-web-text", response.ContentHeaders.ContentType?.MediaType);
        var decoded = DecodeConcatenatedBase64(Encoding.ASCII.GetString(response.Body));
        var (message, trailers) = SplitFrames(decoded);
        Assert.Equal(10, SimpleResponse.Parser.ParseFrom(message).Payload.Body.Length);
        Assert.Contains("grpc-status: 0\r\n", trailers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextRequest_SentAsSeparatelyPaddedChunks_IsDecoded()
    {
        var frame = ProbeMethods.Frame(new SimpleRequest { ResponseSize = 3 });
        var body = Encoding.ASCII.GetBytes(Convert.ToBase64String(frame[..4]) + Convert.ToBase64String(frame[4..]));

        var response = await RawGrpcClient.PostAsync(
            fixture.Host.Http1Address, UnaryCallPath, body, "application/grpc-web-text", HttpVersion.Version11);

        var (message, _) = SplitFrames(DecodeConcatenatedBase64(Encoding.ASCII.GetString(response.Body)));
        Assert.Equal(3, SimpleResponse.Parser.ParseFrom(message).Payload.Body.Length);
    }

    [Fact]
    public async Task TextRequest_ArrivingInOddSizedPieces_IsDecoded()
    {
        var request = new SimpleRequest { ResponseSize = 100_000, Payload = new Payload { Body = Google.Protobuf.ByteString.CopyFrom(new byte[100_000]) } };
        var body = Encoding.ASCII.GetBytes(Convert.ToBase64String(ProbeMethods.Frame(request)));

        var response = await RawGrpcClient.PostAsync(
            fixture.Host.Http1Address, UnaryCallPath, new DribblingContent(body, 999), "application/grpc-web-text", HttpVersion.Version11);

        var (message, trailers) = SplitFrames(DecodeConcatenatedBase64(Encoding.ASCII.GetString(response.Body)));
        Assert.Contains("grpc-status: 0\r\n", trailers, StringComparison.Ordinal);
        Assert.Equal(100_000, SimpleResponse.Parser.ParseFrom(message).Payload.Body.Length);
    }

    [Fact]
    public async Task ErrorStatus_OverGrpcWeb_ComesWithTheCorsHeadersABrowserNeeds()
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 5, Message = "nope" } };

        var response = await RawGrpcClient.PostAsync(
            fixture.Host.Http1Address, UnaryCallPath, ProbeMethods.Frame(request), "application/grpc-web", HttpVersion.Version11,
            [new("origin", "http://paint.example")]);

        Assert.Equal("5", response.Header("grpc-status"));
        Assert.Equal("nope", response.Header("grpc-message"));
        Assert.Equal("http://paint.example", response.Header("access-control-allow-origin"));
        Assert.Contains("grpc-status", response.Header("access-control-expose-headers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorsPreflight_FromABrowser_IsAllowed()
    {
        using var client = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(fixture.Host.Http1Address, UnaryCallPath));
        preflight.Headers.Add("Origin", "http://paint.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,x-user-agent");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://paint.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-grpc-web", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
        Assert.Equal("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    private static (byte[] Message, string Trailers) SplitFrames(byte[] body)
    {
        var messageLength = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        Assert.Equal(0, body[0]);
        var trailersStart = 5 + messageLength;
        Assert.Equal(0x80, body[trailersStart]);
        var trailersLength = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(trailersStart + 1));
        Assert.Equal(body.Length, trailersStart + 5 + trailersLength);
        return (body[5..trailersStart], Encoding.ASCII.GetString(body, trailersStart + 5, trailersLength));
    }

    // PROTOCOL-WEB.md allows a response of several padded base64 chunks.
    private static byte[] DecodeConcatenatedBase64(string text)
    {
        var bytes = new List<byte>();
        var start = 0;
        for (var i = 0; i < text.Length; i += 4)
        {
            if (text[i + 3] == '=' || i + 4 == text.Length)
            {
                bytes.AddRange(Convert.FromBase64String(text[start..(i + 4)]));
                start = i + 4;
            }
        }

        return [.. bytes];
    }
}
