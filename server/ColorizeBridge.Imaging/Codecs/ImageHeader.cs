namespace ColorizeBridge.Imaging.Codecs;

/// <summary>
/// What an encoded image declares before its pixels: what the limits are
/// checked against before any pixel memory is allocated. Width and height are as stored; a JPEG whose
/// EXIF orientation turns it a quarter decodes with the two swapped.
/// </summary>
internal sealed record ImageHeader(EncodedImageKind Kind, int Width, int Height)
{
    public long PixelCount => (long)Width * Height;
}
