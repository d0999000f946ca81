using ColorizeBridge.Grpc;

namespace ColorizeBridge.Engine;

/// <summary>The statuses a request's own content earns; each message names the field and what to change.</summary>
public static class RequestErrors
{
    public static RpcException InvalidArgument(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
