using ColorizeBridge.Grpc.Internal;
using Google.Protobuf;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>The request stream of a client or duplex streaming call.</summary>
internal sealed class HttpContextStreamReader<TRequest>(HttpContextServerCallContext context, MessageParser<TRequest> parser)
    : IAsyncStreamReader<TRequest>
    where TRequest : class, IMessage<TRequest>
{
    private TRequest? _current;

    public TRequest Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true yet.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        _current = await ReadAsync(context, parser, linked.Token).ConfigureAwait(false);
        return _current is not null;
    }

    /// <summary>Reads one request message; null at the end of the request stream.</summary>
    public static ValueTask<TRequest?> ReadAsync(HttpContextServerCallContext context, MessageParser<TRequest> parser, CancellationToken cancellationToken) =>
        LengthPrefixedMessageReader.ReadMessageAsync(
            context.HttpContext.Request.BodyReader, parser, context.MaxReceiveMessageSize, context.RequestEncoding, cancellationToken);
}
