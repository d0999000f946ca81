using ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;
using Microsoft.AspNetCore.Builder;

namespace ColorizeBridge.Grpc.AspNetCore;

public static class GrpcWebApplicationBuilderExtensions
{
    /// <summary>
    /// Accepts gRPC-Web (application/grpc-web, application/grpc-web-text) for
    /// every mapped service, over HTTP/1.1 too, with CORS for browsers. Place
    /// it before the endpoints run.
    /// </summary>
    public static IApplicationBuilder UseGrpcWeb(this IApplicationBuilder app, Action<GrpcWebOptions>? configure = null)
    {
        var options = new GrpcWebOptions();
        configure?.Invoke(options);
        return app.UseMiddleware<GrpcWebMiddleware>(options);
    }
}
