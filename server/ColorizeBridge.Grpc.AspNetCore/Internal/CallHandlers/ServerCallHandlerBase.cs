using ColorizeBridge.Grpc.Internal;
using Microsoft.AspNetCore.Http;
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

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidator.TryAccept(httpContext, logger))
        {
            return;
        }

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
}
