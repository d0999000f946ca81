using ColorizeBridge.Api.V1;
using Grpc.Health.V1;

namespace ColorizeBridge.Cli.Backends;

/// <summary>
/// The Colorizer service as the commands see it, whether a server answers
/// (<see cref="RemoteColorizerBackend"/>) or the engine runs in this process
/// (<see cref="InProcessColorizerBackend"/>): same messages, same statuses,
/// so every command behaves the same either way.
/// </summary>
internal interface IColorizerBackend : IDisposable
{
    /// <summary>Where the work happens, for diagnostics: a server address or the models folder.</summary>
    string Description { get; }

    Task<ListModelsResponse> ListModelsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<ColorizeUpdate> ColorizeAsync(ColorizeRequest request, CancellationToken cancellationToken);

    Task<ExtractLineArtResponse> ExtractLineArtAsync(ExtractLineArtRequest request, CancellationToken cancellationToken);

    Task<HealthCheckResponse> CheckHealthAsync(string service, CancellationToken cancellationToken);
}
