using ColorizeBridge.Grpc.AspNetCore.Internal;
using Microsoft.AspNetCore.Http;

namespace ColorizeBridge.Grpc.AspNetCore;

public static class ServerCallContextExtensions
{
    /// <summary>The HTTP request behind a call, for what gRPC does not model (protocol headers, connection, user).</summary>
    public static HttpContext GetHttpContext(this ServerCallContext context) =>
        context is HttpContextServerCallContext httpCall
            ? httpCall.HttpContext
            : throw new InvalidOperationException("This call context does not come from an HTTP request.");
}
