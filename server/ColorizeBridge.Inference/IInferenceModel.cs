namespace ColorizeBridge.Inference;

/// <summary>A model loaded onto one device, ready for inference; safe to call from several threads.</summary>
public interface IInferenceModel : IDisposable
{
    /// <summary>The concrete device the model runs on: "cpu" or "cuda:N".</summary>
    string Device { get; }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (in the order of
    /// <see cref="InferenceModelOptions.InputNames"/>) and returns every output
    /// tensor, each in a fresh array.
    /// </summary>
    /// <param name="cancellationToken">Checked before the model runs, and stops a running forward.</param>
    /// <exception cref="InferenceException">The model rejected the inputs (count, rank, shape) or failed.</exception>
    IReadOnlyList<TensorData> ForwardAllOutputs(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default);

    /// <summary>Runs forward for a model with exactly one output tensor.</summary>
    /// <exception cref="InferenceException">The model rejected the inputs or failed.</exception>
    /// <exception cref="InvalidOperationException">The model has several outputs.</exception>
    TensorData Forward(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<TensorData> outputs = ForwardAllOutputs(inputs, cancellationToken);
        return outputs.Count == 1
            ? outputs[0]
            : throw new InvalidOperationException(
                $"The model returned {outputs.Count} tensors; call {nameof(ForwardAllOutputs)} for models with several outputs.");
    }

    /// <summary>
    /// Runs forward for a model with exactly one output tensor, its output in
    /// an array from <paramref name="outputBuffer"/> (called once, with the
    /// element count; it may return a longer array, e.g. one rented from an
    /// <see cref="System.Buffers.ArrayPool{T}"/>): the result's data is the
    /// start of that array, so a caller that pools it allocates nothing per
    /// call for the output. This default copies <see cref="Forward(IReadOnlyList{TensorData}, CancellationToken)"/>'s
    /// output; a runtime that can write into the buffer itself overrides it.
    /// </summary>
    /// <exception cref="InferenceException">The model rejected the inputs or failed.</exception>
    /// <exception cref="InvalidOperationException">The model has several outputs, or the buffer is too short.</exception>
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
            throw new InferenceException($"The output has {length} elements, more than a .NET array holds.");
        }

        float[] buffer = outputBuffer((int)length);
        return buffer is not null && buffer.Length >= length
            ? buffer
            : throw new InvalidOperationException($"The output buffer has {buffer?.Length ?? 0} floats; the output needs {length}.");
    }
}
