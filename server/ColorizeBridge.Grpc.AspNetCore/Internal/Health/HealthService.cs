using Grpc.Health.V1;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.Health;

/// <summary><c>grpc.health.v1.Health</c> over the statuses the host keeps in <see cref="HealthStatusService"/>.</summary>
internal sealed class HealthService(HealthStatusService statuses)
{
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        statuses.TryGetStatus(request.Service, out var status)
            ? Task.FromResult(new HealthCheckResponse { Status = status })
            : throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        await foreach (var status in statuses.WatchAsync(request.Service, context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
