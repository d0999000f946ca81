using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace ColorizeBridge.Server.Security;

/// <summary>
/// Who a call comes from, for taking turns on the device: the access token's
/// fingerprint when tokens are on (artists behind one NAT stay apart), else
/// the peer's address (its connections share one turn).
/// </summary>
internal static class ClientIdentity
{
    private const string ItemKey = "colorizebridge.client";

    public static void SetToken(HttpContext context, string fingerprint) => context.Items[ItemKey] = "token:" + fingerprint;

    public static string Of(ServerCallContext context) => Of(context.GetHttpContext());

    /// <summary>The same identity before the call reaches a service (per-client limits).</summary>
    public static string Of(HttpContext http)
    {
        return http.Items.TryGetValue(ItemKey, out object? identity) && identity is string known
            ? known
            : "peer:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
