using ColorizeBridge.Api.V1;
using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Core.Requests;

/// <summary>Reads the colorized image of a result, asked for as RAW_RGBA8, into BGRA.</summary>
public static class ColorizeResultReader
{
    /// <exception cref="InvalidDataException">The server sent something else than RGBA pixels of the expected size.</exception>
    public static BgraBitmap Read(ColorizeResult result, int expectedWidth, int expectedHeight)
    {
        ArgumentNullException.ThrowIfNull(result);
        RawImage? raw = result.Image?.Raw;
        if (raw is null || raw.Format != PixelFormat.Rgba8)
        {
            throw new InvalidDataException("the server's result is not the raw RGBA pixels the effect asked for; is it a ColorizeBridge server?");
        }

        if (raw.Width != expectedWidth || raw.Height != expectedHeight)
        {
            throw new InvalidDataException($"the server's result is {raw.Width}x{raw.Height}, the area sent {expectedWidth}x{expectedHeight}");
        }

        if (raw.Pixels.Length != (long)raw.Width * raw.Height * BgraBitmap.BytesPerPixel)
        {
            throw new InvalidDataException($"the server's {raw.Width}x{raw.Height} result carries {raw.Pixels.Length} bytes instead of {(long)raw.Width * raw.Height * BgraBitmap.BytesPerPixel}");
        }

        return PixelConversion.FromRgba(expectedWidth, expectedHeight, raw.Pixels.Span);
    }
}
