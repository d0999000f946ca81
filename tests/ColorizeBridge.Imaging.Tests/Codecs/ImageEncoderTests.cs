using System.Security.Cryptography;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;
using SkiaSharp;

namespace ColorizeBridge.Imaging.Tests.Codecs;

public sealed class ImageEncoderTests
{
    public static TheoryData<SKPngEncoderFilterFlags, int> Settings() => new()
    {
        { SKPngEncoderFilterFlags.None, 1 },
        { SKPngEncoderFilterFlags.Sub, 1 },
        { SKPngEncoderFilterFlags.Paeth, 6 },
        { SKPngEncoderFilterFlags.AllFilters, 9 },
        { SKPngEncoderFilterFlags.Up, 0 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void EncodePng_RgbaWithTransparency_RoundTripsExactly(SKPngEncoderFilterFlags filters, int zlibLevel)
    {
        // Noise puts every alpha from 0 to 255 under every colour: nothing may be premultiplied on the way.
        RgbaImage image = TestImages.Noise(33, 17, seed: 4);

        byte[] png = ImageEncoder.EncodePng(image, new SKPngEncoderOptions(filters, zlibLevel));

        Assert.Equal(6, PngChunks.ColorType(png));
        Assert.Equal(image.Pixels, ImageDecoder.Decode(png).Pixels);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void EncodePng_OpaqueImage_WritesRgbAndRoundTrips(SKPngEncoderFilterFlags filters, int zlibLevel)
    {
        RgbaImage image = TestImages.LineArt(40, 31, seed: 5, inkR: 200, inkG: 30, inkB: 90);

        byte[] png = ImageEncoder.EncodePng(image, new SKPngEncoderOptions(filters, zlibLevel));

        Assert.Equal(2, PngChunks.ColorType(png));
        Assert.Equal(image.Pixels, ImageDecoder.Decode(png).Pixels);
    }

    [Fact]
    public void EncodePng_GrayImage_WritesGreyscaleAndRoundTrips()
    {
        GrayImage image = TestImages.GrayNoise(21, 13, seed: 6);

        byte[] png = ImageEncoder.EncodePng(image);

        Assert.Equal(0, PngChunks.ColorType(png));
        Assert.Equal(image.ToRgba().Pixels, ImageDecoder.Decode(png).Pixels);
    }

    [Fact]
    public void EncodePng_Default_WritesNoColourSpaceChunk()
    {
        // The pixels were never colour-managed, so the file must not claim a colour space that a viewer would convert from.
        byte[] png = ImageEncoder.EncodePng(TestImages.Noise(8, 8, seed: 7));

        Assert.DoesNotContain(new[] { "gAMA", "cHRM", "sRGB", "iCCP" }, chunk => PngChunks.Contains(png, chunk));
    }

    [Fact]
    public void EncodePng_FlatLineArt_CompressesWellBelowRawSize()
    {
        RgbaImage image = TestImages.LineArt(256, 256, seed: 7);

        byte[] png = ImageEncoder.EncodePng(image);

        Assert.True(png.Length < image.Pixels.Length / 10, $"{png.Length} bytes for {image.Pixels.Length} raw");
    }

    [ReferenceFact]
    public void EncodePng_AnyKind_IsReadByPilAsTheSamePixels()
    {
        // Arrange
        string directory = Directory.CreateTempSubdirectory("png-encoded-").FullName;
        try
        {
            var images = new Dictionary<string, RgbaImage>
            {
                ["rgba.png"] = TestImages.Noise(37, 23, seed: 8),
                ["rgb.png"] = TestImages.Noise(64, 3, seed: 9, opaque: true),
                ["gray.png"] = TestImages.GrayNoise(19, 29, seed: 10).ToRgba(),
                ["single.png"] = TestImages.Noise(1, 1, seed: 11),
            };
            foreach ((string name, RgbaImage image) in images)
            {
                byte[] png = name == "gray.png"
                    ? ImageEncoder.EncodePng(new GrayImage(image.Width, image.Height, RawPixels.FromRgba(image, RawPixelFormat.Gray8)))
                    : ImageEncoder.EncodePng(image, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6));
                File.WriteAllBytes(Path.Combine(directory, name), png);
            }

            // Act
            string[] lines = PythonReference.RunScript(["hash"], string.Join('\n', images.Keys.Select(name => Path.Combine(directory, name))))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);

            // Assert
            Assert.Equal(images.Count, lines.Length);
            foreach (string line in lines)
            {
                string[] fields = line.Split('\t');
                RgbaImage source = images[Path.GetFileName(fields[^1])];
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(source.Pixels)), fields[0]);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
