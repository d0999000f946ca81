namespace ColorizeBridge.Grpc.Internal.Client;

/// <summary>The part of a call that request stream writers use.</summary>
internal interface IClientCallWriter<in TRequest>
{
    Task WriteMessageAsync(TRequest message, WriteOptions? writeOptions, CancellationToken cancellationToken);

    void CompleteRequest();
}
