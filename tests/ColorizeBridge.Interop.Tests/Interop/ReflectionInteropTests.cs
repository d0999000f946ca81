using ColorizeBridge.Interop.Tests.Infrastructure;

namespace ColorizeBridge.Interop.Tests.Interop;

/// <summary>Server reflection, both versions, as Debian's grpcio reads it from our configuration (Interop/reflection_client.py).</summary>
public sealed class ReflectionInteropTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public async Task GrpcioReflectionClient_ListsAndDescribesTheServices(string version)
    {
        var port = fixture.Host.Http2Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await PythonScript.RunAsync("reflection_client.py",
            ["--server_port", port, "--version", version, "--service", "grpc.testing.TestService"], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
