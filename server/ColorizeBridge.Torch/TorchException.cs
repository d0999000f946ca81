namespace ColorizeBridge.Torch;

/// <summary>
/// An error reported by the inference runtime: a model that cannot be loaded,
/// inputs a model rejects, a device that does not exist. The message is the
/// runtime's own (for libtorch, the native bridge's last error).
/// </summary>
public sealed class TorchException : Exception
{
    public TorchException(string message)
        : base(message)
    {
    }

    public TorchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
