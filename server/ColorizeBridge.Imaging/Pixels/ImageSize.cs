namespace ColorizeBridge.Imaging.Pixels;

/// <summary>Validation shared by every pixel container so all reject bad sizes alike.</summary>
internal static class ImageSize
{
    /// <summary>Returns width*height*channels, throwing for zero, negative or overflowing sizes.</summary>
    public static int CheckedLength(int width, int height, int channels)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(
                width <= 0 ? nameof(width) : nameof(height),
                $"Image size must be positive; got {width}x{height}.");
        }

        long length = (long)width * height * channels;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width), $"Image of {width}x{height} with {channels} channel(s) is too large for one buffer.");
        }

        return (int)length;
    }

    public static void CheckBufferLength(int actual, int width, int height, int channels, string paramName)
    {
        int expected = CheckedLength(width, height, channels);
        if (actual != expected)
        {
            throw new ArgumentException(
                $"Pixel buffer has {actual} bytes but {width}x{height} with {channels} byte(s) a pixel needs {expected}.",
                paramName);
        }
    }
}
