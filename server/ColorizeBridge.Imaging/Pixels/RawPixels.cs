namespace ColorizeBridge.Imaging.Pixels;

/// <summary>Turns uncompressed client pixels (proto RawImage) into an <see cref="RgbaImage"/>.</summary>
public static class RawPixels
{
    /// <summary>Copies <paramref name="pixels"/> of the given layout into a new RGBA image.</summary>
    /// <exception cref="ImageFormatException">A size is zero or the byte count does not match width*height*bytes per pixel.</exception>
    public static RgbaImage ToRgba(ReadOnlySpan<byte> pixels, int width, int height, RawPixelFormat format)
    {
        int bytesPerPixel = format.BytesPerPixel();
        if (width <= 0 || height <= 0)
        {
            throw new ImageFormatException($"Raw image size must be positive; got {width}x{height}.");
        }

        long expected = (long)width * height * bytesPerPixel;
        if (pixels.Length != expected)
        {
            throw new ImageFormatException(
                $"Raw {format} image of {width}x{height} needs {expected} bytes ({bytesPerPixel} a pixel) but got {pixels.Length}.");
        }

        if ((long)width * height * RgbaImage.BytesPerPixel > Array.MaxLength)
        {
            throw new ImageFormatException($"Raw image of {width}x{height} is too large.");
        }

        var image = new RgbaImage(width, height);
        Span<byte> target = image.Pixels;
        switch (format)
        {
            case RawPixelFormat.Rgba8:
                pixels.CopyTo(target);
                break;
            case RawPixelFormat.Bgra8:
                for (int i = 0; i < target.Length; i += 4)
                {
                    target[i] = pixels[i + 2];
                    target[i + 1] = pixels[i + 1];
                    target[i + 2] = pixels[i];
                    target[i + 3] = pixels[i + 3];
                }

                break;
            case RawPixelFormat.Gray8:
                for (int i = 0, j = 0; i < pixels.Length; i++, j += 4)
                {
                    byte g = pixels[i];
                    target[j] = g;
                    target[j + 1] = g;
                    target[j + 2] = g;
                    target[j + 3] = 255;
                }

                break;
        }

        return image;
    }

    /// <summary>Copies a GRAY8 buffer into a new <see cref="GrayImage"/>.</summary>
    /// <exception cref="ImageFormatException">A size is zero or the byte count is not width*height.</exception>
    public static GrayImage ToGray(ReadOnlySpan<byte> pixels, int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageFormatException($"Raw image size must be positive; got {width}x{height}.");
        }

        long expected = (long)width * height;
        if (pixels.Length != expected)
        {
            throw new ImageFormatException(
                $"Raw {RawPixelFormat.Gray8} image of {width}x{height} needs {expected} bytes (1 a pixel) but got {pixels.Length}.");
        }

        return new GrayImage(width, height, pixels.ToArray());
    }

    /// <summary>Writes <paramref name="image"/> in the requested layout (e.g. BGRA8 for Paint.NET).</summary>
    public static byte[] FromRgba(RgbaImage image, RawPixelFormat format)
    {
        ArgumentNullException.ThrowIfNull(image);
        ReadOnlySpan<byte> source = image.Pixels;
        var target = new byte[image.PixelCount * format.BytesPerPixel()];
        switch (format)
        {
            case RawPixelFormat.Rgba8:
                source.CopyTo(target);
                break;
            case RawPixelFormat.Bgra8:
                for (int i = 0; i < source.Length; i += 4)
                {
                    target[i] = source[i + 2];
                    target[i + 1] = source[i + 1];
                    target[i + 2] = source[i];
                    target[i + 3] = source[i + 3];
                }

                break;
            case RawPixelFormat.Gray8:
                for (int i = 0, j = 0; j < target.Length; i += 4, j++)
                {
                    target[j] = Luminance.Of(source[i], source[i + 1], source[i + 2]);
                }

                break;
        }

        return target;
    }
}
