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
