namespace ColorizeBridge.PaintDotNet.Core.Imaging;

/// <summary>
/// Pixels as Paint.NET keeps a layer: 4 bytes a pixel in the order B, G, R, A,
/// straight (not premultiplied) alpha, rows top to bottom without padding.
/// </summary>
public sealed class BgraBitmap
{
    public const int BytesPerPixel = 4;

    public BgraBitmap(int width, int height)
        : this(width, height, new byte[checked(width * height * BytesPerPixel)])
    {
    }

    public BgraBitmap(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)width * height * BytesPerPixel)
        {
            throw new ArgumentException($"{width}x{height} BGRA needs {(long)width * height * BytesPerPixel} bytes, got {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public PixelRect Bounds => new(0, 0, Width, Height);

    public Span<byte> GetRow(int y) => Pixels.AsSpan(y * Width * BytesPerPixel, Width * BytesPerPixel);

    /// <summary>A copy of <paramref name="area"/>, which must lie inside the bitmap.</summary>
    public BgraBitmap Crop(PixelRect area)
    {
        if (area.IsEmpty || area.Intersect(Bounds) != area)
        {
            throw new ArgumentOutOfRangeException(nameof(area), area, $"not inside the {Width}x{Height} bitmap");
        }

        var crop = new BgraBitmap(area.Width, area.Height);
        for (int y = 0; y < area.Height; y++)
        {
            GetRow(area.Y + y).Slice(area.X * BytesPerPixel, area.Width * BytesPerPixel).CopyTo(crop.GetRow(y));
        }

        return crop;
    }
}
