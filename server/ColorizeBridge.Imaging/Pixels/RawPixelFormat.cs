namespace ColorizeBridge.Imaging.Pixels;

/// <summary>Uncompressed pixel layouts a client may send (proto PixelFormat).</summary>
public enum RawPixelFormat
{
    /// <summary>4 bytes a pixel, R G B A, straight alpha.</summary>
    Rgba8 = 1,

    /// <summary>4 bytes a pixel, B G R A, straight alpha.</summary>
    Bgra8 = 2,

    /// <summary>1 byte a pixel, grey.</summary>
    Gray8 = 3,
}

public static class RawPixelFormatExtensions
{
    public static int BytesPerPixel(this RawPixelFormat format) => format switch
    {
        RawPixelFormat.Rgba8 or RawPixelFormat.Bgra8 => 4,
        RawPixelFormat.Gray8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown raw pixel format."),
    };
}
