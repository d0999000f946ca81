using ColorizeBridge.Grpc.Internal;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;

/// <summary>One request message in, one response message out.</summary>
internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse>(
    string method,
    MessageParser<TRequest> parser,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker,
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
        var response = await invoker(service, request, context).ConfigureAwait(false);
        await context.WriteMessageAsync(response, context.CancellationToken).ConfigureAwait(false);
    }
}
