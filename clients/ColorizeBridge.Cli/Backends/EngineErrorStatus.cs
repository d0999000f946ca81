using ColorizeBridge.Engine;
using Grpc.Core;

namespace ColorizeBridge.Cli.Backends;

/// <summary>
/// The in-process engine's errors (Engine/EngineErrors.cs) as the statuses a
/// server would have sent for them, so every command prints the same
/// "error: CODE: message" line and exits with the same code either way.
/// </summary>
internal static class EngineErrorStatus
{
    public static RpcException ToRpcException(EngineException error) => new(new Status((StatusCode)error.Code, error.Message));
}
