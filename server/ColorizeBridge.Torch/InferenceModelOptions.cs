namespace ColorizeBridge.Torch;

/// <summary>How a backend should prepare a model it loads.</summary>
public sealed record InferenceModelOptions
{
    public static InferenceModelOptions Default { get; } = new();

    /// <summary>
    /// Run in float16 where the device does it fast (CUDA). Inputs and outputs
    /// stay float32 for the caller. Ignored on the CPU; see
    /// <see cref="IInferenceModel.HalfPrecision"/> for what was applied.
    /// </summary>
    public bool PreferHalfPrecision { get; init; }
}
