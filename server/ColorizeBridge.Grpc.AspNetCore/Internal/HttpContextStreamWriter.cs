using Google.Protobuf;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>The response stream of a server or duplex streaming call; its options are the call's.</summary>
internal sealed class HttpContextStreamWriter<TResponse>(HttpContextServerCallContext context) : IServerStreamWriter<TResponse>
    where TResponse : class, IMessage<TResponse>
{
    public WriteOptions? WriteOptions
    {
        get => context.WriteOptions;
        set => context.WriteOptions = value;
    }

    public async Task WriteAsync(TResponse message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        await context.WriteMessageAsync(message, linked.Token).ConfigureAwait(false);
    }
}
