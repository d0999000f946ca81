using ColorizeBridge.Interop.Tests.Infrastructure;

namespace ColorizeBridge.Interop.Tests.Interop;

/// <summary>Debian's grpcio, a third-party client, against our server: the interop cases one by one.</summary>
public sealed class PythonClientInteropTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task GrpcioClient_AgainstOurServer_PassesCase(string testCase)
    {
        var port = fixture.Host.Http2Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await PythonScript.RunAsync("interop_client.py", ["--server_port", port, "--test_case", testCase], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
