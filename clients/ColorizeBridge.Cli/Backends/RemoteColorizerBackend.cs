using ColorizeBridge.Api.V1;
using ColorizeBridge.Client;
using Grpc.Health.V1;

namespace ColorizeBridge.Cli.Backends;

/// <summary>Sends each command's request to a ColorizeBridge server.</summary>
internal sealed class RemoteColorizerBackend(ColorizerClient client) : IColorizerBackend
{
    public string Description => $"server {client.Address}";

    public Task<ListModelsResponse> ListModelsAsync(CancellationToken cancellationToken) =>
        client.ListModelsAsync(cancellationToken: cancellationToken);

    public IAsyncEnumerable<ColorizeUpdate> ColorizeAsync(ColorizeRequest request, CancellationToken cancellationToken) =>
        client.ColorizeAsync(request, cancellationToken: cancellationToken);

    public Task<ExtractLineArtResponse> ExtractLineArtAsync(ExtractLineArtRequest request, CancellationToken cancellationToken) =>
        client.ExtractLineArtAsync(request, cancellationToken: cancellationToken);

    public Task<HealthCheckResponse> CheckHealthAsync(string service, CancellationToken cancellationToken) =>
        client.CheckHealthAsync(service, cancellationToken: cancellationToken);

    public void Dispose() => client.Dispose();
}
