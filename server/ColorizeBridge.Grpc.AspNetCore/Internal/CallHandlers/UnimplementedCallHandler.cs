using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;

/// <summary>Answers a gRPC request for a service or method nobody bound with UNIMPLEMENTED.</summary>
internal sealed class UnimplementedCallHandler(GrpcServiceRegistry registry, ILogger logger)
{
    private static readonly Status UnimplementedService = new(StatusCode.Unimplemented, "Service is unimplemented.");
    private static readonly Status UnimplementedMethod = new(StatusCode.Unimplemented, "Method is unimplemented.");

    public Task HandleCallAsync(HttpContext httpContext)
    {
        // Only POSTs are gRPC calls. Any other method on a path of this shape
        // (a browser asking for /css/x.css) is a missing page: 404, not the 405
        // a POST-only route would answer.
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (GrpcRequestValidator.TryAccept(httpContext, logger))
        {
            var service = httpContext.Request.RouteValues["service"] as string ?? string.Empty;
            logger.UnimplementedMethod(httpContext.Request.Path);
            var status = registry.ContainsService(service) ? UnimplementedMethod : UnimplementedService;
            ProtocolErrorResponse.Write(httpContext, StatusCodes.Status200OK, status);
        }

        return Task.CompletedTask;
    }
}
