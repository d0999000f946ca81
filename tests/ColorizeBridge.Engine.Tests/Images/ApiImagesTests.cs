using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using Google.Protobuf;
using SkiaSharp;

namespace ColorizeBridge.Engine.Tests.Images;

/// <summary>The API's encoded-image field: PNG, JPEG and WebP in (issue 15), PNG out, every refusal a clear status.</summary>
public sealed class ApiImagesTests
{
    private readonly EngineLimits _limits = new();

    private static RgbaImage Stripes(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            bool ink = (i / 4 % width) % 8 < 2;
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = ink ? ((byte)20, (byte)20, (byte)20, (byte)255) : ((byte)250, (byte)250, (byte)250, (byte)255);
        }

        return image;
    }

    private static Image Encoded(RgbaImage image, Func<SKPixmap, SKData?> encode)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        image.Pixels.CopyTo(bitmap.GetPixelSpan());
        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData data = encode(pixmap) ?? throw new InvalidOperationException("SkiaSharp could not encode the fixture");
        return new Image { Png = ByteString.CopyFrom(data.ToArray()) };
    }

    [Fact]
    public void Decode_JpegInThePngField_IsAccepted()
    {
        RgbaImage source = Stripes(40, 24);

        RgbaImage decoded = ApiImages.Decode(Encoded(source, pixmap => pixmap.Encode(new SKJpegEncoderOptions(95))), "line_art", _limits);

        Assert.Equal((40, 24), (decoded.Width, decoded.Height));
        Assert.True(decoded.Pixels.Zip(source.Pixels).Average(pair => Math.Abs(pair.First - pair.Second)) < 4);
    }

    [Fact]
    public void Decode_LosslessWebpInThePngField_IsExact()
    {
        RgbaImage source = Stripes(40, 24);

        RgbaImage decoded = ApiImages.Decode(
            Encoded(source, pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100))), "hints.hint_layer", _limits);

        Assert.Equal(source.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Decode_Gif_InvalidArgumentNamingTheFieldAndTheFormat()
    {
        var gif = new Image { Png = ByteString.CopyFrom([.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B]) };

        var error = Assert.Throws<InvalidRequestException>(() => ApiImages.Decode(gif, "line_art", _limits));

        Assert.Equal("line_art.png", error.Field);
        Assert.Equal("line_art.png: This is a GIF image, which is not accepted: send a PNG, JPEG or WebP image.", error.Message);
    }

    [Fact]
    public void Decode_JpegOverTheSizeLimit_InvalidArgumentBeforeDecoding()
    {
        Image jpeg = Encoded(Stripes(300, 200), pixmap => pixmap.Encode(new SKJpegEncoderOptions(80)));

        var error = Assert.Throws<InvalidRequestException>(() => ApiImages.Decode(jpeg, "line_art", _limits with { MaxDimension = 256 }));

        Assert.Equal("line_art.png", error.Field);
        Assert.Contains("JPEG of 300x200 exceeds the largest side allowed, 256 pixels", error.Message);
    }

    [Fact]
    public void Encode_Default_IsAPngOfThePixels()
    {
        RgbaImage source = Stripes(17, 9);

        Image encoded = ApiImages.Encode(source, OutputFormat.Png);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], encoded.Png.Span[..4].ToArray());
        Assert.Equal(source.Pixels, ImageDecoder.Decode(encoded.Png.Span).Pixels);
    }
}
