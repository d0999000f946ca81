namespace ColorizeBridge.Imaging.Pixels;

/// <summary>
/// One float channel, rows top to bottom, no padding. With N = C = 1 its
/// <see cref="Values"/> is already an NCHW tensor buffer for the model.
/// </summary>
public sealed class FloatPlane
{
    /// <summary>Allocates a plane filled with zeros.</summary>
    public FloatPlane(int width, int height)
        : this(width, height, new float[ImageSize.CheckedLength(width, height, 1)])
    {
    }

    /// <summary>Wraps <paramref name="values"/> without copying.</summary>
    /// <exception cref="ArgumentException">The buffer length is not width*height.</exception>
    public FloatPlane(int width, int height, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ImageSize.CheckBufferLength(values.Length, width, height, 1, nameof(values));
        Width = width;
        Height = height;
        Values = values;
    }

    public int Width { get; }

    public int Height { get; }

    public float[] Values { get; }

    public Span<float> GetRow(int y) => Values.AsSpan(y * Width, Width);

    public float this[int x, int y]
    {
        get => Values[(y * Width) + x];
        set => Values[(y * Width) + x] = value;
    }
}
