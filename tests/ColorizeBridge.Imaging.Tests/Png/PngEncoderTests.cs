using System.IO.Compression;
using System.Security.Cryptography;
using ColorizeBridge.Imaging.Png;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Png;

public sealed class PngEncoderTests
{
    public static TheoryData<PngFilterStrategy, CompressionLevel> Settings()
    {
        var data = new TheoryData<PngFilterStrategy, CompressionLevel>();
        foreach (PngFilterStrategy filter in Enum.GetValues<PngFilterStrategy>())
        {
            data.Add(filter, CompressionLevel.Fastest);
        }

        data.Add(PngFilterStrategy.Adaptive, CompressionLevel.SmallestSize);
        data.Add(PngFilterStrategy.Up, CompressionLevel.NoCompression);
        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Encode_RgbaWithTransparency_RoundTripsExactly(PngFilterStrategy filter, CompressionLevel level)
    {
        RgbaImage image = TestImages.Noise(33, 17, seed: 4);
        var options = new PngEncoderOptions { Filter = filter, CompressionLevel = level };

        byte[] png = PngEncoder.Encode(image, options);

        Assert.Equal(PngColorType.Rgba, PngDecoder.ReadHeader(png).ColorType);
        Assert.Equal(image.Pixels, PngDecoder.Decode(png).Pixels);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Encode_OpaqueImage_WritesRgbAndRoundTrips(PngFilterStrategy filter, CompressionLevel level)
    {
        RgbaImage image = TestImages.LineArt(40, 31, seed: 5, inkR: 200, inkG: 30, inkB: 90);
        var options = new PngEncoderOptions { Filter = filter, CompressionLevel = level };

        byte[] png = PngEncoder.Encode(image, options);

        Assert.Equal(PngColorType.Rgb, PngDecoder.ReadHeader(png).ColorType);
        Assert.Equal(image.Pixels, PngDecoder.Decode(png).Pixels);
    }

    [Fact]
    public void Encode_GrayImage_WritesGreyscaleAndRoundTrips()
    {
        GrayImage image = TestImages.GrayNoise(21, 13, seed: 6);

        byte[] png = PngEncoder.Encode(image);

        Assert.Equal(PngColorType.Grayscale, PngDecoder.ReadHeader(png).ColorType);
        Assert.Equal(image.ToRgba().Pixels, PngDecoder.Decode(png).Pixels);
    }

    [Fact]
    public void Encode_FlatLineArt_CompressesWellBelowRawSize()
    {
        RgbaImage image = TestImages.LineArt(256, 256, seed: 7);

        byte[] png = PngEncoder.Encode(image);

        Assert.True(png.Length < image.Pixels.Length / 10, $"{png.Length} bytes for {image.Pixels.Length} raw");
    }

    [ReferenceFact]
    public void Encode_AnyKind_IsReadByPilAsTheSamePixels()
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
                    ? PngEncoder.Encode(new GrayImage(image.Width, image.Height, RawPixels.FromRgba(image, RawPixelFormat.Gray8)))
                    : PngEncoder.Encode(image, new PngEncoderOptions { Filter = PngFilterStrategy.Adaptive });
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
