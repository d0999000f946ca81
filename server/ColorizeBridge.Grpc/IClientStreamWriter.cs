namespace ColorizeBridge.Grpc;

/// <summary>The request stream of a client or duplex streaming call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Ends the request stream (half-close); the server sees the end of its reader.</summary>
    Task CompleteAsync();
}
