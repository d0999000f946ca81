using ColorizeBridge.Grpc.AspNetCore.Internal;
using ColorizeBridge.Grpc.AspNetCore.Internal.Health;
using ColorizeBridge.Grpc.AspNetCore.Internal.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ColorizeBridge.Grpc.AspNetCore;

public static class GrpcWireServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gRPC layer. Service implementations are taken from DI
    /// when registered (singleton or scoped: the request's scope is used),
    /// otherwise created for each call and disposed after it.
    /// </summary>
    public static IServiceCollection AddGrpcWire(this IServiceCollection services, Action<GrpcWireOptions>? configure = null)
    {
        services.AddRouting();
        var options = services.AddOptions<GrpcWireOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<HealthStatusService>();
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton<ReflectionServiceV1>();
        services.TryAddSingleton<ReflectionServiceV1Alpha>();
        return services;
    }
}
