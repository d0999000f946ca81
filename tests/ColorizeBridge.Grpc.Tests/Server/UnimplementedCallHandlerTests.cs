using ColorizeBridge.Grpc.Tests.Infrastructure;
using Grpc.Testing;

namespace ColorizeBridge.Grpc.Tests.Server;

public sealed class UnimplementedCallHandlerTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    [Theory]
    [InlineData("/grpc.testing.TestService/NoSuchMethod", "Method is unimplemented.")]
    [InlineData("/no.such.Service/Call", "Service is unimplemented.")]
    public async Task UnboundPath_IsATrailersOnlyUnimplemented(string path, string message)
    {
        var response = await RawGrpcClient.PostAsync(fixture.Host.Http2Address, path, ProbeMethods.Frame(new Empty()));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal(message, response.Header("grpc-message"));
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
        Assert.Empty(response.Body);
    }
}
