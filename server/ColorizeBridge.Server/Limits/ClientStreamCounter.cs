namespace ColorizeBridge.Server.Limits;

/// <summary>Open calls per client; a client's entry goes when its last call ends, so the table holds only active clients.</summary>
internal sealed class ClientStreamCounter(int maxStreams)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int MaxStreams => maxStreams;

    public bool TryEnter(string client)
    {
        lock (_lock)
        {
            int open = _open.GetValueOrDefault(client);
            if (open >= maxStreams)
            {
                return false;
            }

            _open[client] = open + 1;
            return true;
        }
    }

    public void Exit(string client)
    {
        lock (_lock)
        {
            int open = _open.GetValueOrDefault(client) - 1;
            if (open <= 0)
            {
                _open.Remove(client);
            }
            else
            {
                _open[client] = open;
            }
        }
    }
}
