namespace ColorizeBridge.Imaging;

/// <summary>
/// Thrown when image bytes are malformed, truncated, corrupted or exceed the
/// configured limits. The message always says what was wrong and, where it
/// applies, what was expected versus what was found.
/// </summary>
public sealed class ImageFormatException : Exception
{
    public ImageFormatException(string message)
        : base(message)
    {
    }

    public ImageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
