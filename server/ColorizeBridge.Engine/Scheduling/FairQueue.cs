namespace ColorizeBridge.Engine.Scheduling;

/// <summary>
/// Waiting works of one priority class, taken in turns between clients
/// (round robin), FIFO within a client: a client with 500 queued images
/// delays another client's one image by at most one forward.
/// </summary>
internal sealed class FairQueue<T>
    where T : class
{
    private readonly Dictionary<string, LinkedList<T>> _byClient = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();

    public int Count { get; private set; }

    public LinkedListNode<T> Add(string client, T item)
    {
        if (!_byClient.TryGetValue(client, out LinkedList<T>? items))
        {
            items = new LinkedList<T>();
            _byClient.Add(client, items);
            _turns.AddLast(client);
        }

        Count++;
        return items.AddLast(item);
    }

    /// <summary>Takes the oldest item of the client whose turn it is; that client goes to the back.</summary>
    public T TakeNext()
    {
        string client = _turns.First!.Value;
        LinkedList<T> items = _byClient[client];
        T item = items.First!.Value;
        Remove(client, items.First);
        if (_byClient.ContainsKey(client))
        {
            _turns.Remove(client);
            _turns.AddLast(client);
        }

        return item;
    }

    public void Remove(string client, LinkedListNode<T> node)
    {
        LinkedList<T> items = _byClient[client];
        items.Remove(node);
        Count--;
        if (items.Count == 0)
        {
            _byClient.Remove(client);
            _turns.Remove(client);
        }
    }

    /// <summary>The items in the order they will be taken (if nothing else arrives).</summary>
    public IEnumerable<T> InTurnOrder()
    {
        var cursors = _turns.Select(c => _byClient[c].First).ToList();
        bool any = true;
        while (any)
        {
            any = false;
            for (int i = 0; i < cursors.Count; i++)
            {
                if (cursors[i] is { } node)
                {
                    any = true;
                    yield return node.Value;
                    cursors[i] = node.Next;
                }
            }
        }
    }
}
