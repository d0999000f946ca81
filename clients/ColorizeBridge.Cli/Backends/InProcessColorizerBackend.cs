using System.Runtime.CompilerServices;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using Grpc.Core;
using ColorizeBridge.Inference.OnnxRuntime;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Cli.Backends;

/// <summary>
/// Runs the server's engine inside the CLI: no server, same behaviour and
/// statuses. Models load on the first call that needs them, so
/// extract-lineart never waits for (or needs) a model.
/// </summary>
internal sealed class InProcessColorizerBackend : IColorizerBackend
{
    private readonly ModelRegistry _registry;
    private readonly ColorizerEngine _engine;
    private readonly Lock _loadLock = new();
    private bool _loaded;

    public InProcessColorizerBackend(string modelsDirectory, string device)
    {
        _registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = modelsDirectory, Device = device }, new OnnxRuntimeBackend());
        _engine = new ColorizerEngine(_registry);
        Description = $"in-process engine, models from {modelsDirectory}";
    }

    public string Description { get; }

    public Task<ListModelsResponse> ListModelsAsync(CancellationToken cancellationToken)
    {
        EnsureModelsLoaded(cancellationToken);
        return Task.FromResult(_engine.ListModels());
    }

    public async IAsyncEnumerable<ColorizeUpdate> ColorizeAsync(ColorizeRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EnsureModelsLoaded(cancellationToken);
        await using IAsyncEnumerator<ColorizeUpdate> updates = _engine.ColorizeAsync(request, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (EngineException e)
            {
                throw EngineErrorStatus.ToRpcException(e);
            }

            yield return updates.Current;
        }
    }

    public async Task<ExtractLineArtResponse> ExtractLineArtAsync(ExtractLineArtRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(() => _engine.ExtractLineArt(request), cancellationToken);
        }
        catch (EngineException e)
        {
            throw EngineErrorStatus.ToRpcException(e);
        }
    }

    /// <summary>Answers as the server's health service would once loading has finished.</summary>
    public Task<HealthCheckResponse> CheckHealthAsync(string service, CancellationToken cancellationToken)
    {
        EnsureModelsLoaded(cancellationToken);
        bool serving = ModelHealth.IsServing(_registry, service)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{service}'."));
        return Task.FromResult(new HealthCheckResponse { Status = serving ? ServingStatus.Serving : ServingStatus.NotServing });
    }

    public void Dispose()
    {
        _engine.Dispose();
        _registry.Dispose();
    }

    private void EnsureModelsLoaded(CancellationToken cancellationToken)
    {
        lock (_loadLock)
        {
            if (_loaded)
            {
                return;
            }

            // A model that cannot load (ONNX Runtime's native library missing on this
            // platform included) is listed as failed with its reason, as on a server.
            _registry.LoadAll(cancellationToken);
            _loaded = true;
        }
    }
}
