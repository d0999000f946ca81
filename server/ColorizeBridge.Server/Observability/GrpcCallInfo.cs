using System.Globalization;
using System.Text;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ColorizeBridge.Server.Observability;

/// <summary>What the middlewares in front of the gRPC services read of a request and its response.</summary>
internal static class GrpcCallInfo
{
    private const string HealthService = "/grpc.health.v1.Health";

    /// <summary>gRPC and gRPC-Web requests (application/grpc, application/grpc-web…); static files and /metrics are not calls.</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Health checks: probes and load balancers must get an answer however busy the server is.</summary>
    public static bool IsHealthCheck(HttpRequest request) => request.Path.StartsWithSegments(HealthService, StringComparison.Ordinal);

    /// <summary>
    /// The method as a metric label: the path of a mapped method, "unimplemented"
    /// for anything else, so made-up paths cannot grow the label set without bound.
    /// </summary>
    public static string MethodLabel(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc && context.Request.Path.Value == grpc.Method.FullName
            ? grpc.Method.FullName
            : "unimplemented";

    /// <summary>The grpc-status the response carried (in trailers, or in the headers of a trailers-only response); CANCELLED when the client left first.</summary>
    public static StatusCode ReadStatus(HttpContext context)
    {
        string? status = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString();
        if (string.IsNullOrEmpty(status))
        {
            status = context.Response.Headers["grpc-status"].ToString();
        }

        if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && Enum.IsDefined((StatusCode)code))
        {
            return (StatusCode)code;
        }

        return context.RequestAborted.IsCancellationRequested ? StatusCode.Cancelled : StatusCode.Unknown;
    }

    /// <summary>The name the gRPC specification uses (statuscodes.md): INVALID_ARGUMENT, not InvalidArgument.</summary>
    public static string SpecName(StatusCode code)
    {
        string name = code.ToString();
        if (code == StatusCode.OK)
        {
            return name;
        }

        var spec = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                spec.Append('_');
            }

            spec.Append(char.ToUpperInvariant(name[i]));
        }

        return spec.ToString();
    }

    public static string Peer(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
