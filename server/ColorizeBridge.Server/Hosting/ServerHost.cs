using ColorizeBridge.Engine;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using System.Net;
using ColorizeBridge.Server.Limits;
using ColorizeBridge.Server.Observability;
using ColorizeBridge.Server.Security;
using ColorizeBridge.Server.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using ColorizeBridge.Inference;
using ColorizeBridge.Inference.OnnxRuntime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Grpc.HealthCheck;
using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Server.Hosting;

/// <summary>Builds the server: endpoints, the engine and its models, the gRPC services.</summary>
public static class ServerHost
{
    public static WebApplication Build(ServerOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        // The browser page (wwwroot/) travels with the binaries, whatever the
        // current directory is.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        // One Information line per call, our own (Observability/CallLog.cs):
        // ASP.NET Core's and Grpc.AspNetCore's per-request lines only when something is wrong.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);

        builder.WebHost.ConfigureKestrel(kestrel => ListenOn(kestrel, options));

        builder.Services.AddColorizeBridgeGrpc(options.MaxMessageSize);
        builder.Services.AddSingleton<IInferenceBackend>(new OnnxRuntimeBackend(options.Threads));
        builder.Services.AddSingleton(new ModelRegistryOptions
        {
            ModelsDirectory = options.ModelsDirectory,
            Device = options.Device,
            DefaultModel = options.DefaultModel,
        });
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton(new EngineLimits());
        builder.Services.AddSingleton(options.AccessTokens);
        builder.Services.AddSingleton(services => new ColorizerEngine(services.GetRequiredService<ModelRegistry>(), services.GetRequiredService<EngineLimits>(),
            services.GetRequiredService<ILogger<ColorizerEngine>>()) { BatchOnCpu = options.BatchOnCpu });
        builder.Services.AddHostedService<ModelLoadingService>();
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<PrometheusCollector>();
        builder.Services.AddSingleton(options.ClientLimits);
        if (options.ClientLimits.Rate is { } rate)
        {
            builder.Services.AddSingleton(new ClientRateLimiter(rate));
        }

        // SIGTERM: Kestrel stops accepting, in-flight calls get this long to finish.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownGrace);

        if (options.TrustedProxies.Count > 0)
        {
            builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                // Only the named proxies: loopback, trusted by default, would let
                // any local process pose as another client.
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (IPAddress proxy in options.TrustedProxies)
                {
                    forwarded.KnownProxies.Add(proxy);
                }
            });
        }

        WebApplication app = builder.Build();

        // Listening starts now, not at the first scrape: a call already running
        // then would end as -1 active calls.
        app.Services.GetRequiredService<PrometheusCollector>();
        if (options.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        // Static files before routing: gRPC's catch-all routes for unknown
        // methods would otherwise claim two-segment GETs.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseColorizeBridgeGrpc(calls => calls
            .UseMiddleware<CallObservationMiddleware>()
            .UseMiddleware<AccessControlMiddleware>()
            .UseMiddleware<ClientLimitsMiddleware>());
        app.MapGet("/metrics", context =>
        {
            context.Response.ContentType = PrometheusCollector.ContentType;
            return context.Response.WriteAsync(context.RequestServices.GetRequiredService<PrometheusCollector>().Scrape());
        });
        app.MapColorizeBridgeGrpcService<ColorizerService>();
        app.MapColorizeBridgeGrpcInfrastructure();
        ReportShutdown(app, options.ShutdownGrace);
        return app;
    }

    /// <summary>
    /// On SIGTERM Kestrel closes its listeners (new connections are refused)
    /// and sends GOAWAY on open ones (no new calls there), while calls already
    /// running get the grace period to finish. Nothing refuses calls with a
    /// status in between: one that slipped in still runs, which a proxy in
    /// front cannot retry elsewhere anyway (docs/SCALE-OUT.md). Health turns
    /// NOT_SERVING so load balancers watching it stop sending work at once.
    /// </summary>
    private static void ReportShutdown(WebApplication app, TimeSpan grace)
    {
        var health = app.Services.GetRequiredService<HealthServiceImpl>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ColorizeBridge.Server.Shutdown");
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            LimitsLog.Draining(logger, grace.TotalSeconds);
            health.SetStatus(string.Empty, ServingStatus.NotServing);
            health.SetStatus(ModelHealth.ColorizerService, ServingStatus.NotServing);
        });
    }

    private static void ListenOn(KestrelServerOptions kestrel, ServerOptions options)
    {
        if (options.TlsCertificate is not { } certificate)
        {
            kestrel.ListenGrpc(options.Listen);
            if (options.WebListen is { } web)
            {
                kestrel.ListenGrpcWeb(web);
            }

            return;
        }

        // Over TLS, ALPN picks HTTP/2 for gRPC clients and HTTP/1.1 for
        // gRPC-Web and browsers, so both endpoints speak both.
        IPEndPoint[] endpoints = options.WebListen is null ? [options.Listen] : [options.Listen, options.WebListen];
        foreach (IPEndPoint endpoint in endpoints)
        {
            kestrel.Listen(endpoint, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    if (options.TlsClientCa is { } clientCa)
                    {
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = (clientCertificate, _, _) => ClientCertificates.IssuedBy(clientCertificate, clientCa);
                    }
                });
            });
        }
    }
}
