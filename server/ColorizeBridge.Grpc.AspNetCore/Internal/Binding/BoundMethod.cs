using Microsoft.AspNetCore.Http;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.Binding;

/// <summary>One RPC ready to route: its path <c>/package.Service/Method</c> and the delegate that serves it.</summary>
internal sealed record BoundMethod(string Path, RequestDelegate Handler);
