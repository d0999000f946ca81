using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Grpc.AspNetCore;

/// <summary>
/// The serving status the host reports per service name through
/// <c>grpc.health.v1.Health</c>. The empty name stands for the whole server
/// and starts as SERVING.
/// </summary>
public sealed class HealthStatusService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [string.Empty] = ServingStatus.Serving };
    private readonly List<(string Service, Channel<ServingStatus> Channel)> _watchers = [];

    public void SetStatus(string service, ServingStatus status)
    {
        lock (_lock)
        {
            _statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets a service: Check answers NOT_FOUND, watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        lock (_lock)
        {
            if (_statuses.Remove(service))
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>
    /// The current status and then every change, newest wins: a slow watcher
    /// skips states it had no time to send, as health.proto allows.
    /// </summary>
    internal async IAsyncEnumerable<ServingStatus> WatchAsync(
        string service, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            channel.Writer.TryWrite(_statuses.GetValueOrDefault(service, ServingStatus.ServiceUnknown));
            _watchers.Add((service, channel));
        }

        try
        {
            await foreach (var status in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return status;
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove((service, channel));
            }
        }
    }

    private void Notify(string service, ServingStatus status)
    {
        foreach (var (watched, channel) in _watchers)
        {
            if (watched == service)
            {
                channel.Writer.TryWrite(status);
            }
        }
    }
}
