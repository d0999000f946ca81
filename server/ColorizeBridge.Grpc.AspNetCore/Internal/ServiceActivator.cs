using Microsoft.Extensions.DependencyInjection;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>
/// Gets the service for one call: from the request's DI scope when it is
/// registered (its lifetime is DI's), else a new instance for this call
/// only, disposed afterwards.
/// </summary>
internal static class ServiceActivator<TService>
    where TService : class
{
    public static ServiceHandle Create(IServiceProvider services)
    {
        var registered = services.GetService<TService>();
        return registered is not null
            ? new ServiceHandle(registered, OwnedByCall: false)
            : new ServiceHandle(ActivatorUtilities.CreateInstance<TService>(services), OwnedByCall: true);
    }

    public readonly record struct ServiceHandle(TService Service, bool OwnedByCall) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!OwnedByCall)
            {
                return;
            }

            switch (Service)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
