namespace ColorizeBridge.Imaging.Codecs;

/// <summary>
/// What an encoded image declares before its pixels: enough to validate a
/// request before decoding it. Width and height are as stored; a JPEG whose
/// EXIF orientation turns it a quarter decodes with the two swapped.
/// </summary>
public sealed record ImageHeader(EncodedImageKind Kind, int Width, int Height)
{
    public long PixelCount => (long)Width * Height;
}
