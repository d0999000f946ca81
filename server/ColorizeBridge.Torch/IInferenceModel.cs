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

    /// <summary>
    /// Runs forward for a model with exactly one output tensor and copies the
    /// output into an array from <paramref name="outputBuffer"/> (called once,
    /// with the element count; it may return a longer array, e.g. one rented
    /// from an <see cref="System.Buffers.ArrayPool{T}"/>): the result's data is
    /// the start of that array, so a caller that pools it allocates nothing
    /// per call for the output.
    /// </summary>
    /// <exception cref="TorchException">The model rejected the inputs or failed.</exception>
    /// <exception cref="InvalidOperationException">The model returned several tensors, or the buffer is too short.</exception>
    TensorData Forward(IReadOnlyList<TensorData> inputs, Func<int, float[]> outputBuffer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputBuffer);
        TensorData output = Forward(inputs, cancellationToken);
        float[] buffer = OutputBuffers.Get(outputBuffer, output.Data.Length);
        output.Data.Span.CopyTo(buffer);
        return new TensorData(buffer.AsMemory(0, output.Data.Length), [.. output.Shape]);
    }
}

/// <summary>Checks what an output-buffer callback hands back.</summary>
internal static class OutputBuffers
{
    public static float[] Get(Func<int, float[]> outputBuffer, long length)
    {
        if (length > Array.MaxLength)
        {
            throw new TorchException($"The output has {length} elements, more than a .NET array holds.");
        }

        float[] buffer = outputBuffer((int)length);
        return buffer is not null && buffer.Length >= length
            ? buffer
            : throw new InvalidOperationException($"The output buffer has {buffer?.Length ?? 0} floats; the output needs {length}.");
    }
}
