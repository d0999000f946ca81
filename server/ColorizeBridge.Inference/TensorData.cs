using System.Collections.ObjectModel;

namespace ColorizeBridge.Inference;

/// <summary>
/// A dense float32 tensor in row-major (C) order, e.g. an NCHW image batch.
/// The data is not copied: a tensor wraps the caller's memory, so the caller
/// must not change it while a forward call that reads it is running.
/// </summary>
public sealed class TensorData
{
    private readonly long[] dimensions;

    /// <exception cref="ArgumentException">A dimension is negative, or the shape's element count differs from the data's length.</exception>
    public TensorData(ReadOnlyMemory<float> data, ReadOnlySpan<long> shape)
    {
        long elementCount = 1;
        foreach (long dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] has a negative dimension.", nameof(shape));
            }

            elementCount = checked(elementCount * dimension);
        }

        if (elementCount != data.Length)
        {
            throw new ArgumentException(
                $"Shape [{string.Join(", ", shape.ToArray())}] holds {elementCount} elements but the data has {data.Length}.",
                nameof(shape));
        }

        Data = data;
        dimensions = shape.ToArray();
        Shape = new ReadOnlyCollection<long>(dimensions);
    }

    public ReadOnlyMemory<float> Data { get; }

    public IReadOnlyList<long> Shape { get; }

    public int Rank => dimensions.Length;

    /// <summary>The shape without an interface call per dimension, for marshalling.</summary>
    internal ReadOnlySpan<long> Dimensions => dimensions;

    public override string ToString() => $"float32[{string.Join(", ", Shape)}]";
}
