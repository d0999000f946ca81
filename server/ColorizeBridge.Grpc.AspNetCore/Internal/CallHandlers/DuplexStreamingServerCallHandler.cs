using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;

/// <summary>Request and response streams that flow at the same time.</summary>
internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(
    string method,
    MessageParser<TRequest> parser,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker,
    GrpcWireOptions options,
    ILogger logger)
    : ServerCallHandlerBase<TService>(method, options, logger)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override bool StreamsRequests => true;

    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context, TService service)
    {
        var reader = new HttpContextStreamReader<TRequest>(context, parser);
        try
        {
            await invoker(service, reader, new HttpContextStreamWriter<TResponse>(context), context).ConfigureAwait(false);
        }
        finally
        {
            await reader.StopAsync().ConfigureAwait(false);
        }
    }
}
