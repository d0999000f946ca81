namespace ColorizeBridge.Inference;

/// <summary>
/// An error reported by the inference runtime: a model that cannot be loaded,
/// inputs a model rejects, a device that does not exist or that this build
/// cannot use. The message says which, in words a user can act on.
/// </summary>
public sealed class InferenceException : Exception
{
    public InferenceException(string message)
        : base(message)
    {
    }

    public InferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
