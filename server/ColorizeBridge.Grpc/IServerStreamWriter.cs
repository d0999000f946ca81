namespace ColorizeBridge.Grpc;

/// <summary>The response stream a service method writes to.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
