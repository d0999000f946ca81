using System.Net;
using System.Security.Cryptography.X509Certificates;
using ColorizeBridge.Grpc.AspNetCore;
using ColorizeBridge.Grpc.Client;
using ColorizeBridge.Grpc.Tests.Interop;
using ColorizeBridge.Grpc.Tests.Probe;
using Grpc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with free ports: cleartext HTTP/2 for
/// gRPC and HTTP/1.1 for gRPC-Web, serving the interop TestService, health
/// and reflection.
/// </summary>
public sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestHost(WebApplication app, IReadOnlyList<Uri> addresses, TestLoggerProvider logs)
    {
        _app = app;
        Http2Address = addresses[0];
        Http1Address = addresses[1];
        TlsAddress = addresses.Count > 2 ? addresses[2] : null;
        Logs = logs;
    }

    public Uri Http2Address { get; }

    public Uri Http1Address { get; }

    /// <summary>The TLS endpoint (HTTP/2 and HTTP/1.1 by ALPN), when the host was given a certificate.</summary>
    public Uri? TlsAddress { get; }

    public TestLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public ProbeService Probe => _app.Services.GetRequiredService<ProbeService>();

    public static async Task<GrpcTestHost> StartAsync(
        Action<GrpcWireOptions>? configureOptions = null,
        Action<WebApplication>? mapMore = null,
        X509Certificate2? certificate = null,
        Action<KestrelServerOptions>? configureKestrel = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new TestLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0));
            kestrel.ListenGrpcWeb(new IPEndPoint(IPAddress.Loopback, 0));
            if (certificate is not null)
            {
                kestrel.ListenGrpcTls(new IPEndPoint(IPAddress.Loopback, 0), certificate);
            }

            configureKestrel?.Invoke(kestrel);
        });
        builder.Services.AddGrpcWire(options =>
        {
            options.ResponseCompressionAlgorithm = "gzip";
            configureOptions?.Invoke(options);
        });
        builder.Services.AddSingleton<InteropTestService>();
        builder.Services.AddSingleton<ProbeService>();

        var app = builder.Build();
        app.UseGrpcWeb();
        app.MapGrpcService<InteropTestService>(TestReflection.Descriptor.Services[0]);
        app.MapGrpcService<ProbeService>(ProbeReflection.Descriptor.Services[0]);
        app.MapGrpcHealth();
        app.MapGrpcReflection();
        mapMore?.Invoke(app);
        await app.StartAsync();

        // Kestrel lists the bound addresses in the order the endpoints were configured.
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new GrpcTestHost(app, [.. addresses.Select(a => new Uri(a))], logs);
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Http2Address, options);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
