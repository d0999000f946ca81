using ColorizeBridge.Interop.Tests.Infrastructure;

namespace ColorizeBridge.Interop.Tests.Interop;

/// <summary>Our client against a foreign server, Debian's grpcio (Interop/interop_server.py).</summary>
public sealed class DotNetClientAgainstPythonServerTests(PythonServerFixture server) : IClassFixture<PythonServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task DotNetClient_AgainstGrpcioServer_PassesCase(string testCase)
    {
        // grpcio's Python server API does not show a handler the request's
        // grpc-encoding, so it cannot refuse the uncompressed probe of client_compressed_unary.
        var client = new DotNetInteropClient(server.Address, serverChecksRequestCompression: false);

        await client.RunAsync(testCase).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
