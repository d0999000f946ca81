using Google.Protobuf.Reflection;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>The services mapped on this server: what reflection lists and how UNIMPLEMENTED tells an unknown service from an unknown method.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly Lock _lock = new();
    private readonly List<ServiceDescriptor> _services = [];

    /// <summary>Set once the catch-all route for unknown methods is mapped.</summary>
    public bool FallbackMapped { get; set; }

    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_lock)
            {
                return [.. _services];
            }
        }
    }

    public void Add(ServiceDescriptor service)
    {
        lock (_lock)
        {
            if (_services.Exists(s => s.FullName == service.FullName))
            {
                throw new InvalidOperationException($"gRPC service '{service.FullName}' is mapped twice.");
            }

            _services.Add(service);
        }
    }

    public bool ContainsService(string fullName)
    {
        lock (_lock)
        {
            return _services.Exists(s => s.FullName == fullName);
        }
    }
}
