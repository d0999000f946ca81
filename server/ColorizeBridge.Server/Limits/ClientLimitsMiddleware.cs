using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Observability;
using ColorizeBridge.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Limits;

/// <summary>
/// Keeps one client from crowding out the others: a cap on its open calls and
/// on the calls it starts per period, refused with RESOURCE_EXHAUSTED and a
/// retry hint. A client is its token when tokens are on (several artists
/// behind one NAT stay apart), else its address; so this runs after access
/// control, and made-up tokens cannot grow the tables. Health checks are exempt.
/// </summary>
internal sealed class ClientLimitsMiddleware(RequestDelegate next, ClientLimits limits, ServerMetrics metrics,
    ILogger<ClientLimitsMiddleware> logger, ClientRateLimiter? rateLimiter = null)
{
    private readonly ClientStreamCounter? _streams = limits.MaxStreams > 0 ? new ClientStreamCounter(limits.MaxStreams) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!GrpcCallInfo.IsGrpc(request) || GrpcCallInfo.IsHealthCheck(request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        string client = ClientIdentity.Of(context);
        if (rateLimiter is not null && !rateLimiter.TryAcquire(client, out TimeSpan retryAfter))
        {
            metrics.Refused("rate");
            LimitsLog.OverRate(logger, request.Path.ToString(), GrpcCallInfo.Peer(context), rateLimiter.Rate.ToString(), (long)retryAfter.TotalMilliseconds);
            await GrpcRefusal.WriteAsync(context, StatusCode.ResourceExhausted,
                $"Too many calls from this client: the server allows {rateLimiter.Rate} per client; retry in {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s.",
                retryAfter).ConfigureAwait(false);
            return;
        }

        if (_streams is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!_streams.TryEnter(client))
        {
            metrics.Refused("streams");
            LimitsLog.TooManyStreams(logger, request.Path.ToString(), GrpcCallInfo.Peer(context), _streams.MaxStreams);
            await GrpcRefusal.WriteAsync(context, StatusCode.ResourceExhausted,
                $"This client already has {_streams.MaxStreams} calls open, the most the server allows per client (--max-streams-per-client); finish or cancel one first.",
                TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            _streams.Exit(client);
        }
    }
}
