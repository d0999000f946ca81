using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Scheduling;

/// <summary>Stacks same-shaped inputs along the batch dimension and splits the output back.</summary>
internal static class Batching
{
    /// <param name="inputsPerWork">For each work its inputs, all works with the same shapes.</param>
    public static IReadOnlyList<TensorData> Concatenate(IReadOnlyList<IReadOnlyList<TensorData>> inputsPerWork)
    {
        int inputCount = inputsPerWork[0].Count;
        var stacked = new TensorData[inputCount];
        for (int input = 0; input < inputCount; input++)
        {
            int length = inputsPerWork.Sum(work => work[input].Data.Length);
            var data = new float[length];
            int offset = 0;
            long batch = 0;
            foreach (IReadOnlyList<TensorData> work in inputsPerWork)
            {
                work[input].Data.Span.CopyTo(data.AsSpan(offset));
                offset += work[input].Data.Length;
                batch += work[input].Shape[0];
            }

            long[] shape = [.. inputsPerWork[0][input].Shape];
            shape[0] = batch;
            stacked[input] = new TensorData(data, shape);
        }

        return stacked;
    }

    /// <summary>Cuts <paramref name="output"/> along dimension 0 into pieces of the given batch sizes (no copy).</summary>
    public static IReadOnlyList<TensorData> Split(TensorData output, IReadOnlyList<int> batchSizes)
    {
        if (output.Shape[0] != batchSizes.Sum())
        {
            throw new InvalidOperationException($"The model returned a batch of {output.Shape[0]} for {batchSizes.Sum()} inputs.");
        }

        int perItem = (int)(output.Data.Length / output.Shape[0]);
        var pieces = new TensorData[batchSizes.Count];
        int offset = 0;
        for (int i = 0; i < batchSizes.Count; i++)
        {
            long[] shape = [.. output.Shape];
            shape[0] = batchSizes[i];
            pieces[i] = new TensorData(output.Data.Slice(offset, batchSizes[i] * perItem), shape);
            offset += batchSizes[i] * perItem;
        }

        return pieces;
    }
}
