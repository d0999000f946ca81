namespace ColorizeBridge.PaintDotNet.Core.Imaging;

/// <summary>Between Paint.NET's BGRA and the forms the server takes and gives.</summary>
public static class PixelConversion
{
    /// <summary>
    /// The line art as grey on white paper: each pixel composited over white
    /// by its alpha. A line art layer in Paint.NET is often black lines on a
    /// transparent layer, whose RGB under alpha 0 is meaningless (usually black).
    /// </summary>
    public static byte[] ToGrayOnWhite(BgraBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        byte[] gray = new byte[bitmap.Width * bitmap.Height];
        ReadOnlySpan<byte> bgra = bitmap.Pixels;
        for (int i = 0, p = 0; i < gray.Length; i++, p += BgraBitmap.BytesPerPixel)
        {
            // ITU-R BT.601 luma in 8-bit fixed point.
            int luma = ((29 * bgra[p]) + (150 * bgra[p + 1]) + (77 * bgra[p + 2]) + 128) >> 8;
            int alpha = bgra[p + 3];
            gray[i] = (byte)(255 - ((((255 - luma) * alpha) + 127) / 255));
        }

        return gray;
    }

    /// <summary>RGBA bytes (the server's RAW_RGBA8 output) as a BGRA bitmap.</summary>
    public static BgraBitmap FromRgba(int width, int height, ReadOnlySpan<byte> rgba)
    {
        if (rgba.Length != (long)width * height * BgraBitmap.BytesPerPixel)
        {
            throw new ArgumentException($"{width}x{height} RGBA needs {(long)width * height * BgraBitmap.BytesPerPixel} bytes, got {rgba.Length}", nameof(rgba));
        }

        var bitmap = new BgraBitmap(width, height);
        Span<byte> bgra = bitmap.Pixels;
        for (int p = 0; p < rgba.Length; p += BgraBitmap.BytesPerPixel)
        {
            bgra[p] = rgba[p + 2];
            bgra[p + 1] = rgba[p + 1];
            bgra[p + 2] = rgba[p];
            bgra[p + 3] = rgba[p + 3];
        }

        return bitmap;
    }
}
