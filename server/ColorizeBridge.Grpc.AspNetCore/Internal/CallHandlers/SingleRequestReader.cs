using ColorizeBridge.Grpc.Internal;
using Google.Protobuf;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;

/// <summary>Reads the request of a unary or server streaming call: exactly one message, then the end.</summary>
internal static class SingleRequestReader
{
    public static async Task<TRequest> ReadAsync<TRequest>(HttpContextServerCallContext context, MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest>
    {
        var request = await HttpContextStreamReader<TRequest>.ReadAsync(context, parser, context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(ProtocolErrors.MissingRequestMessage);
        var extra = await HttpContextStreamReader<TRequest>.ReadAsync(context, parser, context.CancellationToken).ConfigureAwait(false);
        return extra is null ? request : throw new RpcException(ProtocolErrors.AdditionalRequestMessage);
    }
}
