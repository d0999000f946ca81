using System.IO.Compression;
using System.Net;
using ColorizeBridge.Server.Services;
using Grpc.AspNetCore.Web;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Server.Hosting;

/// <summary>
/// The one gRPC configuration of Grpc.AspNetCore that the server and every
/// test or interop host use: message size limits, gzip responses, the engine
/// error interceptor, gRPC-Web (binary and text) with CORS on every endpoint,
/// health, reflection v1 and v1alpha, and the protocol answers our clients rely on.
/// </summary>
public static class GrpcConfiguration
{
    private const string GrpcWebCorsPolicy = "grpc-web";

    /// <summary>Services of the gRPC layer; <paramref name="maxMessageSize"/> bounds each message both ways (--max-message-mb).</summary>
    public static IServiceCollection AddColorizeBridgeGrpc(this IServiceCollection services, int maxMessageSize)
    {
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = maxMessageSize;
            grpc.MaxSendMessageSize = maxMessageSize;

            // Only clients that list gzip in grpc-accept-encoding get it; PNGs barely
            // shrink, so the fastest level keeps the CPU for the model.
            grpc.ResponseCompressionAlgorithm = "gzip";
            grpc.ResponseCompressionLevel = CompressionLevel.Fastest;
            grpc.Interceptors.Add<EngineErrorInterceptor>();
        });
        services.AddGrpcReflection();

        // Kestrel's 30 MB request body cap would cut a streamed call short long
        // before --max-message-mb; gRPC bounds each message itself.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        // The whole server ("") serves from the start; ModelLoadingService adds the Colorizer entries.
        var health = new HealthServiceImpl();
        health.SetStatus(string.Empty, ServingStatus.Serving);
        services.AddSingleton(health);

        // Browsers on another origin (a page served elsewhere) may call the gRPC
        // services over gRPC-Web and read the status headers; nothing else (/metrics).
        services.AddCors(cors => cors.AddPolicy(GrpcWebCorsPolicy, policy => policy
            .SetIsOriginAllowed(_ => true)
            .WithMethods("POST")
            .AllowAnyHeader()
            .WithExposedHeaders("grpc-status", "grpc-message", "grpc-encoding", "grpc-accept-encoding")
            .SetPreflightMaxAge(TimeSpan.FromHours(2))));
        return services;
    }

    /// <summary>
    /// The request pipeline in front of the gRPC services; call after
    /// <c>UseRouting</c>. <paramref name="callMiddleware"/> adds the host's own
    /// middleware (observation, access control, limits) where it sees every
    /// call as gRPC, and the status the client gets, protocol refusals included.
    /// </summary>
    public static IApplicationBuilder UseColorizeBridgeGrpc(this IApplicationBuilder app, Action<IApplicationBuilder>? callMiddleware = null)
    {
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseCors();
        callMiddleware?.Invoke(app);
        app.UseMiddleware<RequestProtocolMiddleware>();
        return app;
    }

    /// <summary>A gRPC service, callable from browsers on other origins too.</summary>
    public static GrpcServiceEndpointConventionBuilder MapColorizeBridgeGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class =>
        endpoints.MapGrpcService<TService>().RequireCors(GrpcWebCorsPolicy);

    /// <summary>Health (grpc.health.v1) and reflection (v1 and v1alpha) beside the services.</summary>
    public static IEndpointRouteBuilder MapColorizeBridgeGrpcInfrastructure(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapColorizeBridgeGrpcService<HealthServiceImpl>();
        endpoints.MapGrpcReflectionService().RequireCors(GrpcWebCorsPolicy);
        return endpoints;
    }

    /// <summary>
    /// Cleartext HTTP/2 only (h2c with prior knowledge, what grpcio and
    /// grpcurl -plaintext speak); gRPC-Web over HTTP/2 works here too.
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, IPEndPoint endpoint) =>
        kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http2);

    /// <summary>Cleartext HTTP/1.1 for gRPC-Web (browsers, the Krita plugin).</summary>
    public static void ListenGrpcWeb(this KestrelServerOptions kestrel, IPEndPoint endpoint) =>
        kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
}
