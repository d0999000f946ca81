using System.Diagnostics;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Observability;

/// <summary>
/// Times and counts every gRPC call, refused ones included (it sits in front
/// of access control and the limits), and logs its start and end.
/// </summary>
internal sealed class CallObservationMiddleware(RequestDelegate next, ServerMetrics metrics, ILogger<CallObservationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!GrpcCallInfo.IsGrpc(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        string method = GrpcCallInfo.MethodLabel(context);
        string peer = GrpcCallInfo.Peer(context);
        CallLog.Started(logger, method, peer);
        metrics.CallStarted(method);
        long started = Stopwatch.GetTimestamp();
        StatusCode code = StatusCode.Unknown;
        try
        {
            await next(context).ConfigureAwait(false);
            code = GrpcCallInfo.ReadStatus(context);
        }
        finally
        {
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            string status = GrpcCallInfo.SpecName(code);
            metrics.CallEnded(method, status, elapsed);
            long elapsedMs = (long)elapsed.TotalMilliseconds;
            switch (code)
            {
                case StatusCode.Cancelled:
                    CallLog.Cancelled(logger, method, peer, elapsedMs);
                    break;
                case StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss:
                    CallLog.Failed(logger, method, peer, status, elapsedMs);
                    break;
                default:
                    CallLog.Ended(logger, method, peer, status, elapsedMs);
                    break;
            }
        }
    }
}
