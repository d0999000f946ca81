using Grpc.Core;

namespace ColorizeBridge.Tests.Shared;

/// <summary>Calls through a raw <see cref="CallInvoker"/> without a host override, the shape the tests read best.</summary>
public static class CallInvokerExtensions
{
    public static AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(this CallInvoker invoker,
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class
        where TResponse : class =>
        invoker.AsyncUnaryCall(method, null, options, request);

    public static AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(this CallInvoker invoker,
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class
        where TResponse : class =>
        invoker.AsyncServerStreamingCall(method, null, options, request);

    public static AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(this CallInvoker invoker,
        Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class
        where TResponse : class =>
        invoker.AsyncClientStreamingCall(method, null, options);

    public static AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(this CallInvoker invoker,
        Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class
        where TResponse : class =>
        invoker.AsyncDuplexStreamingCall(method, null, options);
}
