using SkiaSharp;

namespace ColorizeBridge.Imaging.Codecs;

/// <summary>
/// Names the format of encoded bytes for error messages: from Skia's codec
/// where it recognised the bytes, else from the leading magic numbers, so a
/// GIF that Skia could not even open is still answered as a GIF.
/// </summary>
internal static class EncodedFormatNames
{
    public const string Accepted = "send a PNG, JPEG or WebP image";

    public static string Of(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Webp => "WebP",
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Bmp => "BMP",
        SKEncodedImageFormat.Ico => "ICO",
        SKEncodedImageFormat.Wbmp => "WBMP",
        SKEncodedImageFormat.Heif => "HEIF",
        SKEncodedImageFormat.Avif => "AVIF",
        SKEncodedImageFormat.Dng => "DNG",
        SKEncodedImageFormat.Jpegxl => "JPEG XL",
        _ => format.ToString().ToUpperInvariant(),
    };

    public static EncodedImageKind? Kind(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => EncodedImageKind.Png,
        SKEncodedImageFormat.Jpeg => EncodedImageKind.Jpeg,
        SKEncodedImageFormat.Webp => EncodedImageKind.Webp,
        _ => null,
    };

    public static string Of(EncodedImageKind kind) => kind switch
    {
        EncodedImageKind.Png => "PNG",
        EncodedImageKind.Jpeg => "JPEG",
        _ => "WebP",
    };

    /// <summary>"a GIF", "an ICO": the name with its article, for messages.</summary>
    public static string WithArticle(string name) => ("AEIOU".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;

    /// <summary>The format the leading bytes announce, or null when they match none we know.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF",
        [(byte)'B', (byte)'M', ..] => "BMP",
        [(byte)'I', (byte)'I', 42, 0, ..] or [(byte)'M', (byte)'M', 0, 42, ..] => "TIFF",
        [0, 0, 1, 0, ..] => "ICO",
        [(byte)'8', (byte)'B', (byte)'P', (byte)'S', ..] => "PSD",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "HEIF/AVIF",
        _ => null,
    };
}
