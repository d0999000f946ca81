using System.Net;
using ColorizeBridge.Interop.Tests.Interop;
using ColorizeBridge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Interop.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with free ports, configured exactly as
/// the ColorizeBridge server is (<see cref="GrpcConfiguration"/>): cleartext
/// HTTP/2 for gRPC and HTTP/1.1 for gRPC-Web, serving the interop
/// TestService, health and reflection.
/// </summary>
public sealed class GrpcTestHost : IAsyncDisposable
{
    /// <summary>The server's default --max-message-mb.</summary>
    private const int MaxMessageSize = 64 * 1024 * 1024;

    private readonly WebApplication _app;

    private GrpcTestHost(WebApplication app, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Http2Address = addresses[0];
        Http1Address = addresses[1];
    }

    public Uri Http2Address { get; }

    public Uri Http1Address { get; }

    public static async Task<GrpcTestHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0));
            kestrel.ListenGrpcWeb(new IPEndPoint(IPAddress.Loopback, 0));
        });
        builder.Services.AddColorizeBridgeGrpc(MaxMessageSize);

        var app = builder.Build();
        app.UseRouting();
        app.UseColorizeBridgeGrpc();
        app.MapColorizeBridgeGrpcService<InteropTestService>();
        app.MapColorizeBridgeGrpcInfrastructure();
        await app.StartAsync();

        // Kestrel lists the bound addresses in the order the endpoints were configured.
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new GrpcTestHost(app, [.. addresses.Select(a => new Uri(a))]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
