using ColorizeBridge.Grpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Testing;

namespace ColorizeBridge.Grpc.Tests.Server;

/// <summary>Unary requests over real HTTP/2, framed in the ways a peer may frame them.</summary>
public sealed class UnaryServerCallHandlerTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    private const string UnaryCallPath = "/grpc.testing.TestService/UnaryCall";

    [Fact]
    public async Task Request_InOneByteDataFrames_IsReadWhole()
    {
        var request = new SimpleRequest { ResponseSize = 42, Payload = new Payload { Body = ByteString.CopyFrom(new byte[300]) } };

        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, UnaryCallPath, new DribblingContent(ProbeMethods.Frame(request), 1));

        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Equal(42, SimpleResponse.Parser.ParseFrom(response.Body.AsSpan(5)).Payload.Body.Length);
    }

    [Fact]
    public async Task ZeroLengthMessages_TravelBothWays()
    {
        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, "/grpc.testing.TestService/EmptyCall", ProbeMethods.Frame(new Empty()));

        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Equal([0, 0, 0, 0, 0], response.Body);
    }

    [Fact]
    public async Task NoRequestMessage_IsInternal()
    {
        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, UnaryCallPath, []);

        Assert.Equal("13", response.Header("grpc-status"));
    }

    [Fact]
    public async Task TwoRequestMessages_AreInternal()
    {
        var frame = ProbeMethods.Frame(new SimpleRequest());

        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, UnaryCallPath, [.. frame, .. frame]);

        Assert.Equal("13", response.Header("grpc-status"));
    }

    [Fact]
    public async Task TruncatedRequest_IsInternal()
    {
        var frame = ProbeMethods.Frame(new SimpleRequest { ResponseSize = 5, Payload = new Payload { Body = ByteString.CopyFrom(new byte[50]) } });

        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, UnaryCallPath, frame[..^10]);

        Assert.Equal("13", response.Header("grpc-status"));
    }
}
