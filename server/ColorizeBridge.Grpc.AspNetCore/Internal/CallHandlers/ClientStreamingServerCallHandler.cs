using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;

/// <summary>A stream of request messages in, one response message out.</summary>
internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse>(
    string method,
    MessageParser<TRequest> parser,
    Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker,
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
        TResponse response;
        try
        {
            response = await invoker(service, reader, context).ConfigureAwait(false);
        }
        finally
        {
            await reader.StopAsync().ConfigureAwait(false);
        }

        await context.WriteMessageAsync(response, context.CancellationToken).ConfigureAwait(false);
    }
}
