namespace ColorizeBridge.Imaging.Pixels;

/// <summary>
/// An 8-bit RGBA image with straight (not premultiplied) alpha, rows top to
/// bottom, no padding between rows: pixel (x, y) starts at (y*Width + x)*4.
/// </summary>
public sealed class RgbaImage
{
    public const int BytesPerPixel = 4;

    /// <summary>Allocates a fully transparent black image.</summary>
    public RgbaImage(int width, int height)
        : this(width, height, new byte[ImageSize.CheckedLength(width, height, BytesPerPixel)])
    {
    }

    /// <summary>Wraps <paramref name="pixels"/> without copying.</summary>
    /// <exception cref="ArgumentException">The buffer length is not width*height*4.</exception>
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ImageSize.CheckBufferLength(pixels.Length, width, height, BytesPerPixel, nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public int PixelCount => Width * Height;

    public Span<byte> GetRow(int y) => Pixels.AsSpan(y * Width * BytesPerPixel, Width * BytesPerPixel);

    /// <summary>True when every pixel has alpha 255.</summary>
    public bool IsOpaque()
    {
        ReadOnlySpan<byte> pixels = Pixels;
        for (int i = 3; i < pixels.Length; i += BytesPerPixel)
        {
            if (pixels[i] != 255)
            {
                return false;
            }
        }

        return true;
    }

    public RgbaImage Clone() => new(Width, Height, (byte[])Pixels.Clone());
}
