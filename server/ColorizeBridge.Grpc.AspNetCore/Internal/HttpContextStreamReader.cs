using ColorizeBridge.Grpc.Internal;
using Google.Protobuf;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>The request stream of a client or duplex streaming call.</summary>
internal sealed class HttpContextStreamReader<TRequest>(HttpContextServerCallContext context, MessageParser<TRequest> parser)
    : IAsyncStreamReader<TRequest>
    where TRequest : class, IMessage<TRequest>
{
    private readonly CancellationTokenSource _handlerReturned = new();
    private TRequest? _current;
    private Task<bool>? _latestRead;

    public TRequest Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true yet.");

    public Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        Task<bool> read = MoveNextCoreAsync(cancellationToken);
        _latestRead = read;
        return read;
    }

    /// <summary>Reads one request message; null at the end of the request stream.</summary>
    public static ValueTask<TRequest?> ReadAsync(HttpContextServerCallContext context, MessageParser<TRequest> parser, CancellationToken cancellationToken) =>
        LengthPrefixedMessageReader.ReadMessageAsync(
            context.HttpContext.Request.BodyReader, parser, context.MaxReceiveMessageSize, context.RequestEncoding, cancellationToken);

    /// <summary>
    /// Called once the service method has returned: cancels a read it left
    /// running (e.g. a background loop of a duplex call that ended with an
    /// error) and waits for it. Kestrel hands the HTTP/2 stream, request body
    /// pipe included, to the connection's next call, whose first read would
    /// otherwise fail with "Reading is already in progress".
    /// </summary>
    public async Task StopAsync()
    {
        await _handlerReturned.CancelAsync().ConfigureAwait(false);
        if (_latestRead is { IsCompleted: false } pending)
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or RpcException or IOException or InvalidOperationException)
            {
                // The service abandoned this read; nobody waits for its outcome.
            }
        }

        _handlerReturned.Dispose();
    }

    private async Task<bool> MoveNextCoreAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken, _handlerReturned.Token);
        _current = await ReadAsync(context, parser, linked.Token).ConfigureAwait(false);
        return _current is not null;
    }
}
