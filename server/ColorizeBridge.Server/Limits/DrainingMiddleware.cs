using ColorizeBridge.Grpc;
using ColorizeBridge.Server.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Limits;

/// <summary>
/// Once shutdown begins (SIGTERM), in-flight calls run on for the grace period
/// while new ones are refused with UNAVAILABLE. The refusal is HTTP 503 rather
/// than gRPC's usual 200: clients map 503 to UNAVAILABLE all the same
/// (http-grpc-status-mapping.md), and a proxy such as nginx
/// (grpc_next_upstream http_503) then retries the call on another instance.
/// Health checks still answer, with NOT_SERVING.
/// </summary>
internal sealed class DrainingMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime, ServerMetrics metrics,
    ILogger<DrainingMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!lifetime.ApplicationStopping.IsCancellationRequested || !GrpcCallInfo.IsGrpc(request) || GrpcCallInfo.IsHealthCheck(request))
        {
            return next(context);
        }

        metrics.Refused("draining");
        LimitsLog.RefusedWhileDraining(logger, request.Path.ToString(), GrpcCallInfo.Peer(context));
        return GrpcRefusal.WriteAsync(context, StatusCode.Unavailable,
            "The server is shutting down; retry on another instance or once it is back.", httpStatus: StatusCodes.Status503ServiceUnavailable);
    }
}
