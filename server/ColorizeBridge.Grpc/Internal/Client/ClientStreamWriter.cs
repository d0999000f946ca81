using Google.Protobuf;

namespace ColorizeBridge.Grpc.Internal.Client;

/// <summary>The request stream of a client or duplex streaming call.</summary>
internal sealed class ClientStreamWriter<TRequest>(IClientCallWriter<TRequest> call, WriteOptions? writeOptions) : IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
{
    public WriteOptions? WriteOptions { get; set; } = writeOptions;

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, WriteOptions, cancellationToken);
    }

    public Task CompleteAsync()
    {
        call.CompleteRequest();
        return Task.CompletedTask;
    }
}
