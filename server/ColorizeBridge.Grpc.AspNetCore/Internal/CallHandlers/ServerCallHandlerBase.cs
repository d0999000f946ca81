using ColorizeBridge.Grpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;

/// <summary>
/// Runs one call of one method: validates the request, gets the service,
/// lets the call shape do its part and funnels every outcome into a status.
/// </summary>
internal abstract class ServerCallHandlerBase<TService>(string method, GrpcWireOptions options, ILogger logger)
    where TService : class
{
    protected GrpcWireOptions Options { get; } = options;

    /// <summary>Whether the client streams requests (client or duplex streaming), possibly idle for long stretches.</summary>
    protected abstract bool StreamsRequests { get; }

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidator.TryAccept(httpContext, logger))
        {
            return;
        }

        LiftHttpBodyLimits(httpContext);
        using var context = new HttpContextServerCallContext(httpContext, method, Options, logger);
        var timeoutHeader = httpContext.Request.Headers[GrpcProtocolConstants.TimeoutHeader].ToString();
        TimeSpan? timeout = null;
        if (timeoutHeader.Length > 0)
        {
            if (GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                timeout = parsed;
            }
            else
            {
                logger.InvalidTimeout(timeoutHeader);
            }
        }

        context.Start(timeout);
        try
        {
            await using var service = ServiceActivator<TService>.Create(httpContext.RequestServices);
            await HandleCallCoreAsync(context, service.Service).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            context.ProcessHandlerError(exception);
        }

        await context.EndCallAsync().ConfigureAwait(false);
    }

    protected abstract Task HandleCallCoreAsync(HttpContextServerCallContext context, TService service);

    /// <summary>
    /// Kestrel's whole-body limit (30 MB by default) would cut image uploads
    /// and long streams; gRPC limits each message instead. A client stream
    /// may rightly pause (a user thinking between strokes), so Kestrel's
    /// minimum upload rate must not abort it.
    /// </summary>
    private void LiftHttpBodyLimits(HttpContext httpContext)
    {
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        if (StreamsRequests && httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } dataRate)
        {
            dataRate.MinDataRate = null;
        }
    }
}
