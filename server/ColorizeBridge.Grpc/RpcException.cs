namespace ColorizeBridge.Grpc;

/// <summary>
/// A call ended with a non-OK status. Thrown by clients when a call fails and
/// by service methods to end a call with a chosen status and trailers.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, new Metadata())
    {
    }

    public RpcException(Status status, Metadata trailers)
        : base(status.ToString())
    {
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }
}
