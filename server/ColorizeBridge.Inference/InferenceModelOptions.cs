namespace ColorizeBridge.Inference;

/// <summary>How the caller will feed a model it loads.</summary>
public sealed record InferenceModelOptions
{
    public static InferenceModelOptions Default { get; } = new();

    /// <summary>
    /// The names of the model's inputs in the order the caller passes tensors
    /// (model.json's "inputs"); loading fails unless the model file has exactly
    /// these inputs. Null = the model file's own order.
    /// </summary>
    public IReadOnlyList<string>? InputNames { get; init; }
}
