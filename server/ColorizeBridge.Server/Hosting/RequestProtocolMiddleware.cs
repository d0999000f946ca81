using System.Globalization;
using ColorizeBridge.Server.Observability;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace ColorizeBridge.Server.Hosting;

/// <summary>
/// Keeps the statuses our clients and tests rely on where Grpc.AspNetCore
/// would answer otherwise: an unsupported grpc-encoding is UNIMPLEMENTED
/// (PROTOCOL-HTTP2.md, "Message-Encoding"), a grpc-timeout under one tick has
/// already expired (DEADLINE_EXCEEDED, not "no deadline"), and a request
/// message that cannot be read is INTERNAL rather than UNKNOWN (gRPC's own
/// servers and grpcio answer so).
/// </summary>
internal sealed class RequestProtocolMiddleware(RequestDelegate next)
{
    private const string ServiceEnteredKey = "colorizebridge.service-entered";
    private static readonly string[] SupportedEncodings = ["identity", "gzip"];

    public async Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!GrpcCallInfo.IsGrpc(request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        string encoding = request.Headers["grpc-encoding"].ToString();
        if (encoding.Length > 0 && !SupportedEncodings.Contains(encoding, StringComparer.Ordinal))
        {
            context.Response.Headers["grpc-accept-encoding"] = string.Join(',', SupportedEncodings);
            await GrpcRefusal.WriteAsync(context, StatusCode.Unimplemented,
                $"grpc-encoding '{encoding}' is not supported; use {string.Join(" or ", SupportedEncodings)}.").ConfigureAwait(false);
            return;
        }

        if (IsExpiredTimeout(request.Headers["grpc-timeout"].ToString()))
        {
            await GrpcRefusal.WriteAsync(context, StatusCode.DeadlineExceeded, "The call's deadline had passed when it arrived.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);

        // Grpc.AspNetCore reads a unary or server-streaming call's request before
        // any service code runs and answers a message it cannot parse or
        // decompress as UNKNOWN, like a failing handler; it is the request that is broken.
        if (!context.Response.HasStarted && !context.Items.ContainsKey(ServiceEnteredKey)
            && context.Response.Headers["grpc-status"] == ((int)StatusCode.Unknown).ToString(CultureInfo.InvariantCulture))
        {
            context.Response.Headers["grpc-status"] = ((int)StatusCode.Internal).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = "The request message could not be read: not the protobuf message this method takes, or not compressed as its flag and grpc-encoding say.";
        }
    }

    /// <summary>Called by <see cref="Services.EngineErrorInterceptor"/> as service code starts: from then on an UNKNOWN is the service's own.</summary>
    public static void MarkServiceEntered(HttpContext context) => context.Items[ServiceEnteredKey] = true;

    /// <summary>A well-formed grpc-timeout that rounds to zero ticks, e.g. "1n"; malformed ones are Grpc.AspNetCore's to ignore.</summary>
    private static bool IsExpiredTimeout(string timeout)
    {
        if (timeout.Length < 2 || !long.TryParse(timeout.AsSpan(0, timeout.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long amount))
        {
            return false;
        }

        return timeout[^1] switch
        {
            'n' => amount < 100,
            'u' or 'm' or 'S' or 'M' or 'H' => amount == 0,
            _ => false,
        };
    }
}
