using ColorizeBridge.Engine.Models;
using Grpc.HealthCheck;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Server.Hosting;

/// <summary>
/// Loads the models after the server starts listening, so clients can ask
/// ListModels and health while big models load. Which health name serves
/// when is <see cref="ModelHealth"/>'s rule; this publishes it before and
/// after loading.
/// </summary>
internal sealed class ModelLoadingService(ModelRegistry registry, HealthServiceImpl health) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Publish();
        return Task.Factory.StartNew(() =>
        {
            registry.LoadAll(stoppingToken);
            Publish();
        }, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Publish()
    {
        foreach ((string service, bool serving) in ModelHealth.ModelBoundStatuses(registry))
        {
            health.SetStatus(service, serving ? ServingStatus.Serving : ServingStatus.NotServing);
        }
    }
}
