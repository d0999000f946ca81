namespace ColorizeBridge.Imaging.Pixels;

/// <summary>An 8-bit single-channel image, rows top to bottom, no padding.</summary>
public sealed class GrayImage
{
    /// <summary>Allocates a black image.</summary>
    public GrayImage(int width, int height)
        : this(width, height, new byte[ImageSize.CheckedLength(width, height, 1)])
    {
    }

    /// <summary>Wraps <paramref name="pixels"/> without copying.</summary>
    /// <exception cref="ArgumentException">The buffer length is not width*height.</exception>
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ImageSize.CheckBufferLength(pixels.Length, width, height, 1, nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public Span<byte> GetRow(int y) => Pixels.AsSpan(y * Width, Width);

    /// <summary>Expands to opaque RGBA with R = G = B = grey.</summary>
    public RgbaImage ToRgba()
    {
        var rgba = new RgbaImage(Width, Height);
        ReadOnlySpan<byte> source = Pixels;
        Span<byte> target = rgba.Pixels;
        for (int i = 0, j = 0; i < source.Length; i++, j += 4)
        {
            byte g = source[i];
            target[j] = g;
            target[j + 1] = g;
            target[j + 2] = g;
            target[j + 3] = 255;
        }

        return rgba;
    }
}
