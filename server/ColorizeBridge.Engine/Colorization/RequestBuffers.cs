using System.Buffers;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// The float buffers of one request (the model's line and hint inputs, its
/// output), rented from a pool and given back when the request ends, so a
/// Colorize or preview frame allocates no tensor-sized arrays. While a forward
/// may still read the inputs or write the output (<see cref="InFlight"/>: the
/// request was cancelled or failed while its work was queued or running), the
/// buffers are left to the garbage collector instead, never handed to another
/// request under a running forward. Thread-safe: the inference worker rents
/// the output buffer.
/// </summary>
internal sealed class RequestBuffers : IDisposable
{
    private readonly object _gate = new();
    private readonly ArrayPool<float> _pool;
    private readonly List<float[]> _rented = [];
    private bool _disposed;

    public RequestBuffers(ArrayPool<float> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
    }

    /// <summary>Set while the buffers are handed to the inference queue; cleared once its forward has returned.</summary>
    public bool InFlight { get; set; }

    /// <summary>An array of at least <paramref name="length"/> floats (contents undefined), kept until <see cref="Dispose"/>.</summary>
    public float[] Rent(int length)
    {
        float[] array = _pool.Rent(length);
        lock (_gate)
        {
            if (!_disposed)
            {
                _rented.Add(array);
            }
        }

        return array;
    }

    /// <summary>The first <paramref name="length"/> floats of a rented array.</summary>
    public Memory<float> RentMemory(int length) => Rent(length).AsMemory(0, length);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!InFlight)
            {
                foreach (float[] array in _rented)
                {
                    _pool.Return(array);
                }
            }

            _rented.Clear();
        }
    }
}
