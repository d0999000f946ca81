using System.Globalization;
using ColorizeBridge.Engine;
using ColorizeBridge.Server.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ColorizeBridge.Server.Services;

/// <summary>
/// The one place where the engine's errors (Engine/EngineErrors.cs) become
/// gRPC statuses: the message unchanged, a retry hint as the
/// grpc-retry-pushback-ms trailer (gRFC A6). Every other exception is left to
/// Grpc.AspNetCore, which hides its details from the caller. It also marks
/// the call as having reached service code (see RequestProtocolMiddleware).
/// </summary>
internal sealed class EngineErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        RequestProtocolMiddleware.MarkServiceEntered(context.GetHttpContext());
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            throw ToRpcException(e);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RequestProtocolMiddleware.MarkServiceEntered(context.GetHttpContext());
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            throw ToRpcException(e);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RequestProtocolMiddleware.MarkServiceEntered(context.GetHttpContext());
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            throw ToRpcException(e);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RequestProtocolMiddleware.MarkServiceEntered(context.GetHttpContext());
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            throw ToRpcException(e);
        }
    }

    public static RpcException ToRpcException(EngineException error)
    {
        var trailers = new Metadata();
        if (error is ResourceExhaustedException { RetryAfter: { } wait })
        {
            trailers.Add(GrpcRefusal.RetryPushbackHeader, ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
        }

        return new RpcException(new Status((StatusCode)error.Code, error.Message), trailers);
    }
}
