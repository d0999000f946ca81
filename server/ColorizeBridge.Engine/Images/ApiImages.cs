using ColorizeBridge.Api.V1;
using ColorizeBridge.Imaging;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using Google.Protobuf;

namespace ColorizeBridge.Engine.Images;

/// <summary>
/// The API's <see cref="Image"/> (encoded bytes in <c>png</c>: PNG, JPEG or
/// WebP; or raw pixels) to and from pixels. Results are encoded as PNG. Every
/// rejection is INVALID_ARGUMENT naming the request field and what to change.
/// </summary>
public static class ApiImages
{
    /// <summary>Decodes <paramref name="image"/>, the request field <paramref name="field"/>, to RGBA8.</summary>
    public static RgbaImage Decode(Image? image, string field, EngineLimits limits)
    {
        if (image is null || image.DataCase == Image.DataOneofCase.None)
        {
            throw new InvalidRequestException(field, $"{field} is empty: send a PNG, JPEG or WebP in {field}.png or pixels in {field}.raw");
        }

        return image.DataCase == Image.DataOneofCase.Png
            ? DecodeEncoded(image.Png, field, limits)
            : DecodeRaw(image.Raw, field, limits);
    }

    /// <summary>
    /// Encodes pixels as the caller asked: PNG (the default) or raw RGBA8. Raw
    /// output wraps <paramref name="pixels"/>' buffer without a copy, so the
    /// caller must not change the image afterwards.
    /// </summary>
    public static Image Encode(RgbaImage pixels, OutputFormat format) => format switch
    {
        OutputFormat.RawRgba8 => new Image
        {
            Raw = new RawImage
            {
                Width = (uint)pixels.Width,
                Height = (uint)pixels.Height,
                Format = PixelFormat.Rgba8,
                // The pixels are this request's own and not written after encoding: wrapped, not copied.
                Pixels = UnsafeByteOperations.UnsafeWrap(pixels.Pixels),
            },
        },
        _ => new Image { Png = UnsafeByteOperations.UnsafeWrap(ImageEncoder.EncodePng(pixels)) },
    };

    private static RgbaImage DecodeEncoded(ByteString png, string field, EngineLimits limits)
    {
        if (png.IsEmpty)
        {
            throw new InvalidRequestException($"{field}.png", $"{field}.png is empty");
        }

        try
        {
            // The declared size is checked against the limits before any pixel memory is allocated.
            var options = new ImageDecoderOptions { MaxPixels = limits.MaxPixels, MaxDimension = limits.MaxDimension };
            return ImageDecoder.Decode(png.Span, options);
        }
        catch (ImageFormatException e)
        {
            throw new InvalidRequestException($"{field}.png", $"{field}.png: {e.Message}");
        }
    }

    private static RgbaImage DecodeRaw(RawImage raw, string field, EngineLimits limits)
    {
        if (raw.Width == 0 || raw.Height == 0)
        {
            throw new InvalidRequestException($"{field}.raw", $"{field}.raw is {raw.Width}x{raw.Height}: width and height must be at least 1");
        }

        if (raw.Width > limits.MaxDimension || raw.Height > limits.MaxDimension || (long)raw.Width * raw.Height > limits.MaxPixels)
        {
            throw new ResourceExhaustedException(
                $"{field}.raw is {raw.Width}x{raw.Height}: the server accepts at most {limits.MaxDimension} pixels a side and {limits.MaxPixels} pixels in all; send a smaller image");
        }

        RawPixelFormat format = raw.Format switch
        {
            PixelFormat.Rgba8 => RawPixelFormat.Rgba8,
            PixelFormat.Bgra8 => RawPixelFormat.Bgra8,
            PixelFormat.Gray8 => RawPixelFormat.Gray8,
            _ => throw new InvalidRequestException($"{field}.raw.format", $"{field}.raw.format must be RGBA8, BGRA8 or GRAY8"),
        };
        long expected = (long)raw.Width * raw.Height * format.BytesPerPixel();
        if (raw.Pixels.Length != expected)
        {
            throw new InvalidRequestException($"{field}.raw.pixels", $"{field}.raw has {raw.Pixels.Length} bytes but {raw.Width}x{raw.Height} {format} needs {expected}");
        }

        return RawPixels.ToRgba(raw.Pixels.Span, (int)raw.Width, (int)raw.Height, format);
    }
}
