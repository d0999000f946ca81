using System.Threading.RateLimiting;

namespace ColorizeBridge.Server.Limits;

/// <summary>
/// Calls per client per period (System.Threading.RateLimiting, one token
/// bucket per client). A bucket holds one period's calls and is refilled whole
/// each period: the long-run rate is exact and a client may burst up to one
/// period's worth. A singleton, so the container disposes its timer.
/// </summary>
internal sealed class ClientRateLimiter(RateLimit rate) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate.Calls,
            TokensPerPeriod = rate.Calls,
            ReplenishmentPeriod = rate.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public RateLimit Rate => rate;

    /// <summary>Takes one call from <paramref name="client"/>'s bucket; when empty, says how long until it refills.</summary>
    public bool TryAcquire(string client, out TimeSpan retryAfter)
    {
        using RateLimitLease lease = _limiter.AttemptAcquire(client);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait) ? wait : rate.Period;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
