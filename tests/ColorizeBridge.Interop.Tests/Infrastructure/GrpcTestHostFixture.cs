namespace ColorizeBridge.Interop.Tests.Infrastructure;

/// <summary>One test server shared by the tests of a class.</summary>
public sealed class GrpcTestHostFixture : IAsyncLifetime
{
    private GrpcTestHost? _host;

    public GrpcTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
