using System.Collections.Immutable;

namespace ColorizeBridge.Torch;

/// <summary>
/// A dense float32 tensor in row-major (C) order, e.g. an NCHW image batch.
/// The data is not copied: a tensor wraps the caller's memory, so the caller
/// must not change it while a forward call that reads it is running.
/// </summary>
public sealed class TensorData
{
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
        Shape = [.. shape];
    }

    public ReadOnlyMemory<float> Data { get; }

    public ImmutableArray<long> Shape { get; }

    public int Rank => Shape.Length;

    public override string ToString() => $"float32[{string.Join(", ", Shape)}]";
}
