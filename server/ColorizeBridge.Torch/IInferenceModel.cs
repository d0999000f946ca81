namespace ColorizeBridge.Torch;

/// <summary>A model loaded onto one device, ready for inference.</summary>
public interface IInferenceModel : IDisposable
{
    /// <summary>The concrete device the model runs on: "cpu" or "cuda:N".</summary>
    string Device { get; }

    /// <summary>Whether the model computes in float16 (see <see cref="InferenceModelOptions.PreferHalfPrecision"/>).</summary>
    bool HalfPrecision { get; }

    /// <summary>
    /// Runs the model's forward on <paramref name="inputs"/> (in the order of
    /// its forward parameters) and returns every output tensor: one for a model
    /// returning a tensor, several for one returning a tuple.
    /// </summary>
    /// <param name="cancellationToken">Checked before the model runs; a running forward cannot be interrupted.</param>
    /// <exception cref="TorchException">The model rejected the inputs (count, rank, shape) or failed.</exception>
    IReadOnlyList<TensorData> ForwardAllOutputs(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default);

    /// <summary>Runs forward for a model with exactly one output tensor.</summary>
    /// <exception cref="TorchException">The model rejected the inputs or failed.</exception>
    /// <exception cref="InvalidOperationException">The model returned several tensors.</exception>
    TensorData Forward(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<TensorData> outputs = ForwardAllOutputs(inputs, cancellationToken);
        return outputs.Count == 1
            ? outputs[0]
            : throw new InvalidOperationException(
                $"The model returned {outputs.Count} tensors; call {nameof(ForwardAllOutputs)} for models with several outputs.");
    }
}
