using System.Runtime.CompilerServices;

namespace ColorizeBridge.Grpc.Client;

/// <summary>A running unary call; await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse>(
    Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    : IDisposable
{
    /// <summary>The response; throws <see cref="RpcException"/> when the call ends with another status than OK.</summary>
    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public Task<Metadata> ResponseHeadersAsync { get; } = responseHeadersAsync;

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    /// <summary>The final status; only once the call has ended.</summary>
    public Status GetStatus() => getStatus();

    public Metadata GetTrailers() => getTrailers();

    /// <summary>Cancels the call if it still runs.</summary>
    public void Dispose() => dispose();
}
