using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;

/// <summary>One request message in, a stream of response messages out.</summary>
internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse>(
    string method,
    MessageParser<TRequest> parser,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker,
    GrpcWireOptions options,
    ILogger logger)
    : ServerCallHandlerBase<TService>(method, options, logger)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override bool StreamsRequests => false;

    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context, TService service)
    {
        var request = await SingleRequestReader.ReadAsync(context, parser).ConfigureAwait(false);
        await invoker(service, request, new HttpContextStreamWriter<TResponse>(context), context).ConfigureAwait(false);
    }
}
