using ColorizeBridge.Interop.Tests.Infrastructure;

namespace ColorizeBridge.Interop.Tests.Interop;

/// <summary>Our client against our server: the interop cases one by one.</summary>
public sealed class DotNetClientInteropTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task DotNetClient_AgainstOurServer_PassesCase(string testCase)
    {
        var client = new DotNetInteropClient(fixture.Host.Http2Address);

        await client.RunAsync(testCase).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
