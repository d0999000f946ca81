using ColorizeBridge.Imaging.Pixels;
using SkiaSharp;

namespace ColorizeBridge.Imaging.Codecs;

/// <summary>
/// Decodes PNG, JPEG and WebP (told apart by their bytes) to straight-alpha
/// RGBA8 through SkiaSharp. The declared size is read from the header and
/// checked against the limits before any pixel memory is allocated
/// (decompression bombs); JPEG and WebP EXIF orientation is applied.
/// </summary>
/// <remarks>
/// Samples come out as stored: no colour management, as this project's
/// decoder has always done. The destination has no colour space, so Skia
/// ignores gAMA, cHRM, sRGB and iCCP (and JPEG/WebP ICC profiles): a hint's
/// colour is the number the artist painted, and the model sees the values its
/// training data had. 16-bit samples keep their high byte (as libpng's
/// png_set_strip_16 and PIL); palette, grey and colour-key transparency expand
/// to RGBA.
/// </remarks>
public static class ImageDecoder
{
    /// <exception cref="ImageFormatException">Not a PNG, JPEG or WebP; truncated or corrupted; or over the limits.</exception>
    public static RgbaImage Decode(ReadOnlySpan<byte> encoded, ImageDecoderOptions? options = null)
    {
        using SKCodec codec = Open(encoded, out ImageHeader header);
        EnforceLimits(header, options ?? ImageDecoderOptions.Default);

        // Unpremultiplied: a hint pixel's colour survives at any alpha. No colour space: no conversion (see remarks).
        var info = new SKImageInfo(header.Width, header.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var image = new RgbaImage(header.Width, header.Height);
        SKCodecResult result = codec.GetPixels(info, image.Pixels);
        if (result != SKCodecResult.Success)
        {
            throw new ImageFormatException(DecodeFailure(header.Kind, result));
        }

        return ImageOrientation.ToUpright(image, codec.EncodedOrigin);
    }

    private static SKCodec Open(ReadOnlySpan<byte> encoded, out ImageHeader header)
    {
        if (encoded.IsEmpty)
        {
            throw new ImageFormatException($"The image is empty (0 bytes): {EncodedFormatNames.Accepted}.");
        }

        string? sniffed = EncodedFormatNames.Sniff(encoded);
        if (sniffed is not null and not ("PNG" or "JPEG" or "WebP"))
        {
            // Refused before Skia parses it: Skia reads GIF, BMP, ICO and more, and the server promises only three formats.
            throw NotAccepted(sniffed);
        }

        using SKData data = SKData.CreateCopy(encoded);
        // The codec takes ownership of the stream (SkiaSharp revokes the wrapper's), and frees it on failure too.
        SKCodec? codec = SKCodec.Create(new SKMemoryStream(data), out SKCodecResult result);
        if (codec is null)
        {
            throw new ImageFormatException(sniffed is null
                ? $"The bytes are not an image this server reads (they start with {Convert.ToHexString(encoded[..Math.Min(8, encoded.Length)])}): {EncodedFormatNames.Accepted}."
                : $"{sniffed} is truncated or malformed: its header could not be read ({result}).");
        }

        if (EncodedFormatNames.Kind(codec.EncodedFormat) is not { } kind)
        {
            string name = EncodedFormatNames.Of(codec.EncodedFormat);
            codec.Dispose();
            throw NotAccepted(name);
        }

        header = new ImageHeader(kind, codec.Info.Width, codec.Info.Height);
        return codec;
    }

    private static ImageFormatException NotAccepted(string name) =>
        new($"This is {EncodedFormatNames.WithArticle(name)} image, which is not accepted: {EncodedFormatNames.Accepted}.");

    private static string DecodeFailure(EncodedImageKind kind, SKCodecResult result)
    {
        string name = EncodedFormatNames.Of(kind);
        return result switch
        {
            SKCodecResult.IncompleteInput => $"{name} is truncated: the image data ends before the last row.",
            SKCodecResult.ErrorInInput => $"{name} is corrupted: its image data is invalid.",
            _ => $"{name} could not be decoded ({result}).",
        };
    }

    private static void EnforceLimits(ImageHeader header, ImageDecoderOptions options)
    {
        string name = EncodedFormatNames.Of(header.Kind);
        if (header.Width > options.MaxDimension || header.Height > options.MaxDimension)
        {
            throw new ImageFormatException(
                $"{name} of {header.Width}x{header.Height} exceeds the largest side allowed, {options.MaxDimension} pixels.");
        }

        if (header.PixelCount > options.MaxPixels || header.PixelCount * RgbaImage.BytesPerPixel > Array.MaxLength)
        {
            throw new ImageFormatException(
                $"{name} of {header.Width}x{header.Height} ({header.PixelCount} pixels) exceeds the limit of {options.MaxPixels} pixels.");
        }
    }
}
