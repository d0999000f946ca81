using System.Net;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using Grpc.Testing;

namespace ColorizeBridge.Grpc.Tests.Server;

public sealed class GrpcRequestValidatorTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    private const string EmptyCallPath = "/grpc.testing.TestService/EmptyCall";

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/grpc+json")]
    public async Task NonGrpcContentType_IsAnswered415(string contentType)
    {
        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, EmptyCallPath, ProbeMethods.Frame(new Empty()), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", response.Header("grpc-status"));
    }

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    public async Task GrpcContentTypes_AreAccepted(string contentType)
    {
        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, EmptyCallPath, ProbeMethods.Frame(new Empty()), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.Trailer("grpc-status"));
    }

    [Fact]
    public async Task GrpcOverHttp11_IsAnswered426()
    {
        var response = await RawGrpcClient.PostAsync(
            fixture.Host.Http1Address, EmptyCallPath, ProbeMethods.Frame(new Empty()), version: HttpVersion.Version11);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", response.Header("grpc-status"));
        Assert.Equal("HTTP/2", response.Header("upgrade"));
    }

    [Fact]
    public async Task UnknownGrpcEncoding_IsUnimplementedAndListsOurEncodings()
    {
        var response = await RawGrpcClient.PostAsync(
            fixture.Host.Http2Address, EmptyCallPath, ProbeMethods.Frame(new Empty()), headers: [new("grpc-encoding", "snappy")]);

        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
        Assert.Empty(response.Body);
    }
}
