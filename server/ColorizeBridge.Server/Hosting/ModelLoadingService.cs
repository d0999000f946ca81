using ColorizeBridge.Engine.Models;
using Grpc.HealthCheck;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Server.Hosting;

/// <summary>
/// Loads the models after the server starts listening, so clients can ask
/// ListModels and health while big models load. Health: the Colorizer service
/// is NOT_SERVING until loading ends and the default model is ready; each
/// model has its own entry, "colorizebridge.v1.Colorizer/NAME".
/// </summary>
internal sealed class ModelLoadingService(ModelRegistry registry, HealthServiceImpl health) : BackgroundService
{
    public const string ServiceName = "colorizebridge.v1.Colorizer";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        health.SetStatus(ServiceName, ServingStatus.NotServing);
        foreach (RegisteredModel model in registry.Models)
        {
            health.SetStatus(ModelHealthName(model.Name), ServingStatus.NotServing);
        }

        return Task.Factory.StartNew(() =>
        {
            registry.LoadAll(stoppingToken);
            foreach (RegisteredModel model in registry.Models)
            {
                health.SetStatus(ModelHealthName(model.Name),
                    model.State == ModelLoadState.Ready ? ServingStatus.Serving : ServingStatus.NotServing);
            }

            bool defaultReady = registry.Models.Any(m => m.Name == registry.DefaultModelName && m.State == ModelLoadState.Ready);
            health.SetStatus(ServiceName, defaultReady ? ServingStatus.Serving : ServingStatus.NotServing);
        }, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public static string ModelHealthName(string model) => $"{ServiceName}/{model}";
}
