namespace ColorizeBridge.Imaging.Png;

/// <summary>What a PNG's IHDR declares: enough to validate a request before decoding it.</summary>
public sealed record PngInfo(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    public long PixelCount => (long)Width * Height;

    internal int Channels => ColorType switch
    {
        PngColorType.Grayscale or PngColorType.Palette => 1,
        PngColorType.GrayscaleAlpha => 2,
        PngColorType.Rgb => 3,
        _ => 4,
    };

    internal int BitsPerPixel => Channels * BitDepth;

    /// <summary>Bytes of one filtered scanline of <paramref name="pixels"/> pixels, without the filter byte.</summary>
    internal int ScanlineBytes(int pixels) => (int)((((long)pixels * BitsPerPixel) + 7) / 8);

    /// <summary>The "bpp" of the filters: bytes a complete pixel spans, at least 1 (PNG spec 9.2).</summary>
    internal int FilterStride => Math.Max(1, BitsPerPixel / 8);
}
